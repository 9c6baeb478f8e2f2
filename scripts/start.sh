#!/usr/bin/env bash
# Takes a fresh clone to a running stack:
#  1. creates .env from .env.example with random secrets when .env is absent;
#  2. finds out whether a container registry answers, else builds the base images from Debian
#     packages (scripts/base-images-env.sh);
#  3. builds taskapp/backend and taskapp/frontend with Jib into the local Docker engine;
#  4. docker compose up -d --wait.
# Options: --no-build (use the images already in the engine).
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
[ "${1:-}" = --no-build ] && build=false

log() { printf '[start] %s\n' "$*" >&2; }

random_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

create_env_file() {
  local line key value
  while IFS= read -r line; do
    key=${line%%=*}
    value=${line#*=}
    if [[ $line != \#* && $line == *=* && $value == change-me ]]; then
      line="$key=$(random_secret)"
    fi
    printf '%s\n' "$line"
  done < .env.example > .env
  chmod 600 .env
  log "created .env with random secrets (kept for later runs; back it up with the volume)"
}

set_env_value() { # replaces KEY=... in .env, so plain `docker compose` uses the same value later
  local key=$1 value=$2
  if grep -q "^$key=" .env; then
    sed -i "s|^$key=.*|$key=$value|" .env
  else
    printf '%s=%s\n' "$key" "$value" >> .env
  fi
}

# The database volume of this Compose project, if one exists (left by an earlier install).
database_volume() {
  local project=${COMPOSE_PROJECT_NAME:-$(sed -n 's/^name: *//p' docker-compose.yml)}
  docker volume ls -q --filter "label=com.docker.compose.project=$project" \
    --filter label=com.docker.compose.volume=postgres_data | head -n 1
}

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
docker info > /dev/null 2>&1 || { log "no Docker engine answers (is dockerd running?)"; exit 1; }
docker compose version > /dev/null 2>&1 || { log "Compose v2 is missing (docker compose version)"; exit 1; }

if [ ! -f .env ]; then
  # A new .env brings a new database password, which a database created under the old one refuses:
  # stop before anything changes rather than start a backend that cannot sign in.
  volume=$(database_volume)
  if [ -n "$volume" ]; then
    log "volume $volume holds the database of an earlier install but there is no .env with its password: put that .env back here, or delete the data with: docker volume rm $volume"
    exit 1
  fi
  create_env_file
fi

# Engine >= 25 knows healthcheck start_interval: check every second only while starting.
engine_major=$(docker version -f '{{.Server.Version}}' | cut -d. -f1)
if [ "$engine_major" -ge 25 ] && ! grep -q '^COMPOSE_FILE=' .env; then
  set_env_value COMPOSE_FILE docker-compose.yml:compose.engine25.yml
fi

base_images_env=$(scripts/base-images-env.sh)
eval "$base_images_env"
if [ -n "${TASKAPP_DB_IMAGE:-}" ]; then
  set_env_value TASKAPP_DB_IMAGE "$TASKAPP_DB_IMAGE"
fi

if $build; then
  log "building the images with Jib (base ${TASKAPP_BASE_IMAGE:-eclipse-temurin:25-jre})"
  # verify, not package: the images then carry their JDK AOT cache (docs/images.md).
  ./mvnw -B -q -DskipTests -Pdocker-images -pl services/backend,services/frontend -am verify
fi

log "starting the stack"
started=$SECONDS
if ! docker compose up -d --wait; then
  # grep without -q reads to the end: with pipefail, an early exit would fail `docker compose logs`.
  if docker compose logs --no-log-prefix backend 2>/dev/null | grep 'password authentication failed' > /dev/null; then
    log "the database refused POSTGRES_PASSWORD from .env: it keeps the password it was created with; put that value back in .env, or delete the data with: docker compose down -v"
  fi
  exit 1
fi
# shellcheck disable=SC1091
set -a; . ./.env; set +a
log "up and healthy in $((SECONDS - started)) s:"
log "  web UI      http://${TASKAPP_BIND_ADDRESS:-127.0.0.1}:${FRONTEND_PORT:-3000}"
log "  REST API    http://${TASKAPP_BIND_ADDRESS:-127.0.0.1}:${BACKEND_PORT:-5000}/api/health"
log "  stop with   docker compose down      (add -v to delete the data)"
