/**
 * README.md's Docker section against what scripts/check-image.sh runs: every docker, compose and Kubernetes snippet
 * is either a command the check runs (`<!-- image-check: NAME -->`), a file shipped in examples/docker and shown
 * verbatim (`<!-- file: PATH -->`), or says it was not run; and the shipped files keep the settings README promises.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..", "..");
const readme = await Bun.file(join(root, "README.md")).text();
const dockerSection = readme.slice(readme.indexOf("\n## Docker\n"), readme.indexOf("\n## Running on a schedule\n"));
const checkScripts = readdirSync(join(root, "scripts"))
  .filter((name) => /^check-image.*\.sh$/.test(name))
  .map((name) => Bun.file(join(root, "scripts", name)).text());
const checkText = (await Promise.all(checkScripts)).join("\n");

interface Block {
  readonly marker: string | undefined;
  readonly lang: string;
  readonly body: string;
}

/** The fenced blocks of a Markdown text, each with the HTML comment on the line just above it (if any). */
function fencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const match of text.matchAll(/(?:<!-- (.+?) -->\n)?```(\w*)\n([\s\S]*?)\n```/g)) {
    blocks.push({ marker: match[1], lang: match[2] ?? "", body: match[3] ?? "" });
  }
  return blocks;
}

const blocks = fencedBlocks(dockerSection);
/** The parts of a batch/v1 CronJob this file checks. */
interface CronJobFile {
  apiVersion: string;
  kind: string;
  spec: {
    concurrencyPolicy: string;
    jobTemplate: { spec: { template: { spec: PodSpec } } };
  };
}
interface PodSpec {
  securityContext: Record<string, unknown>;
  containers: {
    securityContext: { readOnlyRootFilesystem?: boolean };
    volumeMounts: { name: string; mountPath: string }[];
    envFrom: { secretRef: { name: string } }[];
  }[];
  volumes: { name: string; emptyDir?: object; persistentVolumeClaim?: { claimName: string } }[];
}

const shipped = async (path: string) => (await Bun.file(join(root, path)).text()).trimEnd();

describe("README's Docker section", () => {
  test("every docker, compose and Kubernetes snippet is run by the image check or shown from a shipped file", () => {
    const dockerish = blocks.filter((b) => /\bdocker\b|^services:|^kind:|apiVersion:/m.test(b.body));
    expect(dockerish.length).toBeGreaterThanOrEqual(8);
    for (const block of dockerish) expect(block.marker ?? block.body).toMatch(/^(image-check|file): /);
  });

  test("each image-check command is one scripts/check-image.sh runs by name", () => {
    const names = blocks.flatMap((b) => (b.marker?.startsWith("image-check: ") ? [b.marker.slice(13)] : []));
    expect(names).toEqual([
      "build",
      "bind-mounts-init",
      "bind-mounts-run",
      "named-volumes",
      "login",
      "login-copy",
      "compose",
    ]);
    for (const name of names) expect(checkText).toMatch(new RegExp(`(snippet_ok|run_snippet) ${name} `));
  });

  test("the compose file and the CronJob are shown exactly as shipped in examples/docker", async () => {
    const files = blocks.filter((b) => b.marker?.startsWith("file: "));
    expect(files.map((b) => b.marker)).toEqual([
      "file: examples/docker/compose.yaml",
      "file: examples/docker/cronjob.yaml",
    ]);
    for (const block of files) expect(block.body).toBe(await shipped(block.marker!.slice(6)));
  });

  test("bind mounts are created first and run as the user; the CronJob says it was not run on a cluster", () => {
    expect(dockerSection).toContain("mkdir -p music config state");
    expect(dockerSection).toContain('--user "$(id -u):$(id -g)"');
    expect(dockerSection).toMatch(/\*Not run on a\s+cluster here\*/);
  });
});

describe("examples/docker", () => {
  test("compose: read-only root with a /tmp tmpfs, the three folders, the user's ids from .env", async () => {
    const compose = Bun.YAML.parse(await shipped("examples/docker/compose.yaml")) as {
      services: { musicdl: Record<string, unknown> };
    };
    const service = compose.services.musicdl;
    expect(service.image).toBe("musicdl");
    expect(service.read_only).toBe(true);
    expect(service.tmpfs).toEqual(["/tmp"]);
    expect(service.volumes).toEqual(["./music:/music", "./config:/config", "./state:/state"]);
    expect(service.user).toMatch(/^\$\{MUSICDL_UID:\?.*\}:\$\{MUSICDL_GID:\?.*\}$/);
  });

  test("CronJob: uid 65532 with fsGroup, readOnlyRootFilesystem with an emptyDir on /tmp, and the three claims", async () => {
    const job = Bun.YAML.parse(await shipped("examples/docker/cronjob.yaml")) as CronJobFile;
    expect(job.apiVersion).toBe("batch/v1");
    expect(job.kind).toBe("CronJob");
    expect(job.spec.concurrencyPolicy).toBe("Forbid");
    const pod = job.spec.jobTemplate.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532 });
    const container = pod.containers[0]!;
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    const volumeOf = (path: string) => {
      const mount = container.volumeMounts.find((m) => m.mountPath === path);
      return pod.volumes.find((v) => v.name === mount?.name);
    };
    expect(volumeOf("/tmp")?.emptyDir).toEqual({});
    for (const path of ["/music", "/config", "/state"]) expect(volumeOf(path)?.persistentVolumeClaim).toBeDefined();
    expect(container.envFrom[0]?.secretRef.name).toBe("musicdl-spotify");
  });
});
