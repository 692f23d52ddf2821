# shellcheck shell=bash
# `auth login` in the container, both ways README.md shows (sourced by scripts/check-image-runs.sh): with the host's
# network, a "browser" (this script) opening the printed address on the fake accounts service, which approves and
# redirects to the container's callback on 127.0.0.1:8888; then the login made on the host, copied into the config.

# The login's doctor line: Spotify accepted the stored login, read from the config volume.
check_login_used() { # label, folder holding config/
  local out
  # shellcheck disable=SC2086 # FAKE_FLAGS is a list of flags
  out=$(docker run --rm $FAKE_FLAGS --user "$DESK_UID:$DESK_UID" -v "$2/config:/config" musicdl doctor --json) || true
  grep -q 'accepted the login from `musicdl auth login` (/config/musicdl/auth.json)' <<<"$out" ||
    fail "$1: doctor does not use the login in /config/musicdl/auth.json: $out"
  say "  ok: doctor: Spotify accepted the login from /config/musicdl/auth.json"
}

run_snippet login "$DESK_UID" "$desk/bind" &
login_pid=$!
authorize=""
for _ in $(seq 1 150); do
  authorize=$(grep -Eo 'https?://127\.0\.0\.1:[0-9]+/authorize[^ ]*' "$work/login.log" 2>/dev/null | head -1) || true
  [ -n "$authorize" ] && break
  kill -0 "$login_pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$authorize" ] || { cat "$work/login.log" >&2; fail "auth login printed no authorize address"; }
# The browser: follows the approval's redirect to http://127.0.0.1:8888/callback, served inside the container.
bun -e 'const r = await fetch(process.argv[1]); if (!r.ok) { console.error(r.status, await r.text()); process.exit(1); }' \
  "$authorize" || fail "the callback at 127.0.0.1:8888 inside the container did not answer"
wait "$login_pid" || { cat "$work/login.log" >&2; fail "README 'login' failed"; }
auth="$desk/bind/config/musicdl/auth.json"
[ -f "$auth" ] || fail "auth login wrote no config/musicdl/auth.json"
[ "$(stat -c '%u %a' "$auth")" = "$DESK_UID 600" ] || fail "auth.json is $(stat -c '%u %a' "$auth"), not uid $DESK_UID mode 600"
say "  ok: config/musicdl/auth.json written (uid $DESK_UID, mode 600) through the callback inside the container"
check_login_used "login with --network=host" "$desk/bind"

# The login made on the host: the same file, where the host's musicdl keeps it.
as_desk mkdir -p "$desk/home/.config/musicdl" "$desk/copy"
as_desk cp -p "$auth" "$desk/home/.config/musicdl/auth.json"
snippet_ok login-copy "$DESK_UID" "$desk/copy"
check_login_used "login copied from the host" "$desk/copy"
