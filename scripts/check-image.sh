#!/usr/bin/env bash
# Builds musicdl.Dockerfile for real with Debian's Docker engine and runs the image the ways README.md shows.
#
#   sudo bash scripts/check-image.sh          # CI runs it as root (.ci/run); about 2-4 minutes
#
# Needs root: it installs docker.io (and docker-compose) from Debian when missing and starts its own dockerd (data,
# socket and state under one temp folder, no iptables, no bridge: containers use the host network), which it stops
# at the end. No image registry is reachable here, so the three base images are STAND-INS assembled locally and
# tagged with the exact names musicdl.Dockerfile uses (see scripts/image-stand-ins.sh); the Dockerfile itself keeps
# the real ones. Then: `docker build` (BuildKit), `--version` and the version label, `doctor --json`, the demo
# download from the offline fakes into named volumes and into bind mounts (`--user`), the compose file, the CronJob's
# container settings, `docker stop` mid-run, `--read-only` with and without a /tmp tmpfs, no shell; and the image's
# size, layer by layer.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

say() { echo "image: $*"; }
fail() {
  echo "image: FAIL: $*" >&2
  exit 1
}
if [ "$(id -u)" != 0 ]; then
  echo "image: must run as root: it installs Docker from Debian and starts its own dockerd. Try: sudo bash $0" >&2
  exit 1
fi
command -v bun >/dev/null || fail "bun is not installed (it serves the offline fakes)"
command -v npm >/dev/null || fail "npm is not installed (it fetches the stand-ins' bun and static ffmpeg)"

# --- Docker from Debian -----------------------------------------------------------------------------------------
apt_updated=no
apt_install() {
  [ "$apt_updated" = yes ] || { apt-get update -qq >/dev/null && apt_updated=yes; } || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 ||
    fail "could not install $* from Debian"
}
missing=()
[ -x /usr/sbin/dockerd ] && [ -x /usr/bin/docker ] || missing+=(docker.io)
[ -x /usr/bin/docker-compose ] || missing+=(docker-compose)
command -v ffprobe >/dev/null || missing+=(ffmpeg) # reads the tags of what the image wrote
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  apt_install "${missing[@]}"
fi

