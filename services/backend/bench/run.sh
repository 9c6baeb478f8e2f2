#!/usr/bin/env bash
# Benchmark of the backend (not part of ./mvnw verify): starts a private PostgreSQL and the boot
# jar with the image's JVM flags, seeds one user with 100 tasks, warms up once, then runs ROUNDS
# rounds of wrk (32 connections) on GET /api/tasks?size=20 and on POST /api/tasks. Prints one
# table: per round and as the median with its spread (min-max), req/s, p99 and the CPU each request
# costs the service, PostgreSQL and wrk; then start-to-ready time and RSS.
# Optionally runs the Flask seed peer in the same rounds (each request: TaskApp, then the peer), so
# both see the same machine at the same time, and prints the TaskApp/Flask ratios.
#
# Usage: services/backend/bench/run.sh [PEER_DIR]
#   PEER_DIR (or env PEER_DIR): folder holding the Flask peer's run.sh; skipped when absent.
# Env: JVM_FLAGS (default: the image's flags, see below), MEMORY_LIMIT (default: Compose's mem_limit), PG_PORT (55432), APP_PORT (55001),
#      PEER_PORT (55000), ROUNDS (3), DURATION (10s per request and round), CONNECTIONS (32), THREADS (2),
#      WARMUP (60s per request, once: with full tiered JIT on 2 busy cores C2 needs that long; shorter measures the profiling C1 tier),
#      PEER_WARMUP (5s per request: CPython has no JIT to wait for; this fills its connection pools),
#      WRITERS (200: users the POSTs go to in turn, each under the cap of 1000 tasks), BENCH_STATE (/tmp/taskapp-bench; the peer's state goes in its peer/ folder).
# Needs: Java 25, wrk, curl, PostgreSQL server binaries (Debian: postgresql), the jar
#        (./mvnw -pl services/backend -am package -DskipTests).
#
# PostgreSQL's CPU is that of the postmaster's whole process tree (scripts/bench-lib.sh,
# bench_cpu_tree): the postmaster and its live children, plus the children it has reaped, so
# connection backends that exit during a round are counted too.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../../scripts/bench-lib.sh"
jar="$here/../target/taskapp-backend.jar"
peer_dir=${1:-${PEER_DIR:-}}
# The image's JVM flags and -XX:MaxRAM for Compose's memory limit (scripts/image-jvm-flags.sh).
jvm_flags=${JVM_FLAGS:-$("$here/../../../scripts/image-jvm-flags.sh" backend)}
pg_port=${PG_PORT:-55432}
app_port=${APP_PORT:-55001}
peer_port=${PEER_PORT:-55000}
rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
warmup=${WARMUP:-60s}
writers=${WRITERS:-200}
peer_warmup=${PEER_WARMUP:-5s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
state=${BENCH_STATE:-/tmp/taskapp-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

for tool in wrk curl "$java"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -pl services/backend -am package -DskipTests" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "missing PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
if [ -n "$peer_dir" ] && [ ! -x "$peer_dir/run.sh" ]; then
  echo "no run.sh in the peer folder $peer_dir" >&2; exit 1
fi

# PostgreSQL refuses to run as root: run it as 'postgres' when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }

# A private state folder for the peer, so a peer someone else runs (default /tmp/flask-seed-peer)
# is left alone.
export PEER_STATE=$state/peer
app_pid=""
peer_started=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl -D $state/pg -m fast stop" >/dev/null 2>&1 || true
  [ -n "$peer_started" ] && "$peer_dir/run.sh" stop "$peer_port" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== PostgreSQL ($pgbin) on 127.0.0.1:$pg_port"
rm -rf "$state" && mkdir -p "$state"
[ "$(id -u)" = 0 ] && chown postgres "$state"
as_pg "$pgbin/initdb -D $state/pg -U postgres --auth=trust" >/dev/null
as_pg "$pgbin/pg_ctl -D $state/pg -o '-p $pg_port -k $state -c listen_addresses=127.0.0.1' -l $state/pg.log -w start" >/dev/null
as_pg "psql -h 127.0.0.1 -p $pg_port -U postgres -qc 'create database taskapp'"
pg_pid=$(head -n 1 "$state/pg/postmaster.pid")

# Run the jar extracted (classes and libs on the class path), as in the Jib image, not nested.
"$java" -Djarmode=tools -jar "$jar" extract --destination "$state/app" >/dev/null
echo "== backend: java $jvm_flags -jar taskapp-backend.jar (extracted; port $app_port)"
start_ns=$(date +%s%N)
# shellcheck disable=SC2086
# The default cap on tasks per user stays: the POSTs are spread over $writers users instead. Sign-up is
# throttled per address, and every user of the bench signs up from 127.0.0.1.
AUTH_REQUESTS_PER_ADDRESS=1000000 MANAGEMENT_PORT=0 PORT=$app_port DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/taskapp" \
  JWT_SECRET_KEY=$(head -c 48 /dev/urandom | base64) SECRET_KEY=$(head -c 48 /dev/urandom | base64) \
  "$java" $jvm_flags -jar "$state/app/taskapp-backend.jar" >"$state/backend.log" 2>&1 &
app_pid=$!
until curl -fs -o /dev/null "127.0.0.1:$app_port/api/health"; do
  kill -0 "$app_pid" 2>/dev/null || { cat "$state/backend.log"; exit 1; }
  sleep 0.02
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
rss_idle=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app_pid/status")

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
base="http://127.0.0.1:$app_port"
user() { # name: registers the user, prints its bearer token
  curl -fs -XPOST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"bench-password\"}" \
    "$base/api/auth/register" >/dev/null
  curl -fs -XPOST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"bench-password\"}" \
    "$base/api/auth/login" | json_field access_token
}
token=$(user bench)
for i in $(seq 1 100); do
  curl -fs -XPOST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"task $i\",\"description\":\"seeded\"}" "$base/api/tasks" >/dev/null
done
# POSTs go to other users, so the listed user keeps exactly the 100 seeded tasks, and to many of
# them in turn, so that none reaches the cap of tasks per user (a user's count is checked on
# each POST, as in use).
export -f user json_field; export base
seq 1 "$writers" | xargs -P 4 -I{} bash -c 't=$(user writer{}); printf "%s\n" "$t"' >"$state/writer-tokens"
[ "$(grep -c . "$state/writer-tokens")" = "$writers" ] || { echo "could not sign $writers writers in" >&2; exit 1; }

# What each target is: its URL, tokens (GET, POST) and the roots of its process trees.
declare -A url get_token post_token post_tokens service_pids db_pids db_ports db_names
url[TaskApp]=$base; get_token[TaskApp]=$token; post_tokens[TaskApp]=$state/writer-tokens
service_pids[TaskApp]=$app_pid; db_pids[TaskApp]=$pg_pid; db_ports[TaskApp]=$pg_port; db_names[TaskApp]=taskapp
targets=(TaskApp)

if [ -n "$peer_dir" ]; then
  echo "== Flask seed peer ($peer_dir) on 127.0.0.1:$peer_port"
  peer_started=yes
  "$peer_dir/run.sh" start "$peer_port" >/dev/null
  url[Flask]="http://127.0.0.1:$peer_port"
  get_token[Flask]=$(cat "$PEER_STATE/token"); post_token[Flask]=${get_token[Flask]}
  # gunicorn's master (its workers are its children) and the peer's postmaster, whose pid file holds
  # its pid on line 1 and its port on line 4.
  service_pids[Flask]=$(cat "$PEER_STATE/gunicorn.pid")
  db_pids[Flask]=$(sed -n 1p "$PEER_STATE/data/postmaster.pid"); db_ports[Flask]=$(sed -n 4p "$PEER_STATE/data/postmaster.pid")
  db_names[Flask]=peer
  targets+=(Flask)
else
  echo "== Flask seed peer skipped: pass its folder (holding run.sh) as argument or PEER_DIR"
fi

path_of() { case $1 in GET) echo "/api/tasks?size=20" ;; POST) echo "/api/tasks" ;; esac; }
script_of() { case $1 in GET) echo "$here/get-tasks.lua" ;; POST) echo "$here/post-task.lua" ;; esac; }
token_of() { case $2 in GET) echo "${get_token[$1]}" ;; POST) echo "${post_token[$1]:-}" ;; esac; }
tokens_file_of() { case $2 in POST) echo "${post_tokens[$1]:-}" ;; esac; }
# Runs a command (wrk, or wrk under bench_cpu_run) with the target's tokens for the request in its
# environment, where the wrk scripts read them.
with_tokens() { # target request command...
  TOKEN=$(token_of "$1" "$2") TOKENS_FILE=$(tokens_file_of "$1" "$2") "${@:3}"
}

