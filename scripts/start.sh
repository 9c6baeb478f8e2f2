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

[ -f .env ] || create_env_file

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
docker info > /dev/null 2>&1 || { log "no Docker engine answers (is dockerd running?)"; exit 1; }
docker compose version > /dev/null 2>&1 || { log "Compose v2 is missing (docker compose version)"; exit 1; }

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
docker compose up -d --wait
# shellcheck disable=SC1091
set -a; . ./.env; set +a
log "up and healthy in $((SECONDS - started)) s:"
log "  web UI      http://${TASKAPP_BIND_ADDRESS:-127.0.0.1}:${FRONTEND_PORT:-3000}"
log "  REST API    http://${TASKAPP_BIND_ADDRESS:-127.0.0.1}:${BACKEND_PORT:-5000}/api/health"
log "  stop with   docker compose down      (add -v to delete the data)"
