#!/usr/bin/env bash
# Prints how fast each service image starts with and without its JDK AOT cache (not part of
# ./mvnw verify). For each image: Spring's "Started ... in X seconds" line; the first 200 from the
# health endpoint (what Compose's healthcheck waits for), counted from `docker run` and from the
# container's process start (Docker's StartedAt); and memory after start.
# The same image runs without its cache by hiding /app/aot behind an empty tmpfs (the JVM's default
# -XX:AOTMode=auto then starts without it), so nothing else differs.
#
# Usage: scripts/aot-cache-benchmark.sh [TAG]   (default: the project version; images must exist)
# Environment: BENCH_RUNS (default 3), TASKAPP_DB_IMAGE (default postgres:17-alpine).
set -euo pipefail

tag=${1:-0.1.0}
runs=${BENCH_RUNS:-3}
name="taskapp-aot-bench-$$"
cleanup() {
  docker rm -f "$name-app" "$name-db" > /dev/null 2>&1 || true
  docker network rm "$name" > /dev/null 2>&1 || true
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }

docker network create "$name" > /dev/null
docker run -d --name "$name-db" --network "$name" --tmpfs /var/run/postgresql \
  -e POSTGRES_DB=bench -e POSTGRES_USER=bench -e POSTGRES_PASSWORD=bench "${TASKAPP_DB_IMAGE:-postgres:17-alpine}" > /dev/null
for _ in $(seq 150); do docker exec "$name-db" pg_isready -h 127.0.0.1 -U bench -q 2> /dev/null && break; sleep 0.2; done

# start IMAGE PORT HEALTH_PATH MEMORY [docker run options...] -> "started_s ready_s memory"
start() {
  local image=$1 port=$2 health=$3 memory=$4
  shift 4
  local begin ready started memory address
  begin=$(now_ms)
  docker run -d --name "$name-app" --network "$name" --memory "$memory" --read-only --tmpfs /tmp "$@" \
    -e DATABASE_URL=postgresql://bench:bench@$name-db:5432/bench \
    -e SECRET_KEY=bench-only-not-a-secret-0123456789abcdef -e JWT_SECRET_KEY=bench-only-not-a-secret-0123456789abcdef \
    -p "127.0.0.1::$port" "$image" > /dev/null
  address=$(docker port "$name-app" "$port" | head -1)
  until curl -fsS -o /dev/null "http://$address$health" 2> /dev/null; do
    sleep 0.02
    [ $(($(now_ms) - begin)) -lt 60000 ] || { docker logs "$name-app" >&2; return 1; }
  done
  local end=$(now_ms) since_start
  ready=$(awk -v b="$begin" -v e="$end" 'BEGIN { printf "%.2f", (e - b) / 1000 }')
  # From the moment the container's process started (Docker's StartedAt, the same clock), without
  # `docker run`'s own work before it (creating the container, its network and port).
  since_start=$(awk -v b="$(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$name-app")" +%s%3N)" -v e="$end" \
    'BEGIN { printf "%.2f", (e - b) / 1000 }')
  started=$(docker logs "$name-app" 2>&1 | sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p')
  sleep 5
  memory=$(docker stats --no-stream --format '{{.MemUsage}}' "$name-app" | cut -d/ -f1)
  docker rm -f "$name-app" > /dev/null
  echo "$started $ready $since_start $memory"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); images taskapp/{backend,frontend}:$tag"
echo "service   cache  run  'Started in'  to health 200: from docker run / from process start  memory 5 s later  load"
for service in backend frontend; do
  if [ "$service" = backend ]; then args=(5000 /api/health); else args=(8081 /actuator/health/liveness); fi # on the management port
  args+=("$("$(dirname "$0")/compose-memory-limit.sh" "$service")")
  for run in $(seq "$runs"); do
    for cache in with without; do
      hide=()
      [ "$cache" = with ] || hide=(--tmpfs /app/aot)
      read -r started ready since_start memory < <(start "taskapp/$service:$tag" "${args[@]}" "${hide[@]}")
      printf '%-9s %-7s %3d  %9s s  %22s s / %6s s  %15s  %s\n' "$service" "$cache" "$run" "$started" "$ready" "$since_start" "$memory" "$(load)"
    done
  done
done
