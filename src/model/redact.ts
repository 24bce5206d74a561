/**
 * Removes secrets from text before it can reach an error message, a log line or a file: bearer
 * tokens, JWTs (access tokens and client assertions), PEM private keys and private JWK members, and,
 * by shape wherever they came from (a key pasted into the client id or scope variable), long runs of
 * base64 and the user-info of URLs (`https://user:password@host`).
 */
const PATTERNS: readonly [RegExp, string][] = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    '[REDACTED PRIVATE KEY]',
  ],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [REDACTED]'],
  [/\b((?:client_)?assertion=)[^&\s"']+/gi, '$1[REDACTED]'],
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[REDACTED JWT]'],
  [/("(?:d|p|q|dp|dq|qi|k)"\s*:\s*")[A-Za-z0-9_-]{16,}"/g, '$1[REDACTED]"'],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1[REDACTED]@'],
];

/**
 * Key-shaped: a run of 40 or more base64 characters with a stretch of at least 24 between separators
 * that mixes upper case, lower case and digits, as base64 of random bytes does (a 2048-bit key is
 * about 1,600 characters). URL paths, hex checksums, UUIDs and ids made of words do not.
 */
const BASE64_RUN = /[A-Za-z0-9+/_=-]{40,}/g;

function isKeyShaped(run: string): boolean {
  return run
    .split(/[+/_=-]/)
    .some((part) => part.length >= 24 && /[A-Z]/.test(part) && /[a-z]/.test(part) && /\d/.test(part));
}

/** Returns `text` with every secret-shaped part replaced by a marker. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result.replace(BASE64_RUN, (run) => (isKeyShaped(run) ? '[REDACTED KEY-SHAPED VALUE]' : run));
}

/**
 * A copy of an underlying failure (undici, jose, …) that is safe to keep as `cause`: name, code
 * and a redacted message only, never the original object with its request options.
 */
export function toRedactedCause(error: unknown): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactSecrets(source.message));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  if (source.cause !== undefined) copy.cause = toRedactedCause(source.cause);
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
