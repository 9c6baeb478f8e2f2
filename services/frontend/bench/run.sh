#!/usr/bin/env bash
# Frontend benchmark: PostgreSQL (embedded) + the real backend + the frontend jar started with the
# container JVM flags, then wrk on the signed-in task list. Prints figures; not part of ./mvnw verify.
#   services/frontend/bench/run.sh                 # default container flags
#   FRONTEND_JAVA_OPTS="..." services/frontend/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
# The container's flags. MaxRAM stands in for the container's memory limit (256 MiB) on a machine without one.
FRONTEND_JAVA_OPTS=${FRONTEND_JAVA_OPTS:-"-XX:MaxRAM=256m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xss512k -XX:+UseCompactObjectHeaders"}

./mvnw -B -q -pl services/frontend -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd services/frontend
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(tr : "\n" < target/bench-classpath.txt | grep -v taskapp-backend | paste -sd:)" \
  -Dtaskapp.backend.jar=target/backend/taskapp-backend.jar -Dscreenshots="${SCREENSHOTS:-false}" -Dtaskapp.frontend.jar=target/taskapp-frontend.jar \
  dev.taskapp.frontend.bench.FrontendBenchmark $FRONTEND_JAVA_OPTS
