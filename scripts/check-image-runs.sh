# shellcheck shell=bash
# The runs of scripts/check-image.sh (sourced by it, after the image is built): README.md's image-check commands,
# run as written, plus the runs only a check does (doctor, stop mid-run, read-only without /tmp, no shell).
# Uses from check-image.sh: work, repo, version, say, fail, fakes_pids, docker.

# --- offline fakes on the host network ----------------------------------------------------------------------------
start_fakes() { # name, YouTube latency (ms)
  bun scripts/serve-demo-fakes.ts --youtube-latency-ms "$2" >"$work/fakes-$1.env" 2>"$work/fakes-$1.log" &
  fakes_pids+=($!)
  for _ in $(seq 1 150); do
    grep -qx ready "$work/fakes-$1.env" 2>/dev/null && return 0
    kill -0 "${fakes_pids[-1]}" 2>/dev/null || fail "the fakes did not start: $(cat "$work/fakes-$1.log")"
    sleep 0.2
  done
  fail "the fakes did not start within 30 s"
}
fake() { sed -n "s/^$2=//p" "$work/fakes-$1.env"; } # name, variable
# What a run needs to reach the fakes: their addresses (the credentials go in as SPOTIFY_CLIENT_ID/SECRET).
fake_flags() { echo "--network=host -e NO_COLOR=1 $(grep '^MUSICDL_' "$work/fakes-$1.env" | sed 's/^/-e /' | tr '\n' ' ')"; }
start_fakes fast 0
start_fakes slow 700
export SPOTIFY_CLIENT_ID SPOTIFY_CLIENT_SECRET
SPOTIFY_CLIENT_ID=$(fake fast SPOTIFY_CLIENT_ID)
SPOTIFY_CLIENT_SECRET=$(fake fast SPOTIFY_CLIENT_SECRET)
FAKE_FLAGS=$(fake_flags fast)
export FAKE_FLAGS

as_desk() { setpriv --reuid "$DESK_UID" --regid "$DESK_UID" --clear-groups "$@"; }
volume_dir() { docker volume inspect -f '{{.Mountpoint}}' "$1"; }

# The demo library (examples/demo/musicdl.yaml) in a folder: tagged mp3s, M3Us, all owned by one user, no temp file.
check_library() { # label, folder, owner uid:gid
  local file title artist
  mapfile -t tracks < <(find "$2" -name '*.mp3' | sort)
  mapfile -t playlists < <(find "$2" -name '*.m3u8' | sort)
  [ "${#tracks[@]}" -ge 3 ] || fail "$1: the download wrote ${#tracks[@]} mp3s, expected the demo's 3"
  [ "${#playlists[@]}" -gt 0 ] || fail "$1: the download wrote no M3U"
  [ -z "$(find "$2" -name '.*.musicdl-*.tmp*')" ] || fail "$1: temp files are left: $(find "$2" -name '.*.musicdl-*.tmp*')"
  for file in "${tracks[@]}" "${playlists[@]}"; do
    [ "$(stat -c %u:%g "$file")" = "$3" ] || fail "$1: ${file#"$2"/} is owned by $(stat -c %u:%g "$file"), not $3"
  done
  for file in "${tracks[@]}"; do
    title=$(ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 "$file")
    artist=$(ffprobe -v error -show_entries format_tags=artist -of default=nw=1:nk=1 "$file")
    [ -n "$title" ] && [ -n "$artist" ] || fail "$1: ${file#"$2"/} has no title/artist tag"
  done
  say "  ok: ${#tracks[@]} tagged mp3s and ${#playlists[@]} M3Us, owned by $3, no temp file"
}
demo_config_into() { # folder (a `config` volume's root), owner
  mkdir -p "$1/musicdl"
  cp examples/demo/musicdl.yaml "$1/musicdl/config.yaml"
  chown -R "$2" "$1/musicdl"
}

# --- the binary, the label, no shell --------------------------------------------------------------------------------
printed=$(docker run --rm musicdl --version) || fail "docker run musicdl --version failed"
[ "$printed" = "$version" ] || fail "--version printed '$printed', package.json says '$version'"
label=$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}' musicdl)
[ "$label" = "$version" ] || fail "the version label is '$label', package.json says '$version'"
say "docker run --rm musicdl --version: $printed; label org.opencontainers.image.version=$label"
[ "$(docker image inspect -f '{{.Config.User}}' musicdl)" = 65532:65532 ] || fail "the image does not run as 65532"
for shell in sh /bin/sh bash /bin/bash /busybox/sh; do
  if docker run --rm --entrypoint "$shell" musicdl -c true >/dev/null 2>&1; then fail "docker run --entrypoint $shell worked"; fi
done
docker create --name musicdl-files musicdl >/dev/null
shells=$(docker export musicdl-files | tar -t | grep -E '(^|/)(sh|bash|dash|ash|zsh|busybox)$' || true)
docker rm musicdl-files >/dev/null
[ -z "$shells" ] || fail "the image holds a shell: $shells"
say "no shell: docker run --entrypoint sh|/bin/sh|bash fails, and no sh/bash/dash/ash/zsh/busybox file is in the image"

# --- bind mounts as a desktop user ----------------------------------------------------------------------------------
mkdir -p "$desk/bind" && chown "$DESK_UID:$DESK_UID" "$desk/bind"
snippet_ok bind-mounts-init "$DESK_UID" "$desk/bind"
[ "$(stat -c %u "$desk/bind/config/musicdl/config.yaml")" = "$DESK_UID" ] || fail "init's config.yaml is not the user's"
say "  ok: config/musicdl/config.yaml written, owned by uid $DESK_UID"
demo_config_into "$desk/bind/config" "$DESK_UID:$DESK_UID" # "edit config/musicdl/config.yaml": the demo's sources
snippet_ok bind-mounts-run "$DESK_UID" "$desk/bind"
check_library "bind mounts" "$desk/bind/music" "$DESK_UID:$DESK_UID"

