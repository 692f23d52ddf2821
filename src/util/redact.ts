/** Keeps secrets (client secret, tokens, cookies) out of every line musicdl prints or stores. */

const registeredSecrets = new Set<string>();

/** Marks a value as secret for the rest of the process; every later `redact` call hides it. */
export function registerSecret(value: string | undefined | null): void {
  // Very short values would redact ordinary words; real secrets are long.
  if (value && value.length >= 8) registeredSecrets.add(value);
}

/**
 * After `key=` or a quoted `"key": "…"` anything is a value. After a bare `key: ` only a credential-looking one is
 * (a digit or a symbol in it, or long): a plain word there is prose that merely names the key
 * ("download.client_secret: expected text"), and hiding it would garble the message while protecting nothing.
 */
const SEPARATOR = String.raw`["']?\s*(?:=\s*["']?|:\s*["']|:\s*(?=[^\s"',}&]*[^a-zA-Z\s"',}&]|[^\s"',}&]{16}))`;
const VALUE = String.raw`[^\s"',}&]+`;

const SECRET_PATTERNS: readonly RegExp[] = [
  /(authorization\s*[:=]\s*)(bearer|basic)\s+[^\s"',}]+/gi,
  new RegExp(`((?:access|refresh)_token${SEPARATOR})${VALUE}`, "gi"),
  new RegExp(`((?:client_secret|code_verifier|cookie|po_token)${SEPARATOR})${VALUE}`, "gi"),
];

/** Replaces registered secrets and secret-looking key/value pairs with `[redacted]`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of registeredSecrets) out = out.split(secret).join("[redacted]");
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, "$1[redacted]");
  return out;
}

/** For tests: forget registered secrets. */
export function clearRegisteredSecrets(): void {
  registeredSecrets.clear();
}
