#!/usr/bin/env bash
# Runs musicdl inside exactly the files musicdl.Dockerfile's final stage holds, without Docker: distroless
# cc-debian12 (glibc, libgcc_s, libstdc++, passwd/group with nonroot 65532, CA certificates, /tmp), the compiled
# binary and ffmpeg. As uid 65532 it prints --version, passes `doctor` and downloads the demo library from the offline
# fakes (which run outside the root on 127.0.0.1). Proves the image needs no shell and nothing else.
#
#   sudo bash scripts/check-runtime-rootfs.sh                       # builds the binary first
#   sudo MUSICDL_BIN=dist/musicdl bash scripts/check-runtime-rootfs.sh
#
# ffmpeg: the image copies a static ffmpeg/ffprobe (mwader/static-ffmpeg). None can be downloaded here, so this uses
# the system /usr/bin/ffmpeg and ffprobe plus the shared libraries `ldd` lists for them; those libraries are the one
# addition to the image's file set. Needs root (chroot, mount -t proc, mknod).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "rootfs: $*"; }
fail() {
  echo "rootfs: FAIL: $*" >&2
  exit 1
}

if [ "$(id -u)" != 0 ]; then
  echo "rootfs: must run as root: it builds a root with chroot, mounts /proc and creates /dev nodes. Try: sudo bash $0" >&2
  exit 1
fi
for tool in chroot mount umount mountpoint ldd mknod bun; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
FFMPEG=$(command -v ffmpeg) || fail "ffmpeg is not installed (apt-get install ffmpeg)"
FFPROBE=$(command -v ffprobe) || fail "ffprobe is not installed (apt-get install ffmpeg)"
CHROOT=$(command -v chroot)

