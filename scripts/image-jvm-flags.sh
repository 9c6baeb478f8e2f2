#!/usr/bin/env bash
# Prints the JVM flags a service's image runs with, for benchmarks that run the jar outside a
# container: Jib's <jvmFlags> of the root pom and the service's pom (read, so they cannot drift),
# then -XX:MaxRAM standing in for the container's memory limit (scripts/compose-memory-limit.sh:
# Compose's mem_limit default, or MEMORY_LIMIT when set).
# Usage: scripts/image-jvm-flags.sh backend|frontend
set -euo pipefail
service=${1:?usage: scripts/image-jvm-flags.sh backend|frontend}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$root/services/$service/pom.xml" ] || { echo "no service '$service': use backend or frontend" >&2; exit 2; }
limit=$("$root/scripts/compose-memory-limit.sh" "$service")
flags=$(sed -n 's:.*<jvmFlag>\(.*\)</jvmFlag>.*:\1:p' "$root/pom.xml" "$root/services/$service/pom.xml" | paste -sd' ')
echo "$flags -XX:MaxRAM=$limit"
