#!/usr/bin/env bash
# Frontend benchmark: PostgreSQL (embedded) + the real backend + the frontend jar started with the
# container JVM flags, warmed up once, then ROUNDS rounds of wrk on the signed-in task list. Prints one
# table: per round and as the median with its spread (min-max), pages/s, p99, the CPU per page of the
# frontend, the backend, PostgreSQL (the postmaster's whole process tree, exited connection backends
# included) and wrk, and start-to-ready (the frontend is started once per round). Not part of ./mvnw verify.
#   ROUNDS=3 DURATION=10s services/frontend/bench/run.sh  # rounds, and wrk's duration in each (the defaults)
#   services/frontend/bench/run.sh                 # default container flags
#   FRONTEND_JAVA_OPTS="..." services/frontend/bench/run.sh  # instead of the image's flags
#   FRONTEND_EXTRA_OPTS="..." services/frontend/bench/run.sh # after the image's flags (a later -XX flag wins)
#   WARMUP=90s services/frontend/bench/run.sh        # wrk before measuring (default 90s: C2 needs it on a busy machine)
#   FRONTEND_AOT=true services/frontend/bench/run.sh  # with a JDK 25 AOT cache from a training run
#   SCREENSHOTS=true services/frontend/bench/run.sh   # also saves the task list as PNGs (desktop, phone)
#   CONNECTIONS=256 services/frontend/bench/run.sh    # wrk's connections (default 32, the issue's)
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
# The image's JVM flags and -XX:MaxRAM for Compose's memory limit (scripts/image-jvm-flags.sh).
FRONTEND_JAVA_OPTS=${FRONTEND_JAVA_OPTS:-"$(scripts/image-jvm-flags.sh frontend)"}
# More flags after the image's (a later -XX flag wins), e.g. for a profile:
#   FRONTEND_EXTRA_OPTS="-XX:StartFlightRecording=filename=/tmp/fe.jfr,settings=profile,dumponexit=true"
FRONTEND_JAVA_OPTS="$FRONTEND_JAVA_OPTS ${FRONTEND_EXTRA_OPTS:-}"
echo "frontend JVM flags: $FRONTEND_JAVA_OPTS"

# The jars only: without the docker-images profile, so the images in the Docker engine (which Compose and
# others on this machine run) are left as they are.
./mvnw -B -q -o -pl services/frontend -am package dependency:build-classpath -DskipTests -P '!docker-images' -Djib.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd services/frontend
# The image runs the application from a plain classpath (Jib's classes + libs), not the nested boot jar,
# whose class loading costs ~1 s more at start: run the jar's extracted layout, which does the same.
rm -rf target/bench/app
"$JAVA_HOME/bin/java" -Djarmode=tools -jar target/taskapp-frontend.jar extract --destination target/bench/app > /dev/null
FRONTEND_JAR=target/bench/app/taskapp-frontend.jar
if [[ "${FRONTEND_AOT:-false}" == "true" ]]; then
  # JDK 25 AOT cache (JEP 483/514/515): classes loaded and linked once in a training run, mapped at start.
  # Valid only for the JVM build that trained it: here Temurin, not the image's Debian JRE.
  # shellcheck disable=SC2086
  BACKEND_URL=http://127.0.0.1:9 PORT=0 MANAGEMENT_PORT=0 "$JAVA_HOME/bin/java" $FRONTEND_JAVA_OPTS -XX:AOTCacheOutput=target/bench/app/app.aot \
    -Dspring.context.exit=onRefresh -jar "$FRONTEND_JAR" > target/bench/aot-training.log 2>&1
  FRONTEND_JAVA_OPTS="$FRONTEND_JAVA_OPTS -XX:AOTCache=target/bench/app/app.aot"
fi
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(tr : "\n" < target/bench-classpath.txt | grep -v taskapp-backend | paste -sd:)" \
  -Dtaskapp.backend.jar=target/backend/taskapp-backend.jar -Dscreenshots="${SCREENSHOTS:-false}" -Dwarmup="${WARMUP:-90s}" -Dconnections="${CONNECTIONS:-32}" \
  -Drounds="${ROUNDS:-3}" -Dduration="${DURATION:-10s}" -Dbench.lib="$(cd ../.. && pwd)/scripts/bench-lib.sh" -Dtaskapp.frontend.jar="$FRONTEND_JAR" \
  dev.taskapp.frontend.bench.FrontendBenchmark $FRONTEND_JAVA_OPTS
