#!/usr/bin/env bash
# Prints the Compose stack's figures (not part of ./mvnw verify):
#   cold start  `docker compose up -d --wait` with the images present and an empty volume
#   warm start  the same after `docker compose stop` (containers and data kept)
#   memory      `docker stats` per container after 60 s idle
#   rebuild     Jib image rebuild after a one-line change in the backend (package: no AOT cache;
#               verify: with the cache, docs/images.md)
# Targets and recorded figures: docs/performance.md.
#
# Runs as its own Compose project (taskapp-bench) with random secrets and free ports, so a stack
# started with scripts/start.sh is not touched. Images must exist (scripts/start.sh or ./mvnw package).
# Environment: TASKAPP_DB_IMAGE (default postgres:17-alpine; taskapp/postgres:17 where air-gapped),
#              BENCH_IDLE_SECONDS (default 60), BENCH_SKIP_REBUILD=true.
set -euo pipefail
cd "$(dirname "$0")/.."

project=taskapp-bench
idle=${BENCH_IDLE_SECONDS:-60}
env_file=$(mktemp)
secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
cat > "$env_file" <<EOF
POSTGRES_PASSWORD=$(secret)
SECRET_KEY=$(secret)
JWT_SECRET_KEY=$(secret)
BACKEND_PORT=
FRONTEND_PORT=
TASKAPP_DB_IMAGE=${TASKAPP_DB_IMAGE:-postgres:17-alpine}
EOF
files=(-f docker-compose.yml)
if [ "$(docker version -f '{{.Server.Version}}' | cut -d. -f1)" -ge 25 ]; then
  files+=(-f compose.engine25.yml)
fi
compose() { docker compose -p "$project" --env-file "$env_file" "${files[@]}" "$@"; }
cleanup() { compose down -v --remove-orphans > /dev/null 2>&1 || true; rm -f "$env_file"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# Maven's output (and the JDK's warnings about Maven's own libraries) only when it fails.
mvn_quiet() {
  local log
  log=$(mktemp)
  ./mvnw -B -q -o "$@" > "$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}
seconds_since() { awk -v s="$1" -v e="$(now_ms)" 'BEGIN { printf "%.1f", (e - s) / 1000 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "engine:  Docker $(docker version -f '{{.Server.Version}}'), $(docker compose version)"
echo "db image: ${TASKAPP_DB_IMAGE:-postgres:17-alpine}"

# When each container started and became healthy, from the engine's events, relative to `up`.
tiers() {
  local since=$1
  docker events --since "$((since / 1000))" --until "$(($(date +%s) + 1))" --filter "label=com.docker.compose.project=$project" \
      --filter event=start --filter event=health_status --format '{{.TimeNano}} {{.Actor.Attributes.name}} {{.Action}}' |
    awk -v s="$since" '{ printf "    +%5.1f s  %-26s %s %s\n", ($1 / 1e6 - s) / 1000, $2, $3, $4 }'
}

compose down -v --remove-orphans > /dev/null 2>&1 || true
start=$(now_ms)
compose up -d --wait > /dev/null 2>&1
echo "cold start (empty volume) to all healthy: $(seconds_since "$start") s   (target <= 10 s)"
tiers "$start"

compose stop > /dev/null 2>&1
start=$(now_ms)
compose up -d --wait > /dev/null 2>&1
echo "warm start (stop, then up) to all healthy: $(seconds_since "$start") s   (target <= 6 s)"
tiers "$start"

backend=$(compose port backend 5000)
for _ in 1 2 3; do curl -fsS -o /dev/null "http://$backend/api/health"; done
sleep "$idle"
echo "memory after ${idle} s idle (docker stats):"
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(compose ps -q) |
  awk '{ v = $2; n = v + 0; if (v ~ /GiB/) n *= 1024; else if (v ~ /KiB/) n /= 1024; else if (v ~ /B$/ && v !~ /iB/) n /= 1048576;
         printf "  %-28s %7.1f MiB\n", $1, n; total += n }
       END { printf "  %-28s %7.1f MiB   (target <= 300 MB = 286 MiB)\n", "total", total }'

if [ "${BENCH_SKIP_REBUILD:-false}" != true ]; then
  # A one-line change that reaches the image: a new line in the backend's application.properties.
  properties=services/backend/src/main/resources/application.properties
  cp "$properties" "$properties.bench-backup"
  restore() { mv "$properties.bench-backup" "$properties"; }
  trap 'restore; cleanup' EXIT
  echo "info.app.benchmark-marker=$(date +%s%N)" >> "$properties"
  start=$(now_ms)
  mvn_quiet -Pdocker-images -pl services/backend package -DskipTests
  echo "rebuild after a one-line change, ./mvnw package (compile, Spring AOT, jar, Jib dockerBuild): $(seconds_since "$start") s"
  echo "info.app.benchmark-marker=$(date +%s%N)" >> "$properties"
  start=$(now_ms)
  mvn_quiet -Pdocker-images -pl services/backend verify -DskipTests
  echo "rebuild after a one-line change, ./mvnw verify (+ AOT cache training run, image with the cache): $(seconds_since "$start") s"
  echo "info.app.benchmark-marker=$(date +%s%N)" >> "$properties"
  start=$(now_ms)
  mvn_quiet -pl services/backend compile jib:dockerBuild
  echo "rebuild after a one-line change, ./mvnw compile jib:dockerBuild (the developer's loop): $(seconds_since "$start") s   (target <= 8 s)"
  restore
  trap cleanup EXIT
  # Leave the engine with the image of the unchanged sources, AOT cache included.
  mvn_quiet -Pdocker-images -pl services/backend verify -DskipTests
fi
