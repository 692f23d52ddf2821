/**
 * Which Spotify permissions (OAuth scopes) each source needs, so `auth login` asks only for what the config uses
 * and a source whose permission the stored login lacks stops with one paragraph saying how to fix it.
 */
import { SpotifyAuthError } from "./errors.ts";
import { parseSpotifyUrl } from "./url.ts";

/** Every scope musicdl may ask for; all read-only. */
export const KNOWN_SCOPES = [
  "user-library-read",
  "user-follow-read",
  "playlist-read-private",
  "playlist-read-collaborative",
] as const;
export type Scope = (typeof KNOWN_SCOPES)[number];

const PLAYLIST_SCOPES: readonly Scope[] = ["playlist-read-private", "playlist-read-collaborative"];

/** What `auth login` asks for when nothing says what is needed (no config, no --scope): liked songs and playlists. */
export const DEFAULT_SCOPES: readonly Scope[] = ["user-library-read", ...PLAYLIST_SCOPES];

const SCOPES_OF_KIND: Readonly<Record<string, readonly Scope[]>> = {
  saved: ["user-library-read"],
  "saved-albums": ["user-library-read"],
  "followed-artists": ["user-follow-read"],
  "my-playlists": PLAYLIST_SCOPES,
  // A private or collaborative playlist link is readable only with these.
  playlist: PLAYLIST_SCOPES,
};

/** The scopes the given source links need, in KNOWN_SCOPES order. */
export function scopesForSources(urls: readonly string[]): Scope[] {
  const needed = new Set<Scope>();
  for (const url of urls) {
    const kind = parseSpotifyUrl(url)?.kind;
    for (const scope of (kind && SCOPES_OF_KIND[kind]) || []) needed.add(scope);
  }
  return KNOWN_SCOPES.filter((scope) => needed.has(scope));
}

/** `user-follow-read,playlist-read-private` or space separated, as typed after --scope; unknown names are returned apart. */
export function parseScopeList(text: string): { scopes: Scope[]; unknown: string[] } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const known = new Set<string>(KNOWN_SCOPES);
  return {
    scopes: words.filter((word): word is Scope => known.has(word)),
    unknown: words.filter((word) => !known.has(word)),
  };
}

const LABEL: Readonly<Record<string, string>> = {
  saved: "`saved` (your liked songs)",
  "saved-albums": "`saved-albums` (your saved albums)",
  "followed-artists": "`followed-artists` (the artists you follow)",
  "my-playlists": "`my-playlists` (your playlists)",
};

/**
 * Throws when the stored login is known to lack a scope `kind` needs. `granted` undefined: an older login that did
 * not record its scopes; Spotify's own 403 then says so (see errorFor).
 */
export function requireScopes(kind: string, granted: readonly string[] | undefined): void {
  if (!granted) return;
  const missing = (SCOPES_OF_KIND[kind] ?? []).filter((scope) => !granted.includes(scope));
  if (missing.length === 0) return;
  throw new SpotifyAuthError(
    `${LABEL[kind] ?? kind} needs the Spotify permission ${missing.join(" and ")}, which your stored login was not given ` +
      `(it has: ${granted.join(", ") || "none"}).`,
    {
      hint:
        "Run `musicdl auth login` again with your config (it asks for what the config's sources need, and keeps what " +
        `the login had), or add \`--scope ${missing.join(",")}\`; then run this again.`,
    },
  );
}

/** The error for a source that needs a user login when musicdl has only the app credentials. */
export function loginNeeded(kind: string): SpotifyAuthError {
  const scopes = SCOPES_OF_KIND[kind] ?? [];
  return new SpotifyAuthError(`${LABEL[kind] ?? kind} needs a Spotify login; app credentials cannot read it.`, {
    hint: `Run \`musicdl auth login\` once${scopes.length ? ` (it asks for ${scopes.join(", ")})` : ""}, then run again.`,
  });
}
