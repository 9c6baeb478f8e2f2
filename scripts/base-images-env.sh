#!/usr/bin/env bash
# Prints the `export` lines that point Jib and Compose at the right base images:
#  - a registry answers: nothing to change (Jib pulls eclipse-temurin:25-jre, Compose postgres:17-alpine);
#  - no registry (air-gapped): builds taskapp/java-base:25 and taskapp/postgres:17 from Debian
#    packages (scripts/build-base-images.sh, fast when they exist) and points at them.
# Usage: eval "$(scripts/base-images-env.sh)"
# TASKAPP_AIR_GAPPED=true|false skips the registry probe.
set -euo pipefail
cd "$(dirname "$0")/.."

registry_reachable() {
  # Any HTTP answer (Docker Hub answers 401 to an anonymous /v2/) means it can be reached.
  local code
  code=$(curl -sS -o /dev/null -m "${TASKAPP_REGISTRY_TIMEOUT:-3}" -w '%{http_code}' \
    "${TASKAPP_REGISTRY_PROBE:-https://registry-1.docker.io/v2/}" 2>/dev/null) || return 1
  [ "$code" != 000 ]
}

air_gapped=${TASKAPP_AIR_GAPPED:-}
if [ -z "$air_gapped" ]; then
  if registry_reachable; then air_gapped=false; else air_gapped=true; fi
fi

if [ "$air_gapped" = true ]; then
  echo "[base-images] no container registry reachable: using base images built from Debian packages" >&2
  scripts/build-base-images.sh >&2
  echo "export TASKAPP_BASE_IMAGE=docker://${TASKAPP_JAVA_BASE_NAME:-taskapp/java-base:25}"
  echo "export TASKAPP_DB_IMAGE=${TASKAPP_DB_BASE_NAME:-taskapp/postgres:17}"
else
  echo "[base-images] a container registry answers: using the official base images" >&2
fi
