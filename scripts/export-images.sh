#!/usr/bin/env bash
# Writes every image a disconnected Kubernetes cluster needs for TaskApp into one folder:
#   taskapp-backend.tar, taskapp-frontend.tar, taskapp-operator.tar  (Jib, jib:buildTar)
#   taskapp-database.tar                                              (docker save of the db image)
#   images.txt                                                        (file → image reference)
# Load them with `k3s ctr images import FILE` or `kind load image-archive FILE` (docs/kubernetes.md).
#
# Usage: scripts/export-images.sh [DIR] [extra Maven arguments, e.g. -o or -Dimage.prefix=...]
#   DIR defaults to target/images.
#   TASKAPP_DB_IMAGE names the database image (default postgres:17-alpine; scripts/base-images-env.sh
#   sets the locally built one on machines without a registry). It is pulled when the engine lacks it.
#   TASKAPP_BASE_IMAGE (docker://...) makes Jib build on a local base image, as for Compose.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-target/images}
[ $# -gt 0 ] && shift
db_image=${TASKAPP_DB_IMAGE:-postgres:17-alpine}
log() { printf '[export-images] %s\n' "$*" >&2; }

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
started=$(date +%s)

# The tarballs carry the same images Compose and CI build (reproducible layers), without the JDK AOT
# cache: that cache is trained in a Docker engine during `verify` (docs/images.md), and a
# cluster runs them correctly without it, only slower to start. `!docker-images`: no second copy
# into the local engine.
log "building taskapp/backend, taskapp/frontend, taskapp/operator with jib:buildTar"
./mvnw -B -q -P '!docker-images' -DskipTests -pl services/backend,services/frontend,operator -am \
  "$@" compile jib:buildTar

: > "$dir/images.txt"
for module in services/backend services/frontend operator; do
  name=$(basename "$module")
  cp "$module/target/jib-image.tar" "$dir/taskapp-$name.tar"
  # The reference Jib wrote into the tarball (its manifest's RepoTags), e.g. taskapp/backend:0.1.0.
  ref=$(tar -xOf "$dir/taskapp-$name.tar" manifest.json | grep -o '"RepoTags":\["[^"]*"' | cut -d'"' -f4)
  printf '%s %s\n' "taskapp-$name.tar" "$ref" >> "$dir/images.txt"
done

if ! docker image inspect "$db_image" > /dev/null 2>&1; then
  log "pulling $db_image"
  docker pull "$db_image"
fi
log "saving $db_image"
docker save -o "$dir/taskapp-database.tar" "$db_image"
chmod 644 "$dir/taskapp-database.tar"
# The operator runs the database pod as uid 70, the postgres user of the official postgres:*-alpine
# images (PodSecurity.POSTGRES_UID); initdb stops at once under a uid its image does not know.
if ! docker run --rm --entrypoint sh "$db_image" -c "grep -q '^[^:]*:[^:]*:70:' /etc/passwd" 2>/dev/null; then
  log "WARNING: $db_image has no user with uid 70: under the operator its initdb fails"
  log "  ('could not look up effective user ID 70'). Export postgres:17-alpine for a cluster"
  log "  (TASKAPP_DB_IMAGE=postgres:17-alpine, pulled once on a machine that reaches Docker Hub)."
fi
printf '%s %s\n' taskapp-database.tar "$db_image" >> "$dir/images.txt"

log "wrote $dir in $(( $(date +%s) - started )) s:"
(cd "$dir" && while read -r file ref; do
  printf '  %-22s %6s MiB  %s\n' "$file" "$(( $(stat -c %s "$file") / 1048576 ))" "$ref"
done < images.txt) >&2
