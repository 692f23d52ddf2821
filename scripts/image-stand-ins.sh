#!/usr/bin/env bash
# STAND-INS for musicdl.Dockerfile's three base images, for scripts/check-image.sh where no registry is reachable:
# assembled from Debian packages and npm tarballs and tagged with the exact names the Dockerfile uses, so that
# `docker build -f musicdl.Dockerfile` runs unchanged. They are not the published images:
#   gcr.io/distroless/cc-debian12:nonroot  <- the Debian 12 packages distroless cc holds (base-files, netbase, tzdata,
#                                             CA certificates, libc6, libssl3, libgcc-s1, libgomp1, libstdc++6) and
#                                             its passwd/group with `nonroot` (65532); no shell
#   oven/bun:<BUN_VERSION>-debian          <- libc6, dash and coreutils from Debian + bun from @oven/bun-linux-x64
#   mwader/static-ffmpeg:7.1.1             <- /ffmpeg and /ffprobe from @ffmpeg-installer/linux-x64 (ffmpeg 4.x) and
#                                             @ffprobe-installer/linux-x64, static builds, on an empty image
# Needs WORK (a scratch folder) and DOCKER_HOST; run by check-image.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${WORK:?set WORK to a scratch folder}"
say() { echo "image: $*"; }
fail() {
  echo "image: FAIL: $*" >&2
  exit 1
}
docker() { /usr/bin/docker "$@"; }

# The names musicdl.Dockerfile builds FROM, read from it so the two cannot drift apart.
arg_of() { sed -n "s/^ARG $1=//p" musicdl.Dockerfile; }
bun_version=$(arg_of BUN_VERSION)
ffmpeg_image=$(arg_of FFMPEG_IMAGE)
runtime_image=$(arg_of RUNTIME_IMAGE)
build_image=$(sed -n 's/^FROM \(oven\/bun:\)\${BUN_VERSION}\(.*\) AS build$/\1'"$bun_version"'\2/p' musicdl.Dockerfile)
[ -n "$bun_version" ] && [ -n "$ffmpeg_image" ] && [ -n "$runtime_image" ] && [ -n "$build_image" ] ||
  fail "could not read the base images from musicdl.Dockerfile"

stand_ins="$WORK/stand-ins"
mkdir -p "$stand_ins/debs" "$stand_ins/npm"

# Debian packages into a root, without running their scripts (none of these needs one to work).
debs_into() {
  local root=$1
  shift
  mkdir -p "$root"
  (cd "$stand_ins/debs" && apt-get download -qq "$@" >/dev/null 2>&1) ||
    (apt-get update -qq >/dev/null && cd "$stand_ins/debs" && apt-get download -qq "$@" >/dev/null) ||
    fail "apt-get download $* failed"
  local package
  for package in "$@"; do dpkg -x "$(ls "$stand_ins/debs/${package}"_*.deb | head -1)" "$root"; done
}
npm_file() { # package@version, file inside the tarball -> path of the extracted file
  local dir
  dir="$stand_ins/npm/$(echo "$1" | tr '/@' '__')"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    local tarball
    tarball=$(cd "$dir" && npm pack --silent "$1" 2>/dev/null | tail -1) || fail "npm pack $1 failed"
    tar -xzf "$dir/$tarball" -C "$dir"
  fi
  echo "$dir/package/$2"
}
users_into() { # root, then passwd lines; group lines mirror them
  mkdir -p "$1/etc"
  printf '%s\n' "${@:2}" >"$1/etc/passwd"
  printf '%s\n' "${@:2}" | awk -F: '{ print $1 ":x:" $4 ":" }' >"$1/etc/group"
}
import_root() { # root, name, docker import --change instructions...
  local root=$1 name=$2
  shift 2
  local changes=()
  for change in "$@"; do changes+=(--change "$change"); done
  tar --numeric-owner -C "$root" -c . | docker import "${changes[@]}" \
    --message "STAND-IN for $name, assembled by scripts/image-stand-ins.sh" - "$name" >/dev/null
  say "  stand-in $name: $(du -sm "$root" | cut -f1) MiB"
}

say "assembling STAND-INS for the base images (no registry here; the Dockerfile keeps the real ones):"

# gcr.io/distroless/cc-debian12:nonroot
root="$stand_ins/runtime"
debs_into "$root" base-files netbase tzdata ca-certificates libc6 libssl3 libgcc-s1 gcc-12-base libgomp1 libstdc++6
mkdir -p "$root/etc/ssl/certs" "$root/tmp" "$root/home/nonroot"
cat "$root"/usr/share/ca-certificates/mozilla/*.crt >"$root/etc/ssl/certs/ca-certificates.crt"
# distroless keeps the certificates, not the tools that manage them, and no documentation beyond copyright files.
rm -rf "$root/usr/sbin" "$root/etc/ca-certificates" "$root/usr/share/man" "$root/usr/share/lintian"
find "$root/usr/share/doc" -type f ! -name copyright -delete
users_into "$root" "root:x:0:0:root:/root:/sbin/nologin" "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin" \
  "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin"
chmod 1777 "$root/tmp"
chown 65532:65532 "$root/home/nonroot"
for shell in sh bash dash ash busybox; do
  [ -z "$(find "$root" -name "$shell")" ] || fail "the distroless stand-in holds a shell: $shell"
done
import_root "$root" "$runtime_image" "USER 65532:65532" "WORKDIR /home/nonroot" \
  "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"

# oven/bun:<version>-debian: a shell for RUN, coreutils, bun. The build fetches packages from npm, through this
# machine's proxy when it has one: its CA bundle goes in (the real image has Debian's).
root="$stand_ins/build"
debs_into "$root" base-files libc6 libgcc-s1 gcc-12-base dash coreutils libacl1 libattr1 libgmp10 libselinux1 libpcre2-8-0
ln -sfn dash "$root/bin/sh"
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/tmp" "$root/root"
chmod 1777 "$root/tmp"
install -m 755 "$(npm_file "@oven/bun-linux-x64@$bun_version" bin/bun)" "$root/usr/local/bin/bun"
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
users_into "$root" "root:x:0:0:root:/root:/bin/sh"
import_root "$root" "$build_image" \
  "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt"

# mwader/static-ffmpeg: /ffmpeg and /ffprobe on an empty image.
root="$stand_ins/ffmpeg"
mkdir -p "$root"
install -m 755 "$(npm_file @ffmpeg-installer/linux-x64@4.1.0 ffmpeg)" "$root/ffmpeg"
install -m 755 "$(npm_file @ffprobe-installer/linux-x64@5.2.0 ffprobe)" "$root/ffprobe"
import_root "$root" "$ffmpeg_image"