# Warm up once per target, before the rounds: a service in use is warm (the JVM's JIT above all).
for target in "${targets[@]}"; do
  w=$warmup; [ "$target" = TaskApp ] || w=$peer_warmup
  for request in GET POST; do
    with_tokens "$target" "$request" wrk -t"$threads" -c"$connections" -d"$w" \
      -s "$(script_of "$request")" "${url[$target]}$(path_of "$request")" >/dev/null
  done
done
# Vacuumed, with fresh planner statistics, as autovacuum keeps a database in use. Without the
# statistics the rounds could run on those taken after the seed, when one user owned every task: the
# connections' cached generic plan then read the whole table per GET (PostgreSQL ~2 ms a GET instead
# of ~0.15). Without the vacuum, autovacuum worked through the warm-up's ~100,000 inserts during the
# first round, which then cost ~30 % more CPU per GET, the service's too, than the later rounds.
for target in "${targets[@]}"; do
  as_pg "psql -h 127.0.0.1 -p ${db_ports[$target]} -U postgres -d ${db_names[$target]} -qc 'vacuum (analyze)'"
done

# The table: round, target, request, then req/s, p99 (ms) and CPU per request (us) of the service,
# PostgreSQL, wrk and service + PostgreSQL. Measured rows are kept in $results for the medians.
results=$state/results.txt
columns='%-7s %-14s %-8s %-12s %-14s %-13s %-13s %-10s %-13s %s\n'
row() { printf "$columns" "$@"; }

