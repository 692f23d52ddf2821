# shellcheck shell=bash
# examples/docker/compose.yaml and cronjob.yaml, as far as they can run here (sourced by scripts/check-image-runs.sh).
# Compose: README.md's commands with Debian's docker-compose 1.29 (the same file format as `docker compose`) and an
# override that only adds the host network and the fakes' addresses. CronJob: no cluster is reachable, so its pod's
# container settings (user, read-only root, emptyDir and claim mounts, args, env) are read from the file and run
# with `docker run`, the claims as named volumes that belong to the fsGroup, as a cluster would make them.

# --- compose ------------------------------------------------------------------------------------------------------
mkdir -p "$desk/compose"
cp examples/docker/compose.yaml "$desk/compose/compose.yaml"
export COMPOSE_OVERRIDE="$work/compose.fakes.yaml"
{
  echo "services:"
  echo "  musicdl:"
  echo "    network_mode: host"
  echo "    environment:"
  grep '^MUSICDL_' "$work/fakes-fast.env" | sed 's/^/      - /'
} >"$COMPOSE_OVERRIDE"
demo_config_into "$desk/compose/config" "$DESK_UID:$DESK_UID" # the user's config, as after `init` and an edit
chown -R "$DESK_UID:$DESK_UID" "$desk/compose"
snippet_ok compose "$DESK_UID" "$desk/compose"
check_library "docker compose" "$desk/compose/music" "$DESK_UID:$DESK_UID"

# --- the CronJob's container, with docker ---------------------------------------------------------------------------
mapfile -t cron_flags < <(bun -e '
  const job = Bun.YAML.parse(await Bun.file("examples/docker/cronjob.yaml").text());
  const pod = job.spec.jobTemplate.spec.template.spec;
  const [container] = pod.containers;
  const out = [`--user=${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}`];
  if (container.securityContext.readOnlyRootFilesystem) out.push("--read-only");
  if (container.securityContext.allowPrivilegeEscalation === false) out.push("--security-opt=no-new-privileges");
  for (const cap of container.securityContext.capabilities?.drop ?? []) out.push(`--cap-drop=${cap}`);
  for (const mount of container.volumeMounts) {
    const volume = pod.volumes.find((v) => v.name === mount.name);
    if (volume.emptyDir) out.push(`--tmpfs=${mount.mountPath}`);
    else out.push(`--volume=cron-${volume.persistentVolumeClaim.claimName}:${mount.mountPath}`);
  }
  for (const from of container.envFrom ?? []) if (from.secretRef) out.push("--env=SPOTIFY_CLIENT_ID", "--env=SPOTIFY_CLIENT_SECRET");
  out.push(container.image.replace(/:latest$/, ""), ...container.args);
  console.log(out.join("\n"));
') || fail "could not read examples/docker/cronjob.yaml"
say "the CronJob's container as docker run (not run on Kubernetes: no cluster here): ${cron_flags[*]}"
fs_group=$(bun -e 'console.log(Bun.YAML.parse(await Bun.file("examples/docker/cronjob.yaml").text()).spec.jobTemplate.spec.template.spec.securityContext.fsGroup)')
# The config claim, prepared as the CronJob's comment says: musicdl/config.yaml, group fsGroup.
docker volume create cron-musicdl-config >/dev/null
demo_config_into "$(volume_dir cron-musicdl-config)" "$fs_group:$fs_group"
chown "$fs_group:$fs_group" "$(volume_dir cron-musicdl-config)"
# shellcheck disable=SC2086 # FAKE_FLAGS is a list of flags
docker run --rm $FAKE_FLAGS "${cron_flags[@]}" >"$work/cron.log" 2>&1 ||
  { cat "$work/cron.log" >&2; fail "the CronJob's container failed"; }
check_library "the CronJob's container" "$(volume_dir cron-musicdl-music)" "$fs_group:$fs_group"
