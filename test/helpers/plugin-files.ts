/** A minimal valid provider module; `body` adds object fields, `prelude` runs in the factory. */
export function providerSource(name: string, options: { body?: string; prelude?: string } = {}): string {
  return `import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
export default (ctx: PluginContext) => {
  ${options.prelude ?? ""}
  return {
    apiVersion: 1,
    kind: "provider",
    name: ${JSON.stringify(name)},
    version: "1.2.3",
    async search() { return []; },
    async download() { throw new Error("not in tests"); },
    ${options.body ?? ""}
  } satisfies ProviderPlugin;
};
`;
}
