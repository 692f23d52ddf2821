/** `musicdl init`: writes a commented starter musicdl.yaml; never overwrites an existing file. */
import { defineCommand } from "citty";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../../errors.ts";
import { writeFileAtomic } from "../../library/atomic-write.ts";
import { STARTER_CONFIG } from "../starter-config.ts";

export default defineCommand({
  meta: {
    name: "init",
    description:
      "Write a commented starter musicdl.yaml in the current folder (or FILE).\n\nExample:\n  musicdl init && $EDITOR musicdl.yaml",
  },
  args: {
    file: { type: "positional", required: false, description: "Where to write it (default: ./musicdl.yaml)" },
    force: { type: "boolean", description: "Replace an existing file" },
  },
  async run({ args }) {
    const target = resolve(args.file ?? "musicdl.yaml");
    if (existsSync(target) && !args.force) {
      throw new UsageError(`${target} already exists; nothing was changed.`, {
        hint: "Edit it, or pass --force to replace it with the starter config.",
      });
    }
    await writeFileAtomic(target, STARTER_CONFIG);
    process.stdout.write(
      `Wrote ${target}.\nNext: add your Spotify app credentials (or export SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET), list what you want, then run \`musicdl plan\` to preview and \`musicdl download\`.\n`,
    );
  },
});
