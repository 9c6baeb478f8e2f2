#!/usr/bin/env bash
# Prints the Compose stack's figures (not part of ./mvnw verify):
#   cold start  `docker compose up -d --wait` with the images present and an empty volume, ROUNDS
#               times: each round, and the median with its spread (min-max); each round also split
#               into the two JVMs' start and the rest (Compose, the engine, the database)
#   warm start  the same after `docker compose stop` (containers and data kept), in the same rounds
#   memory      `docker stats` per container and in total, after BENCH_IDLE_SECONDS idle in every
#               round (after its warm start; each round's total, and the median) and at the end of
#               load: wrk from the host on the published ports, first the backend's
#               GET /api/tasks?size=20, then the frontend's task list (signed in through its form),
#               LOAD_DURATION each, for one user holding 20 tasks
#   rebuild     Jib image rebuild after a one-line change in the backend (package: no AOT cache;
#               verify: with the cache, docs/images.md)
# Targets and recorded figures: docs/performance.md.
#
# Runs as its own Compose project (taskapp-bench) with random secrets and free ports, so a stack
# started with scripts/start.sh is not touched; its containers and volume are removed at the end.
# Images must exist (scripts/start.sh or ./mvnw package).
# Environment: TASKAPP_DB_IMAGE (default postgres:17-alpine; taskapp/postgres:17 where air-gapped),
#              ROUNDS (3), BENCH_IDLE_SECONDS (60), LOAD_DURATION (20s), CONNECTIONS (32),
#              BENCH_SKIP_REBUILD=true. Needs wrk and curl on the host.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh

project=taskapp-bench
rounds=${ROUNDS:-3}
idle=${BENCH_IDLE_SECONDS:-60}
load_duration=${LOAD_DURATION:-20s}
connections=${CONNECTIONS:-32}
for tool in wrk curl; do
  command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 1; }
done
state=$(mktemp -d)
env_file=$state/env
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
cleanup() {
  [ -z "${events_pid:-}" ] || kill "$events_pid" 2>/dev/null || true
  compose down -v --remove-orphans > /dev/null 2>&1 || true
  rm -rf "$state"
}
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

# When each container started and became healthy, from the engine's events, relative to `up`, on one
# line: "db start +0.3 healthy +1.1, backend ...". The events are followed from before `up` on: the
# engine keeps only its latest events for a later query, and others' containers on this machine
# push ours out.
events_pid=""
follow_events() { # since_ms
  docker events --since "$(($1 / 1000))" --filter "label=com.docker.compose.project=$project" \
      --filter event=start --filter event=health_status \
      --format '{{.TimeNano}} {{index .Actor.Attributes "com.docker.compose.service"}} {{.Action}}' > "$state/events" &
  events_pid=$!
}
stop_events() {
  sleep 1 # the last health event may reach the stream just after `up --wait` has returned
  kill "$events_pid" 2>/dev/null || true
  wait "$events_pid" 2>/dev/null || true
  events_pid=""
}
# Also splits the time to the last tier's healthy in two: the JVMs' (each one's container start to
# healthy, added) and the rest (Compose, the engine's container starts, the database), which no JVM
# flag can shorten; written to $state/split as "JVMS REST".
tiers() { # since_ms
  awk -v s="$1" -v split_file="$state/split" '
      { t = ($1 / 1e6 - s) / 1000; what = $3 == "start" ? "start" : $4 }
      t >= 0 {
        if (!($2 in line)) order[++n] = $2
        line[$2] = line[$2] sprintf(" %s +%.1f", what, t)
        if (what == "start") started[$2] = t
        else if (what == "healthy" && !($2 in healthy)) { healthy[$2] = t; if (t > last) last = t }
      }
      END {
        for (i = 1; i <= n; i++) printf "%s%s%s", (i > 1 ? ", " : ""), order[i], line[order[i]]
        jvms = (healthy["backend"] - started["backend"]) + (healthy["frontend"] - started["frontend"])
        printf "; JVMs %.1f s, the rest %.1f s\n", jvms, last - jvms
        printf "%.2f %.2f\n", jvms, last - jvms > split_file
      }' "$state/events"
}

# Each round: a cold start from an empty volume, then a warm start (stop, up) of the same containers.
echo "start to all healthy (docker compose up -d --wait), $rounds rounds:"
# One `up -d --wait`, timed: prints the round's line and adds the seconds to the array named KIND.
timed_up() { # round kind
  local start seconds
  local -n times=$2
  start=$(now_ms)
  follow_events "$start"
  compose up -d --wait > /dev/null 2>&1
  seconds=$(seconds_since "$start")
  stop_events
  times+=("$seconds")
  printf '  round %-2s %s %5s s  (%s)\n' "$1" "$2" "$seconds" "$(tiers "$start")"
  cat "$state/split" >> "$state/split-$2"
}
# docker stats of the project's containers into a file, "service MiB" a line.
memory() { # file
  # shellcheck disable=SC2046
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(compose ps -q) |
    awk -v p="$project-" '{
        v = $2; n = v + 0; if (v ~ /GiB/) n *= 1024; else if (v ~ /KiB/) n /= 1024; else if (v ~ /B$/ && v !~ /iB/) n /= 1048576
        name = $1; sub("^" p, "", name); sub(/-[0-9]+$/, "", name); printf "%s %.1f\n", name, n
      }' | sort > "$1"
}

