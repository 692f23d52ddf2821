/** musicdl's version, read from package.json at build time (bun inlines the JSON import). */
import packageJson from "../package.json" with { type: "json" };

export const VERSION: string = packageJson.version;
