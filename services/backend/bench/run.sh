#!/usr/bin/env bash
# Benchmark of the backend (not part of ./mvnw verify): starts a private PostgreSQL and the boot
# jar with the image's JVM flags, seeds one user with 100 tasks, runs wrk for 10 s with 32
# connections on GET /api/tasks?size=20 and on POST /api/tasks, and prints req/s, p99 latency,
# RSS and start-to-ready time. Optionally runs the Flask seed peer the same way, for a ratio.
#
# Usage: services/backend/bench/run.sh [PEER_DIR]
#   PEER_DIR (or env PEER_DIR): folder holding the Flask peer's run.sh; skipped when absent.
# Env: JVM_FLAGS (default: the image's flags, see below), MEMORY_LIMIT (default: Compose's mem_limit), PG_PORT (55432), APP_PORT (55001),
#      PEER_PORT (55000), DURATION (10s), WARMUP (60s per endpoint: with full tiered JIT on 2 busy cores C2 needs that long; shorter measures the profiling C1 tier), CONNECTIONS (32), THREADS (2), BENCH_STATE (/tmp/taskapp-bench).
# Needs: Java 25, wrk, curl, PostgreSQL server binaries (Debian: postgresql), the jar
#        (./mvnw -pl services/backend -am package -DskipTests).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/taskapp-backend.jar"
peer_dir=${1:-${PEER_DIR:-}}
# The image's JVM flags and -XX:MaxRAM for Compose's memory limit (scripts/image-jvm-flags.sh).
jvm_flags=${JVM_FLAGS:-$("$here/../../../scripts/image-jvm-flags.sh" backend)}
pg_port=${PG_PORT:-55432}
app_port=${APP_PORT:-55001}
peer_port=${PEER_PORT:-55000}
duration=${DURATION:-10s}
warmup=${WARMUP:-60s}
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

# PostgreSQL refuses to run as root: run it as 'postgres' when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }

app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl -D $state/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== PostgreSQL ($pgbin) on 127.0.0.1:$pg_port"
rm -rf "$state" && mkdir -p "$state"
[ "$(id -u)" = 0 ] && chown postgres "$state"
as_pg "$pgbin/initdb -D $state/pg -U postgres --auth=trust" >/dev/null
as_pg "$pgbin/pg_ctl -D $state/pg -o '-p $pg_port -k $state -c listen_addresses=127.0.0.1' -l $state/pg.log -w start" >/dev/null
as_pg "psql -h 127.0.0.1 -p $pg_port -U postgres -qc 'create database taskapp'"

# Run the jar extracted (classes and libs on the class path), as in the Jib image, not nested.
"$java" -Djarmode=tools -jar "$jar" extract --destination "$state/app" >/dev/null
echo "== backend: java $jvm_flags -jar taskapp-backend.jar (extracted; port $app_port)"
start_ns=$(date +%s%N)
# shellcheck disable=SC2086
MANAGEMENT_PORT=0 PORT=$app_port DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/taskapp" \
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
curl -fs -XPOST -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password"}' \
  "$base/api/auth/register" >/dev/null
token=$(curl -fs -XPOST -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password"}' \
  "$base/api/auth/login" | json_field access_token)
for i in $(seq 1 100); do
  curl -fs -XPOST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"task $i\",\"description\":\"seeded\"}" "$base/api/tasks" >/dev/null
done

# Runs wrk and prints "req/s p99"; wrk's own --latency output is kept in $state.
# CPU seconds (user + system) used so far by some processes: the cost per request, a figure that
# holds even when other work shares the cores (req/s and latency do not).
cpu_s() { # pid...
  local pid total=0
  for pid in "$@"; do
    total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{printf "%.2f", t + ($14 + $15) / hz}' "/proc/$pid/stat")
  done
  echo "$total"
}

# Runs wrk and prints req/s, p99 and the server's CPU time per request.
load() { # name url token script "server pids"
  local out="$state/wrk-$(echo "$1" | tr -c 'A-Za-z0-9\n' '-').txt" rps p99 errors cpu0 cost=""
  # shellcheck disable=SC2086
  [ -n "${5:-}" ] && cpu0=$(cpu_s $5)
  TOKEN=$3 wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$4" "$2" >"$out"
  rps=$(awk '/Requests\/sec/ {print int($2)}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out" | tr '\n' ' ')
  if [ -n "${5:-}" ]; then
    # shellcheck disable=SC2086
    cost=$(awk -v a="$cpu0" -v b="$(cpu_s $5)" -v n="$(awk '/requests in/ {print $1}' "$out")" \
      'BEGIN {printf "server CPU %.0f us/request", (b - a) * 1e6 / n}')
  fi
  printf '%-26s %7s req/s   p99 %-9s %s %s\n' "$1" "$rps" "$p99" "$cost" "$errors"
}

# POSTs go to a second user, so the listed user keeps exactly the 100 seeded tasks (the warm-up
# alone creates thousands).
curl -fs -XPOST -H 'Content-Type: application/json' -d '{"username":"writer","password":"bench-password"}' \
  "$base/api/auth/register" >/dev/null
writer_token=$(curl -fs -XPOST -H 'Content-Type: application/json' -d '{"username":"writer","password":"bench-password"}' \
  "$base/api/auth/login" | json_field access_token)

# Warm the JIT up first (a service in use is warm), then measure.
TOKEN=$token wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/get-tasks.lua" "$base/api/tasks?size=20" >/dev/null
TOKEN=$writer_token wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/post-task.lua" "$base/api/tasks" >/dev/null
echo "== results ($(nproc) cores, load average before: $(cut -d' ' -f1 /proc/loadavg); $threads wrk threads, $connections connections, $duration each)"
load "backend GET /api/tasks" "$base/api/tasks?size=20" "$token" "$here/get-tasks.lua" "$app_pid"
load "backend POST /api/tasks" "$base/api/tasks" "$writer_token" "$here/post-task.lua" "$app_pid"
rss_now=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app_pid/status")
rss_peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$app_pid/status")
started=$(grep -o 'Started BackendApplication in [0-9.]* seconds' "$state/backend.log" || true)
echo "backend start-to-ready: ${ready_ms} ms (launch to first 200 from /api/health; Spring: ${started#Started BackendApplication in })"
echo "backend RSS: ${rss_idle} MB idle after start, ${rss_now} MB after load, ${rss_peak} MB peak"

if [ -n "$peer_dir" ] && [ -x "$peer_dir/run.sh" ]; then
  echo "== Flask seed peer ($peer_dir) on 127.0.0.1:$peer_port"
  "$peer_dir/run.sh" start "$peer_port" >/dev/null
  peer_token=$(cat "${PEER_STATE:-/tmp/flask-seed-peer}/token")
  peer_pids=$(pgrep -f "gunicorn.*127.0.0.1:$peer_port" | tr '\n' ' ')
  load "flask GET /api/tasks" "http://127.0.0.1:$peer_port/api/tasks" "$peer_token" "$here/get-tasks.lua" "$peer_pids"
  load "flask POST /api/tasks" "http://127.0.0.1:$peer_port/api/tasks" "$peer_token" "$here/post-task.lua" "$peer_pids"
  # shellcheck disable=SC2086
  peer_rss=$(awk '/VmRSS/ {s += $2} END {print int(s/1024)}' $(printf '/proc/%s/status ' $peer_pids))
  echo "flask RSS (all gunicorn processes): ${peer_rss} MB"
  "$peer_dir/run.sh" stop >/dev/null
else
  echo "== Flask seed peer skipped: pass its folder (holding run.sh) as argument or PEER_DIR"
fi
