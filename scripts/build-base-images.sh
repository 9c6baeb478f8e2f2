#!/usr/bin/env bash
# Builds, from Debian packages only, the two base images the stack needs where no container
# registry can be reached, and loads them into the local Docker engine:
#
#   taskapp/java-base:25  trixie minbase + openjdk-25-jre-headless + curl   (Jib's base image)
#   taskapp/postgres:17   trixie minbase + postgresql-17, with an entrypoint that honours
#                         POSTGRES_DB/USER/PASSWORD and PGDATA like the official image
#
# Idempotent: each image carries a label with the hash of this script; an image whose label
# matches is kept as is, so a second run takes well under a second. A changed recipe rebuilds.
#
# Usage: scripts/build-base-images.sh            (needs root for debootstrap, and a Docker engine)
# Environment: DEBIAN_MIRROR (default: the Debian mirror this machine's apt uses),
#              TASKAPP_JAVA_BASE_NAME, TASKAPP_DB_BASE_NAME (image names, defaults above).
set -euo pipefail

# The first plain Debian archive URI in apt's sources (deb822 or one-line format).
apt_mirror() {
  { cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null || true; } |
    grep -oE '(https?)://[^ ]+/debian/?( |$)' | grep -v -- '-security' | head -1 | tr -d ' ' || true
}
MIRROR=${DEBIAN_MIRROR:-$(apt_mirror)}
SUITE=trixie
JAVA_IMAGE=${TASKAPP_JAVA_BASE_NAME:-taskapp/java-base:25}
DB_IMAGE=${TASKAPP_DB_BASE_NAME:-taskapp/postgres:17}
RECIPE_LABEL=dev.taskapp.base.recipe
RECIPE_HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)
CACHE_DIR=${TASKAPP_DEBOOTSTRAP_CACHE:-/var/cache/taskapp-debootstrap}

log() { printf '[base-images] %s\n' "$*" >&2; }

up_to_date() {
  [ "$(docker image inspect -f "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null)" = "$RECIPE_HASH" ]
}

# debootstrap a minimal trixie root with the given packages into $1.
bootstrap() {
  local root=$1 packages=$2
  # One cache per root: the two builds run side by side and would race on shared .deb files.
  local cache=$CACHE_DIR/$(basename "$root")
  mkdir -p "$cache"
  debootstrap --variant=minbase --include="$packages" --cache-dir="$cache" \
    "$SUITE" "$root" "$MIRROR" > "$root.log" 2>&1 || { tail -20 "$root.log" >&2; return 1; }
}