# Debian's client, which matches its engine (another `docker` on PATH may be newer and want buildx).
docker() { /usr/bin/docker "$@"; }
work=$(mktemp -d /tmp/musicdl-image.XXXXXX)
export DOCKER_HOST="unix://$work/docker.sock" DOCKER_BUILDKIT=1 DOCKER_CONFIG="$work/client"
dockerd_pid=""
fakes_pids=()
cleanup() {
  set +e
  for pid in "${fakes_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ -n "$dockerd_pid" ]; then
    docker ps -aq 2>/dev/null | xargs -r /usr/bin/docker rm -f >/dev/null 2>&1
    kill "$dockerd_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$dockerd_pid" 2>/dev/null
  fi
  # Never delete through a mount that is still there (overlay layers, the engine's own mounts).
  grep -o " ${work}[^ ]*" /proc/mounts | sort -r | while read -r mount; do umount "$mount" || umount -l "$mount"; done
  if grep -q " $work" /proc/mounts; then echo "image: mounts remain under $work; left it" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

say "starting dockerd (own data root under $work; --iptables=false --bridge=none: containers use the host network)"
/usr/sbin/dockerd --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/dockerd.pid" \
  --host "$DOCKER_HOST" --iptables=false --ip6tables=false --bridge=none \
  --containerd-namespace "musicdl-check-$$" --containerd-plugins-namespace "musicdl-check-$$-plugins" \
  >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1 150); do
  docker version >/dev/null 2>&1 && break
  kill -0 "$dockerd_pid" 2>/dev/null || fail "dockerd did not start: $(tail -5 "$work/dockerd.log")"
  sleep 0.2
done
docker version >/dev/null 2>&1 || fail "dockerd did not answer within 30 s: $(tail -5 "$work/dockerd.log")"
say "engine: Docker $(docker version -f '{{.Server.Version}}'), storage $(docker info -f '{{.Driver}}')"

# --- stand-in base images, then the real Dockerfile ---------------------------------------------------------------
WORK="$work" bash scripts/image-stand-ins.sh

# A desktop user (uid 1000) runs README.md's commands in folders of their own; like a member of the docker group they
# may use the engine's socket (this engine is the check's own, gone at the end).
desk="$work/desktop"
DESK_UID=1000
mkdir -p "$desk/home/.docker"
chown -R "$DESK_UID:$DESK_UID" "$desk"
chmod 711 "$work"
chmod 666 "${DOCKER_HOST#unix://}"

# --- README.md's commands, run as written -------------------------------------------------------------------------
snippet() { # the ```sh block under <!-- image-check: NAME -->
  awk -v name="$1" '$0 == "<!-- image-check: " name " -->" { getline; grab = 1; next }
    grab && /^```$/ { exit } grab { print }' "$repo/README.md"
}
# `docker` inside a snippet: the same command, plus the fakes' addresses and the host network for `run`, the host
# network for `build`, and for `docker compose` Debian's docker-compose with an override pointing at the fakes.
wrapper='docker() {
  case "$1" in
    run) shift; case " $* " in *" --network=host "*) flags=${FAKE_FLAGS/--network=host/} ;; *) flags=$FAKE_FLAGS ;; esac
      /usr/bin/docker run $flags "$@" ;;
    build) shift; /usr/bin/docker build --network=host "$@" ;;
    compose) shift; /usr/bin/docker-compose -f compose.yaml -f "$COMPOSE_OVERRIDE" "$@" ;;
    *) /usr/bin/docker "$@" ;;
  esac
}'
run_snippet() { # name, uid, folder; the snippet's output goes to $work/<name>.log
  local text
  text=$(snippet "$1")
  [ -n "$text" ] || fail "README.md has no \`<!-- image-check: $1 -->\` command"
  say "README '$1', as uid $2 in ${3#"$work/"}:"
  sed 's/^/image:   $ /' <<<"$text"
  (cd "$3" && setpriv --reuid "$2" --regid "$2" --clear-groups env -i PATH="$PATH" HOME="$desk/home" \
    DOCKER_HOST="$DOCKER_HOST" DOCKER_BUILDKIT=1 DOCKER_CONFIG="$desk/home/.docker" FAKE_FLAGS="${FAKE_FLAGS:-}" \
    COMPOSE_OVERRIDE="${COMPOSE_OVERRIDE:-}" SPOTIFY_CLIENT_ID="${SPOTIFY_CLIENT_ID:-}" \
    SPOTIFY_CLIENT_SECRET="${SPOTIFY_CLIENT_SECRET:-}" bash -euo pipefail -c "$wrapper
$text") >"$work/$1.log" 2>&1
}
snippet_ok() { run_snippet "$@" || { cat "$work/$1.log" >&2; fail "README '$1' failed"; }; }
version=$(bun -e 'console.log(require("./package.json").version)')
started=$SECONDS
snippet_ok build 0 "$repo"
say "  built in $((SECONDS - started)) s"

# A stale version is refused: the label can only be package.json's version.
if docker build --network=host -f musicdl.Dockerfile --build-arg VERSION=0.0.0-stale . >"$work/stale.log" 2>&1; then
  fail "the build accepted --build-arg VERSION=0.0.0-stale although package.json says $version"
fi
grep -q "package.json says '$version'" "$work/stale.log" || { cat "$work/stale.log" >&2; fail "a stale VERSION failed without saying why"; }
say "a stale --build-arg VERSION stops the build, naming package.json's version"

# --- size ---------------------------------------------------------------------------------------------------------
size_mb=$(docker image inspect -f '{{.Size}}' musicdl | awk '{ printf "%.0f", $1 / 1000000 }')
size_mib=$(docker image inspect -f '{{.Size}}' musicdl | awk '{ printf "%.0f", $1 / 1048576 }')
# Compressed as a registry stores it (gzip), to compare with the sizes registries publish.
gzip_mb=$(docker save musicdl | gzip -6 | wc -c | awk '{ printf "%.0f", $1 / 1000000 }')
say "image size: ${size_mb} MB (${size_mib} MiB) unpacked, ${gzip_mb} MB gzip-compressed, stand-in bases included; layers:"
docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}\t{{.Comment}}' musicdl |
  awk -F'\t' '{ line = $2 == "" ? $3 : $2; sub(/^\/bin\/sh -c #\(nop\) */, "", line); if (length(line) > 100) line = substr(line, 1, 97) "..."; printf "image:   %10s  %s\n", $1, line }'

# --- the runs -----------------------------------------------------------------------------------------------------
source scripts/check-image-runs.sh
say "ok: the image builds and runs as README.md shows (${SECONDS} s)"
