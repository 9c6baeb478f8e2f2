#!/usr/bin/env bash
# Prints a service's memory limit in Compose: the default of its mem_limit in docker-compose.yml
# (`${TASKAPP_<SERVICE>_MEMORY:-512m}`), or MEMORY_LIMIT when set. The one place the scripts that run
# a service outside Compose (benchmarks, the AOT cache training) take it from.
# Usage: scripts/compose-memory-limit.sh backend|frontend|db
set -euo pipefail
service=${1:?usage: scripts/compose-memory-limit.sh backend|frontend|db}
variable="TASKAPP_$(echo "$service" | tr '[:lower:]' '[:upper:]')_MEMORY"
limit=${MEMORY_LIMIT:-$(sed -n "s/.*$variable:-\([0-9]*[kmg]\)}.*/\1/p" "$(dirname "$0")/../docker-compose.yml")}
[ -n "$limit" ] || { echo "no mem_limit \${$variable:-…} for $service in docker-compose.yml: set MEMORY_LIMIT" >&2; exit 2; }
echo "$limit"