# Leave out what a runtime image never needs: package caches and lists, docs, man pages.
slim() {
  local root=$1
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
    "$root"/var/log/* "$root"/tmp/* "$root"/tmp/hsperfdata_* "$root"/root/.cache
}

# tar the root into the engine; the remaining arguments are `docker import --change` lines.
import_root() {
  local root=$1 name=$2; shift 2
  local changes=(-c "LABEL $RECIPE_LABEL=$RECIPE_HASH"
                 -c "LABEL org.opencontainers.image.source=https://github.com/taskapp-dev/taskapp"
                 -c "LABEL org.opencontainers.image.description=\"Debian $SUITE packages, built by scripts/build-base-images.sh\"")
  local change
  for change in "$@"; do changes+=(-c "$change"); done
  tar --numeric-owner -C "$root" -c . | docker import "${changes[@]}" - "$name" > /dev/null
}

build_java_base() {
  local root=$WORK/java
  log "building $JAVA_IMAGE (debootstrap $SUITE + openjdk-25-jre-headless + curl)"
  bootstrap "$root" openjdk-25-jre-headless,curl,ca-certificates
  slim "$root"
  local java_home
  java_home=$(cd "$root" && echo usr/lib/jvm/java-25-openjdk-*)
  import_root "$root" "$JAVA_IMAGE" \
    "ENV JAVA_HOME=/$java_home" \
    "ENV PATH=/$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "ENV LANG=C.UTF-8" \
    "USER 10001:10001" \
    "WORKDIR /"
}

build_db_image() {
  local root=$WORK/db
  log "building $DB_IMAGE (debootstrap $SUITE + postgresql-17)"
  bootstrap "$root" postgresql-17
  # The package's own cluster (/etc/postgresql/17/main) is not used: the entrypoint initialises PGDATA.
  rm -rf "$root"/etc/postgresql/17 "$root"/var/lib/postgresql/17
  write_db_entrypoint > "$root/usr/local/bin/docker-entrypoint.sh"
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
  # (/var/run is an absolute link to /run: always write through $root/run, never through it.)
  mkdir -p "$root/docker-entrypoint-initdb.d" "$root/var/lib/postgresql/data" "$root/run/postgresql"
  # A new named volume mounted on PGDATA copies this directory's owner, so postgres can initialise
  # it without root or CAP_CHOWN.
  chroot "$root" chown postgres:postgres /var/lib/postgresql/data /run/postgresql
  chmod 700 "$root/var/lib/postgresql/data"
  # Sticky and world-writable like the official image: a tmpfs mounted here copies this mode.
  chmod 3777 "$root/run/postgresql"
  # LLVM only serves the JIT, which small OLTP queries never trigger; leaving it out saves ~120 MB.
  rm -rf "$root"/usr/lib/postgresql/17/lib/llvmjit* "$root"/usr/lib/postgresql/17/lib/bitcode \
    "$root"/usr/lib/x86_64-linux-gnu/libLLVM*
  slim "$root"
  import_root "$root" "$DB_IMAGE" \
    "ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "ENV PGDATA=/var/lib/postgresql/data" \
    "ENV LANG=C.UTF-8" \
    "USER postgres" \
    "WORKDIR /var/lib/postgresql" \
    "VOLUME /var/lib/postgresql/data" \
    "EXPOSE 5432" \
    'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    'CMD ["postgres"]'
}

# The db entrypoint, kept in this file so the recipe hash covers it.
write_db_entrypoint() {
  cat <<'ENTRYPOINT'
#!/bin/sh
# Initialises an empty PGDATA like the official postgres image, then runs the server (as postgres).
set -eu
[ $# -gt 0 ] || set -- postgres

if [ "$1" = postgres ] || [ "${1#-}" != "$1" ]; then
  [ "$1" = postgres ] && shift
  : "${PGDATA:=/var/lib/postgresql/data}"
  : "${POSTGRES_USER:=postgres}"
  : "${POSTGRES_DB:=$POSTGRES_USER}"
  export PGDATA

  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "${POSTGRES_PASSWORD:-}" ]; then
      echo "error: database is uninitialised and POSTGRES_PASSWORD is not set" >&2
      exit 1
    fi
    mkdir -p "$PGDATA"
    chmod 700 "$PGDATA"
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} > /dev/null
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"

    # A private, socket-only server for the set-up steps, as the official image does.
    pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/tmp" start > /dev/null
    psql_setup() { psql -v ON_ERROR_STOP=1 -h /tmp -U "$POSTGRES_USER" -q "$@"; }
    if [ "$POSTGRES_DB" != postgres ]; then
      psql_setup -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
    fi
    for f in /docker-entrypoint-initdb.d/*; do
      case "$f" in
        *.sh)  echo "running $f"; . "$f" ;;
        *.sql) echo "running $f"; psql_setup -d "$POSTGRES_DB" -f "$f" ;;
      esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop > /dev/null
    echo "PostgreSQL init process complete; ready for start up."
  fi
  exec postgres "$@"
fi
exec "$@"
ENTRYPOINT
}

command -v docker > /dev/null || { log "docker is not installed"; exit 1; }
need=()
up_to_date "$JAVA_IMAGE" || need+=(java)
up_to_date "$DB_IMAGE" || need+=(db)
if [ ${#need[@]} -eq 0 ]; then
  log "$JAVA_IMAGE and $DB_IMAGE are up to date (recipe $RECIPE_HASH)"
  exit 0
fi
[ -n "$MIRROR" ] || { log "no Debian mirror found in apt's sources: set DEBIAN_MIRROR"; exit 1; }
command -v debootstrap > /dev/null || { log "debootstrap is missing: apt-get install debootstrap"; exit 1; }
[ "$(id -u)" = 0 ] || { log "debootstrap needs root"; exit 1; }

WORK=$(mktemp -d /tmp/taskapp-base.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
start=$SECONDS
# The two roots are independent: build them side by side (downloads and dpkg overlap well).
pids=()
for image in "${need[@]}"; do
  case $image in
    java) build_java_base & pids+=($!) ;;
    db)   build_db_image & pids+=($!) ;;
  esac
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
[ $status = 0 ] || { log "failed"; exit 1; }
log "done in $((SECONDS - start)) s: $(docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^(${JAVA_IMAGE}|${DB_IMAGE}) " | paste -sd, -)"