# --- named volumes, read-only root ----------------------------------------------------------------------------------
# shellcheck disable=SC2086 # FAKE_FLAGS is a list of flags
doctor=$(docker run --rm $FAKE_FLAGS -e SPOTIFY_CLIENT_ID -e SPOTIFY_CLIENT_SECRET -v musicdl-doctor-music:/music \
  -v musicdl-doctor-state:/state -v "$desk/bind/config:/config:ro" musicdl doctor --json) ||
  { echo "$doctor" >&2; fail "doctor --json found problems with fresh named volumes"; }
bun -e 'const r = JSON.parse(process.argv[1]); if (!r.ok) process.exit(1);
  for (const c of r.checks) console.log(`image:   ${c.status.padEnd(4)} ${c.name.padEnd(8)} ${c.summary}`)' "$doctor" ||
  fail "doctor --json did not say ok: $doctor"
say "  ok: doctor --json with fresh named volumes /music and /state: every check passes"

snippet_ok named-volumes "$DESK_UID" "$desk/bind"
check_library "named volumes, --read-only --tmpfs /tmp" "$(volume_dir musicdl-music)" 65532:65532

# --- docker stop mid-run ------------------------------------------------------------------------------------------
# One track at a time from a slow YouTube, stopped once the first file is in the library and the others are not.
# shellcheck disable=SC2086
docker run -d --name musicdl-stop $(fake_flags slow) -e SPOTIFY_CLIENT_ID -e SPOTIFY_CLIENT_SECRET \
  -v musicdl-stop-music:/music -v musicdl-stop-state:/state -v "$desk/bind/config:/config:ro" \
  musicdl download --output /music --threads 1 >/dev/null
stopped="$(volume_dir musicdl-stop-music)"
for _ in $(seq 1 600); do
  [ -n "$(find "$stopped" -name '*.mp3' -print -quit)" ] && break
  [ "$(docker inspect -f '{{.State.Running}}' musicdl-stop)" = true ] || break
  sleep 0.1
done
[ "$(docker inspect -f '{{.State.Running}}' musicdl-stop)" = true ] ||
  { docker logs musicdl-stop >&2; fail "the slow run ended before it could be stopped mid-run"; }
docker stop -t 30 musicdl-stop >/dev/null
status=$(docker inspect -f '{{.State.ExitCode}}' musicdl-stop)
docker logs musicdl-stop >"$work/stop.log" 2>&1
docker rm musicdl-stop >/dev/null
[ "$status" = 130 ] || { cat "$work/stop.log" >&2; fail "docker stop mid-run: exit $status, expected 130"; }
[ -z "$(find "$stopped" -name '.*.musicdl-*.tmp*')" ] || fail "docker stop left temp files: $(find "$stopped" -name '.*tmp*')"
kept=0
while IFS= read -r file; do
  ffprobe -v error -show_entries format=duration:format_tags=title -of default=nw=1:nk=1 "$file" | grep -q . ||
    fail "docker stop left an unreadable file: ${file#"$stopped"/}"
  kept=$((kept + 1))
done < <(find "$stopped" -name '*.mp3')
[ "$kept" -ge 1 ] && [ "$kept" -lt 3 ] || fail "docker stop: $kept mp3s in the library, expected some, not all"
say "docker stop mid-run (after the first track): exit 130; $kept complete mp3s kept, no temp file; the next run resumes:"
# shellcheck disable=SC2086
docker run --rm $FAKE_FLAGS -e SPOTIFY_CLIENT_ID -e SPOTIFY_CLIENT_SECRET -v musicdl-stop-music:/music \
  -v musicdl-stop-state:/state -v "$desk/bind/config:/config:ro" musicdl >"$work/resume.log" 2>&1 ||
  { cat "$work/resume.log" >&2; fail "the run after docker stop failed"; }
check_library "the run after docker stop" "$stopped" 65532:65532

# --- logging in -----------------------------------------------------------------------------------------------------
source scripts/check-image-login.sh

# --- compose and the CronJob ---------------------------------------------------------------------------------------
source scripts/check-image-deploy.sh

# --- read-only without a writable /tmp: one error, at once ---------------------------------------------------------
# shellcheck disable=SC2086
docker run --rm --read-only $FAKE_FLAGS -e SPOTIFY_CLIENT_ID -e SPOTIFY_CLIENT_SECRET -v musicdl-ro-music:/music \
  -v musicdl-ro-state:/state -v "$desk/bind/config:/config:ro" musicdl >"$work/ro.out" 2>"$work/ro.err" && status=0 || status=$?
say "--read-only without a writable /tmp: exit $status; stderr:"
sed 's/^/image:   | /' "$work/ro.err"
[ "$status" = 2 ] || fail "--read-only without a writable /tmp exited $status, expected 2 (one error, at once)"
grep -q '/tmp' "$work/ro.err" || fail "--read-only without a writable /tmp: the error does not name /tmp"
[ "$(grep -ci '^ *error' "$work/ro.err")" = 1 ] || fail "--read-only without a writable /tmp: not exactly one error"
! grep -qE '^\[[0-9]+/[0-9]+\]' "$work/ro.err" || fail "--read-only without a writable /tmp: it started on the tracks"
[ -z "$(find "$(volume_dir musicdl-ro-music)" -name '*.mp3')" ] || fail "--read-only without /tmp still downloaded"
say "  ok: exit 2 with one error naming /tmp"
