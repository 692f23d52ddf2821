/** Keeps secrets (client secret, tokens, cookies) out of every line musicdl prints or stores. */

const registeredSecrets = new Set<string>();

/** Marks a value as secret for the rest of the process; every later `redact` call hides it. */
export function registerSecret(value: string | undefined | null): void {
  // Very short values would redact ordinary words; real secrets are long.
  if (value && value.length >= 8) registeredSecrets.add(value);
}

const SECRET_PATTERNS: readonly RegExp[] = [
  /(authorization\s*[:=]\s*)(bearer|basic)\s+[^\s"',}]+/gi,
  /((?:access|refresh)_token["']?\s*[:=]\s*["']?)[^\s"',}&]+/gi,
  /((?:client_secret|code_verifier|cookie|po_token)["']?\s*[:=]\s*["']?)[^\s"',}&]+/gi,
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
