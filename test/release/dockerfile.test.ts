import { describe, expect, test } from "bun:test";
import { join } from "node:path";

const root = join(import.meta.dir, "..", "..");
const dockerfile = await Bun.file(join(root, "musicdl.Dockerfile")).text();
const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

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

  test("base images are pinned to versions, never `latest`", () => {
    const images = [...dockerfile.matchAll(/^ARG \w+_(?:IMAGE|VERSION)=(.+)$/gm)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(image).not.toMatch(/latest$/);
  });
});
