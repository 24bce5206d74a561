// src/model/redact.ts
var PATTERNS = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    "[REDACTED PRIVATE KEY]"
  ],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [REDACTED]"],
  [/\b((?:client_)?assertion=)[^&\s"']+/gi, "$1[REDACTED]"],
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "[REDACTED JWT]"],
  [/("(?:d|p|q|dp|dq|qi|k)"\s*:\s*")[A-Za-z0-9_-]{16,}"/g, '$1[REDACTED]"'],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, "$1[REDACTED]@"]
];
var BASE64_RUN = /[A-Za-z0-9+/_=-]{40,}/g;
function isKeyShaped(run) {
  return run.split(/[+/_=-]/).some((part) => part.length >= 24 && /[A-Z]/.test(part) && /[a-z]/.test(part) && /\d/.test(part));
}
function redactSecrets(text) {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result.replace(BASE64_RUN, (run) => isKeyShaped(run) ? "[REDACTED KEY-SHAPED VALUE]" : run);
}
function toRedactedCause(error) {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactSecrets(source.message));
  copy.name = source.name;
  const code = source.code;
  if (typeof code === "string") Object.assign(copy, { code });
  if (source.cause !== void 0) copy.cause = toRedactedCause(source.cause);
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

export {
  redactSecrets,
  toRedactedCause
};