work=$(mktemp -d /tmp/musicdl-rootfs.XXXXXX)
root="$work/root"
fakes_pid=""
cleanup() {
  if [ -n "$fakes_pid" ]; then kill "$fakes_pid" 2>/dev/null || true; wait "$fakes_pid" 2>/dev/null || true; fi
  if mountpoint -q "$root/proc" 2>/dev/null; then umount "$root/proc" || umount -l "$root/proc" || true; fi
  # Never delete through a mount that is still there.
  if mountpoint -q "$root/proc" 2>/dev/null; then echo "rootfs: $root/proc is still mounted; left $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- the binary -------------------------------------------------------------------------------------------------
binary="${MUSICDL_BIN:-}"
if [ -z "$binary" ]; then
  say "building the binary (bun build --compile --minify)"
  bun build src/main.ts --compile --minify --bytecode --format=esm --outfile "$work/musicdl" >/dev/null
  binary="$work/musicdl"
fi
[ -x "$binary" ] || fail "$binary is not an executable"

# --- the image's files ------------------------------------------------------------------------------------------
# Copies a file to the same path inside the root, following symlinks (merged /usr: /lib -> usr/lib on the host).
copy_in() { mkdir -p "$root$(dirname "$1")" && cp -L "$1" "$root$1"; }
# Shared libraries of an executable as absolute paths (the loader included, the kernel's vDSO not).
libs_of() { ldd "$1" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'; }

mkdir -p "$root"/{usr/local/bin,etc/ssl/certs,tmp,proc,dev,home/nonroot,music,config,state}

# gcr.io/distroless/cc-debian12: glibc, libgcc_s and libstdc++, nothing else executable.
libc_dir=$(dirname "$(ldd /bin/true | awk '$1 == "libc.so.6" { print $3 }')")
loader=$(ldd /bin/true | awk '$1 ~ /^\/.*ld-linux/ { print $1 }')
distroless_libs=("$loader" "$libc_dir"/{libc.so.6,libm.so.6,libpthread.so.0,libdl.so.2,librt.so.1,libgcc_s.so.1,libstdc++.so.6})
for lib in "${distroless_libs[@]}"; do
  [ -e "$lib" ] || fail "$lib is missing on this host"
  copy_in "$lib"
done
# The loader also at its canonical multiarch path, as Debian has it.
copy_in "$libc_dir/$(basename "$loader")"
cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
tty:x:5:
staff:x:50:
nobody:x:65534:
nonroot:x:65532:
EOF
cat >"$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
shadow: files
hosts: files dns
networks: files
protocols: files
services: files
EOF
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
chmod 1777 "$root/tmp"
chown 65532:65532 "$root/home/nonroot"
chmod 700 "$root/home/nonroot"

# COPY --from=build /out/musicdl /usr/local/bin/musicdl
install -m 755 "$binary" "$root/usr/local/bin/musicdl"
# The binary must need nothing beyond what distroless provides.
for lib in $(libs_of "$binary"); do
  found=no
  for provided in "${distroless_libs[@]}"; do [ "$(basename "$lib")" = "$(basename "$provided")" ] && found=yes; done
  [ "$found" = yes ] || fail "the binary needs $lib, which distroless cc-debian12 does not provide"
done

# COPY --from=ffmpeg /ffmpeg /ffprobe /usr/local/bin/ (here: the system build and its shared libraries).
install -m 755 "$FFMPEG" "$root/usr/local/bin/ffmpeg"
install -m 755 "$FFPROBE" "$root/usr/local/bin/ffprobe"
ffmpeg_libs=$( (libs_of "$FFMPEG"; libs_of "$FFPROBE") | sort -u)
for lib in $ffmpeg_libs; do [ -e "$root$lib" ] || copy_in "$lib"; done

# Docker gives every container /proc and a few /dev nodes; Bun reads /proc/self/exe and /dev/urandom.
mount -t proc proc "$root/proc"
mknod -m 666 "$root/dev/null" c 1 3
mknod -m 666 "$root/dev/zero" c 1 5
mknod -m 666 "$root/dev/random" c 1 8
mknod -m 666 "$root/dev/urandom" c 1 9

# VOLUME ["/music", "/config", "/state"], mounted writable for the container's user.
cp examples/demo/musicdl.yaml "$root/config/musicdl.yaml"
chown -R 65532:65532 "$root/music" "$root/config" "$root/state"

for shell in sh bash dash ash zsh busybox; do
  [ -z "$(find "$root" -path "$root/proc" -prune -o -name "$shell" -print)" ] || fail "the root holds a shell: $shell"
done
files=$(find "$root" -path "$root/proc" -prune -o -type f -print | wc -l)
size=$(du -sm --exclude=proc "$root" | cut -f1)
say "root holds $files files, ${size} MiB: musicdl, ffmpeg + ffprobe, $(echo "$ffmpeg_libs" | wc -w) ffmpeg libraries, distroless's glibc/libgcc_s/libstdc++, /etc files; no shell"

# --- the fakes, outside the root --------------------------------------------------------------------------------
bun scripts/serve-demo-fakes.ts >"$work/fakes.env" 2>"$work/fakes.log" &
fakes_pid=$!
for _ in $(seq 1 150); do
  grep -qx ready "$work/fakes.env" 2>/dev/null && break
  kill -0 "$fakes_pid" 2>/dev/null || fail "the fakes did not start: $(cat "$work/fakes.log")"
  sleep 0.2
done
grep -qx ready "$work/fakes.env" || fail "the fakes did not start within 30 s"
mapfile -t fake_env < <(grep '=' "$work/fakes.env")

# ENV of the Dockerfile, the fakes' addresses and credentials; `env -i` so nothing else from this shell leaks in.
in_root() {
  env -i PATH=/usr/local/bin HOME=/state XDG_CONFIG_HOME=/config XDG_CACHE_HOME=/state \
    MUSICDL_FFMPEG=/usr/local/bin/ffmpeg NO_COLOR=1 "${fake_env[@]}" \
    "$CHROOT" --userspec=65532:65532 "$root" /usr/local/bin/musicdl "$@"
}

version=$(in_root --version) || fail "musicdl --version failed in the root"
expected=$(bun -e 'console.log(require("./package.json").version)')
[ "$version" = "$expected" ] || fail "musicdl --version printed '$version', expected '$expected'"
say "musicdl --version as 65532: $version"

in_root doctor -c /config/musicdl.yaml -o /music >"$work/doctor.txt" 2>&1 || {
  cat "$work/doctor.txt" >&2
  fail "musicdl doctor found problems in the root"
}
say "musicdl doctor as 65532: all checks pass"

in_root download -c /config/musicdl.yaml -o /music --quiet >"$work/download.txt" 2>&1 || {
  cat "$work/download.txt" >&2
  fail "musicdl download failed in the root"
}
mapfile -t tracks < <(find "$root/music" -name '*.mp3' | sort)
mapfile -t playlists < <(find "$root/music" -name '*.m3u8' | sort)
[ "${#tracks[@]}" -gt 0 ] || fail "the download wrote no mp3"
[ "${#playlists[@]}" -gt 0 ] || fail "the download wrote no M3U"
for file in "${tracks[@]}" "${playlists[@]}"; do
  [ "$(stat -c %u:%g "$file")" = 65532:65532 ] || fail "${file#"$root"} is owned by $(stat -c %u:%g "$file"), not 65532"
done
for file in "${tracks[@]}"; do
  title=$("$FFPROBE" -v error -show_entries format_tags=title -of default=nw=1:nk=1 "$file")
  artist=$("$FFPROBE" -v error -show_entries format_tags=artist -of default=nw=1:nk=1 "$file")
  [ -n "$title" ] && [ -n "$artist" ] || fail "${file#"$root"} has no title/artist tag"
  say "  ${file#"$root"}  (title: $title · artist: $artist · owner 65532)"
done
say "ok: ${#tracks[@]} tagged tracks and ${#playlists[@]} playlists written by uid 65532 in a shell-less root"
