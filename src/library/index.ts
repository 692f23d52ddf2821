/** The library's public surface: templates, sanitizing, collisions, atomic writes, M3U. */
export * from "./atomic-write.ts";
export * from "./collisions.ts";
export * from "./m3u.ts";
export * from "./sanitize.ts";
export * from "./template.ts";