# After each round's warm start: a few requests, then BENCH_IDLE_SECONDS with none (the health checks
# go on), then docker stats into $state/idle-ROUND.
idle_memory() { # round
  local api
  api=$(compose port backend 5000)
  for _ in 1 2 3; do curl -fsS -o /dev/null "http://$api/api/health"; done
  sleep "$idle"
  memory "$state/idle-$1"
}
cold=() warm=()
for round in $(seq 1 "$rounds"); do
  compose down -v --remove-orphans > /dev/null 2>&1 || true
  timed_up "$round" cold
  compose stop > /dev/null 2>&1
  timed_up "$round" warm
  idle_memory "$round"
done
echo "  cold start (empty volume), median (min-max):   $(printf '%s\n' "${cold[@]}" | bench_spread %.1f) s   (target <= 6 s)"
echo "  warm start (stop, then up), median (min-max):  $(printf '%s\n' "${warm[@]}" | bench_spread %.1f) s"
echo "  of the cold starts, the two JVMs (container start to healthy): $(cut -d' ' -f1 "$state/split-cold" | bench_spread %.1f) s;" \
  "the rest (Compose, the engine's container starts, the database): $(cut -d' ' -f2 "$state/split-cold" | bench_spread %.1f) s"
# Each container's idle figure is the median of the rounds' (in $state/idle, for the table below);
# the rounds' totals, and their median and spread, on one line.
for name in $(cut -d' ' -f1 "$state/idle-1"); do
  printf '%s %s\n' "$name" "$(awk -v n="$name" '$1 == n { print $2 }' "$state"/idle-* | bench_stats | cut -d' ' -f1)"
done > "$state/idle"
idle_totals=$(for f in "$state"/idle-*; do awk '{ t += $2 } END { printf "%.1f\n", t }' "$f"; done)
echo "memory after $idle s idle, 3 containers, per round: $(echo $idle_totals) MiB; median (min-max): $(echo "$idle_totals" | bench_spread %.1f) MiB   (target <= 191 MiB)"

backend=$(compose port backend 5000)
frontend=$(compose port frontend 3000)

# One user with 20 tasks, through the backend's REST API.
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
credentials='{"username":"bench","password":"bench-password"}'
curl -fsS -o /dev/null -XPOST -H 'Content-Type: application/json' -d "$credentials" "http://$backend/api/auth/register"
token=$(curl -fsS -XPOST -H 'Content-Type: application/json' -d "$credentials" "http://$backend/api/auth/login" | json_field access_token)
for i in $(seq 1 20); do
  curl -fsS -o /dev/null -XPOST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"task $i\",\"description\":\"seeded\"}" "http://$backend/api/tasks"
done
# The frontend's session: sign in through its form as a browser does (the form's CSRF field must
# match its cookie), then send every cookie it set with each request.
jar=$state/cookies
csrf=$(curl -fsS -c "$jar" -b "$jar" "http://$frontend/signin" | grep -o '<input[^>]*name="_csrf"[^>]*>' |
  sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode username=bench \
  --data-urlencode password=bench-password "http://$frontend/signin"
cookie=$(awk '!/^# / && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
page=$(curl -sS -w '%{http_code}' -H "Cookie: $cookie" "http://$frontend/tasks")
case $page in
  *'task '*200) ;;
  *) echo "the frontend's task list is not what wrk should measure (did the sign-in fail? answer ${page: -3})" >&2; exit 1 ;;
esac

# One wrk run: prints req/s and p99, and errors when there are any.
load() { # name url header
  local out=$state/wrk.txt
  wrk -t2 -c"$connections" -d"$load_duration" --latency -H "$3" "$2" > "$out"
  printf '  %-32s %6.0f req/s   p99 %8s ms   %s\n' "$1" "$(awk '/Requests\/sec/ { print $2 }' "$out")" \
    "$(bench_wrk_p99_ms "$out")" "$(awk '/Non-2xx|Socket errors/' "$out" | tr -s ' \n' ' ')"
}
echo "load from the host (wrk -t2 -c$connections -d$load_duration each, one after the other):"
load "backend GET /api/tasks?size=20" "http://$backend/api/tasks?size=20" "Authorization: Bearer $token"
load "frontend task list, signed in" "http://$frontend/tasks" "Cookie: $cookie"
memory "$state/loaded"

# The targets are in MB, docker stats in MiB: 200 MB = 191 MiB, 320 MB = 305 MiB.
echo "memory (docker stats, MiB):"
join "$state/idle" "$state/loaded" | awk -v idle="$idle" '
  BEGIN { printf "  %-10s %20s %20s\n", "container", "after " idle " s idle (median)", "at the end of load" }
  { printf "  %-10s %20.1f %20.1f\n", $1, $2, $3; a += $2; b += $3 }
  END {
    printf "  %-10s %20.1f %20.1f\n", "total", a, b
    printf "  %-10s %20s %20s\n", "target", "<= 191 (200 MB)", "<= 305 (320 MB)"
  }'

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
