#!/usr/bin/env bash
# Creates a JDK AOT cache (JEP 483/514/515) for a service image by a training run INSIDE that image,
# so the cache is made by the very JVM, class path (jars only: Jib's packaged mode) and JVM flags
# (the image's own entrypoint) that will use it. Run by Maven (services/pom.xml, profile docker-images)
# between the two Jib builds: image without cache -> this script -> same image + cache layer.
#
# Usage: scripts/aot-cache-train.sh IMAGE OUTPUT_DIR SERVICE PORT PATHS [--with-database]
#   IMAGE          the image just built by Jib (its entrypoint is used unchanged)
#   OUTPUT_DIR     emptied first, then receives app.aot (so a stale cache can never be picked up)
#   SERVICE        backend or frontend: the run gets the service's memory limit in Compose
#                  (scripts/compose-memory-limit.sh; heap size and compressed-oops mode follow it)
#   PORT, PATHS    the service's port and comma-separated paths: the first must answer 2xx (ready);
#                  then each is requested once, so what a start and the first requests load is trained;
#                  a path written :NNNN/path goes to port NNNN (Actuator's management port)
#   --with-database  start a throw-away PostgreSQL for the run (the backend migrates with Flyway and
#                  connects while it starts: Spring AOT fixed those beans at build time, so they cannot
#                  be switched off for training, and training them is what makes the cache pay off)
# Environment: TASKAPP_DB_IMAGE (default postgres:17-alpine; taskapp/postgres:17 where air-gapped).
#
# The service runs until ready, answers the requests and is stopped (SIGTERM: the JVM writes what it
# recorded as it exits); then a second JVM in the same image assembles the cache. Two steps: the
# one-step -XX:AOTCacheOutput forks the assembling JVM next to the training one, and the pair does not
# fit in the memory limit.
set -euo pipefail

image=$1 out=$2 service=$3 port=$4 paths=$5 with_database=${6:-}
memory=$("$(dirname "$0")/compose-memory-limit.sh" "$service")
name="taskapp-aot-$(basename "$out" | tr -c 'a-z0-9\n' '-')-$$"
work=$(mktemp -d)
chmod 777 "$work" # the image runs as uid 10001
network=
cleanup() {
  docker rm -f "$name" "$name-db" > /dev/null 2>&1 || true
  [ -z "$network" ] || docker network rm "$network" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$out"
mkdir -p "$out"

# Training-only values: the containers never leave this machine and are removed at once.
env_args=(-e SECRET_KEY=aot-training-only-not-a-secret-0123456789 -e JWT_SECRET_KEY=aot-training-only-not-a-secret-0123456789)
if [ "$with_database" = --with-database ]; then
  network=$name
  docker network create "$network" > /dev/null
  docker run -d --name "$name-db" --network "$network" --tmpfs /var/run/postgresql \
    -e POSTGRES_DB=training -e POSTGRES_USER=training -e POSTGRES_PASSWORD=training \
    "${TASKAPP_DB_IMAGE:-postgres:17-alpine}" > /dev/null
  for _ in $(seq 150); do
    docker exec "$name-db" pg_isready -h 127.0.0.1 -U training -q 2> /dev/null && break
    sleep 0.2
  done
  docker exec "$name-db" pg_isready -h 127.0.0.1 -U training -q ||
    { docker logs "$name-db" >&2; echo "[aot-cache] training database did not start" >&2; exit 1; }
  env_args+=(--network "$network" -e DATABASE_URL="postgresql://training:training@$name-db:5432/training")
fi

# -Xlog:aot=error: JDK warns about every class it cannot archive (proxies, unlinked optional classes).
record=(-e "JAVA_TOOL_OPTIONS=-XX:AOTMode=record -XX:AOTConfiguration=/aot/app.aotconf -Xlog:aot=error")
create=(-e "JAVA_TOOL_OPTIONS=-XX:AOTMode=create -XX:AOTConfiguration=/aot/app.aotconf -XX:AOTCache=/aot/app.aot -Xlog:aot=error")
container_options=(--memory "$memory" --read-only --tmpfs /tmp -v "$work:/aot")
fail() { docker logs "$name" >&2 2> /dev/null || true; echo "[aot-cache] $image: $*" >&2; exit 1; }

IFS=, read -r -a paths <<< "$paths"
url() { if [[ $1 == :* ]]; then echo "http://127.0.0.1$1"; else echo "http://127.0.0.1:$port$1"; fi; }
docker run -d --name "$name" "${container_options[@]}" "${env_args[@]}" "${record[@]}" "$image" > /dev/null
ready=false
for _ in $(seq 600); do # 60 s
  if docker exec "$name" curl -fsS -o /dev/null "$(url "${paths[0]}")" 2> /dev/null; then ready=true; break; fi
  [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "the training run stopped before it was ready"
  sleep 0.1
done
$ready || fail "not ready at ${paths[0]} within 60 s"
for path in "${paths[@]}"; do
  docker exec "$name" curl -sS -o /dev/null "$(url "$path")" || fail "no answer from $path"
done
docker stop -t 30 "$name" > /dev/null
[ -s "$work/app.aotconf" ] || fail "the training run recorded nothing"
docker rm "$name" > /dev/null
log=$work/create.log
docker run --rm "${container_options[@]}" "${create[@]}" "$image" > "$log" 2>&1 ||
  { cat "$log" >&2; echo "[aot-cache] cache assembly for $image failed" >&2; exit 1; }
cp "$work/app.aot" "$out/app.aot"
echo "[aot-cache] $image: $(du -m "$out/app.aot" | cut -f1) MB AOT cache in $out (trained with --memory $memory)"