measure() { # round target request
  local out="$state/wrk-$1-$2-$3.txt" s0 d0 s1 d1 errors
  s0=$(bench_cpu_tree ${service_pids[$2]}); d0=$(bench_cpu_tree ${db_pids[$2]})
  with_tokens "$2" "$3" bench_cpu_run "$out.cpu" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s "$(script_of "$3")" "${url[$2]}$(path_of "$3")" >"$out"
  s1=$(bench_cpu_tree ${service_pids[$2]}); d1=$(bench_cpu_tree ${db_pids[$2]})
  awk -v r="$1" -v t="$2" -v q="$3" -v p99="$(bench_wrk_p99_ms "$out")" -v s0="$s0" -v s1="$s1" -v d0="$d0" -v d1="$d1" \
      -v w="$(cat "$out.cpu")" '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    END {
      s = (s1 - s0) * 1e6 / n; d = (d1 - d0) * 1e6 / n
      printf "%s %s %s %.0f %.1f %.0f %.0f %.0f %.0f\n", r, t, q, rps, p99, s, d, w * 1e6 / n, s + d
    }' "$out" >>"$results"
  # Errors void the row (e.g. 409 once a limit is reached): say so beside it.
  errors=$(awk '/Non-2xx|Socket errors/' "$out" | tr -s ' \n' ' ')
  # shellcheck disable=SC2046
  row $(tail -n 1 "$results") "${errors:+!! $errors}"
}

# TaskApp/Flask for one round and request: req/s (above 1 favours TaskApp), p99 and each CPU per
# request (below 1 does).
ratio() { # round request
  awk -v r="$1" -v q="$2" '$1 == r && $3 == q { for (i = 4; i <= 9; i++) v[$2, i] = $i }
    END {
      printf "%s TaskApp/Flask %s", r, q
      for (i = 4; i <= 9; i++) printf " %.2f", v["Flask", i] ? v["TaskApp", i] / v["Flask", i] : 0
      print ""
    }' "$results" >>"$results.ratios"
  # shellcheck disable=SC2046
  row $(tail -n 1 "$results.ratios") ""
}

echo "== $rounds rounds of wrk -t$threads -c$connections -d$duration per request ($(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   GET = GET /api/tasks?size=20 (20 of 100 tasks), POST = POST /api/tasks; p99 in ms; CPU per request"
echo "   in us (user + system) of the service, PostgreSQL (the postmaster's whole tree), wrk, service + PostgreSQL"
row round target request req/s "p99" "service" "PostgreSQL" "wrk" "svc+PG" ""
: >"$results"; : >"$results.ratios"
for round in $(seq 1 "$rounds"); do
  for request in GET POST; do
    for target in "${targets[@]}"; do measure "$round" "$target" "$request"; done
  done
  if [ -n "$peer_dir" ]; then for request in GET POST; do ratio "$round" "$request"; done; fi
done
cat "$results.ratios" >>"$results"

# The median of the rounds, and beneath it their spread (smallest-largest).
for target in "${targets[@]}" ${peer_dir:+TaskApp/Flask}; do
  for request in GET POST; do
    medians=(); spreads=()
    for col in 4 5 6 7 8 9; do
      case $target/$col in TaskApp/Flask/*) format=%.2f ;; */5) format=%.1f ;; *) format=%.0f ;; esac
      read -r median min max < <(awk -v t="$target" -v q="$request" -v c="$col" '$2 == t && $3 == q {print $c}' "$results" | bench_stats)
      medians+=("$(printf "$format" "$median")"); spreads+=("$(printf "$format-$format" "$min" "$max")")
    done
    row median "$target" "$request" "${medians[@]}" ""
    row "" "  min-max" "" "${spreads[@]}" ""
  done
done
if [ -n "$peer_dir" ]; then
  echo "   TaskApp/Flask: req/s above 1 and the other columns below 1 favour TaskApp; svc+PG is the server's CPU per request"
fi

rss_now=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app_pid/status")
rss_peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$app_pid/status")
started=$(grep -o 'Started BackendApplication in [0-9.]* seconds' "$state/backend.log" || true)
echo "backend start-to-ready: ${ready_ms} ms (launch to first 200 from /api/health; Spring: ${started#Started BackendApplication in })"
echo "backend RSS: ${rss_idle} MB idle after start, ${rss_now} MB after load, ${rss_peak} MB peak"
if [ -n "$peer_dir" ]; then
  # shellcheck disable=SC2046
  peer_rss=$(awk '/VmRSS/ {s += $2} END {print int(s/1024)}' \
    $(printf '/proc/%s/status ' ${service_pids[Flask]} $(pgrep -P "${service_pids[Flask]}")))
  echo "flask RSS (all gunicorn processes): ${peer_rss} MB"
fi
echo "wrk output per round: $state/wrk-*.txt"
