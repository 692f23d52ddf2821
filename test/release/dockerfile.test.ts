import { describe, expect, test } from "bun:test";
import { join } from "node:path";

const root = join(import.meta.dir, "..", "..");
const dockerfile = await Bun.file(join(root, "musicdl.Dockerfile")).text();
const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
const buildStage = dockerfile.slice(
  dockerfile.indexOf("\nFROM "),
  dockerfile.indexOf("\nFROM ", dockerfile.indexOf("\nFROM ") + 1),
);

describe("musicdl.Dockerfile", () => {
  test("lints clean with dockerfile-utils", async () => {
    const proc = Bun.spawn([join(root, "node_modules", ".bin", "dockerfile-utils"), "lint", "musicdl.Dockerfile"], {
      cwd: root,
      stdout: "pipe",
    });
    const [out, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
    expect(out).toBe("");
    expect(code).toBe(0);
  });

  test("the runtime stage is distroless, non-root, shell-free, with the documented volumes and entrypoint", () => {
    expect(dockerfile).toContain("ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile build argument, not a JS template
    expect(finalStage).toStartWith("\nFROM ${RUNTIME_IMAGE}");
    expect(finalStage).toContain("USER 65532:65532");
    expect(finalStage).toContain('ENTRYPOINT ["/usr/local/bin/musicdl"]');
    expect(finalStage).toContain('VOLUME ["/music", "/config", "/state"]');
    expect(finalStage).not.toMatch(/^RUN /m);
  });

  test("the volumes' folders exist owned by 65532 before VOLUME, so fresh named volumes are writable", () => {
    expect(buildStage).toContain("mkdir -p /out/mounts/music /out/mounts/config /out/mounts/state");
    const copy = finalStage.indexOf("COPY --from=build --chown=65532:65532 /out/mounts/ /");
    expect(copy).toBeGreaterThan(0);
    expect(copy).toBeLessThan(finalStage.indexOf("VOLUME "));
  });

  test("no `# syntax=` line: the build needs no frontend image from a registry", () => {
    expect(dockerfile).not.toMatch(/^#\s*syntax\s*=/im);
  });

  test("the version label is the build's VERSION, which must equal package.json's version (no default to go stale)", async () => {
    expect(dockerfile).not.toMatch(/^ARG VERSION=/m);
    expect(buildStage).toContain('if [ "$built" != "$VERSION" ]');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile build argument, not a JS template
    expect(finalStage).toContain('org.opencontainers.image.version="${VERSION}"');
    const manifest = await Bun.file(join(root, "package.json")).json();
    expect(manifest.scripts["docker:build"]).toContain("--build-arg VERSION=$npm_package_version");
  });

  test("the build stage installs only the production dependencies the binary bundles", () => {
    expect(buildStage).toContain("bun install --frozen-lockfile --production --omit=optional --ignore-scripts");
  });

  test("base images are pinned to versions, never `latest`", () => {
    const images = [...dockerfile.matchAll(/^ARG \w+_(?:IMAGE|VERSION)=(.+)$/gm)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(image).not.toMatch(/latest$/);
  });
});
