/**
 * The checks `import` and `drift --accept` run on every text before they offer it for writing: it
 * reads back as live says for the environment, and the views it must not touch are as they were.
 * Pure.
 */
import type { LiveSystem } from '../model/wire.ts';
import { canonicalFromLive, canonicalFromSpec } from '../model/canonical.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import { resolveSpec } from '../systems/environments.ts';
import type { SystemDocument, SystemSpec } from '../model/system.ts';
import { parseSystemFile } from '../systems/parse.ts';

/** Why `text` does not resolve, in `environment`, to what live says; `undefined` when it does. */
export function findReadBackMismatch(
  file: string,
  text: string,
  environment: string,
  live: LiveSystem,
): string | undefined {
  const parsed = parseSystemFile(file, text);
  if (!parsed.document) {
    const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    return first ? `line ${first.line}: ${first.message}` : 'it does not parse';
  }
  const resolved = canonicalFromSpec(resolveSpec(parsed.document, environment));
  const wanted = canonicalFromLive(live) as unknown as Record<string, unknown>;
  const differing = Object.entries(resolved)
    .filter(([key, value]) => stringifyCanonicalJson(value) !== stringifyCanonicalJson(wanted[key]))
    .map(([key]) => key);
  return differing.length === 0 ? undefined : `${differing.join(', ')} would differ`;
}

/**
 * Which of `views` (`undefined`: the base; otherwise an environment name) resolve differently in
 * `text` than in `before`.
 */
export function listChangedViews(
  file: string,
  before: SystemDocument,
  text: string,
  views: readonly (string | undefined)[],
): (string | undefined)[] {
  const after = parseSystemFile(file, text).document;
  const canonical = (spec: SystemSpec) => stringifyCanonicalJson(canonicalFromSpec(spec));
  return views.filter(
    (view) => !after || canonical(resolveSpec(before, view)) !== canonical(resolveSpec(after, view)),
  );
}
