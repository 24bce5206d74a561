/**
 * The canonical form: what the YAML says and what Altinn says both become a `CanonicalSystem` before
 * they are compared, so a diff is like against like. How each field canonicalises follows its
 * comparison in FIELD_RULES (src/model/fields.ts); the per-item rules below say what Altinn does to
 * an item when it stores it (shared/altinn-system-register.md §2.2, §4.3).
 */
import type { LiveSystem, RegisterSystemRequest } from './wire.ts';
import { FIELD_RULES } from './fields.ts';
import type { FieldComparison } from './fields.ts';
import { copyRight, type AccessPackage, type LanguageMap, type Right, type SystemSpec } from './system.ts';
import { stringifyCanonicalJson } from './canonical-json.ts';

/**
 * Both sides of a comparison: the model's fields, each in its one canonical spelling. `vendor` holds
 * only `ID` (Altinn never stores `authority`); language maps have sorted keys; sets are sorted by
 * canonical JSON with duplicates removed, missing = `[]`; redirect URLs normalised as Altinn stores
 * them (a value that is not a URL stays as written).
 */
export type CanonicalSystem = SystemSpec;

/** Spec fields that are sets, with what Altinn does to one item when storing it. */
const SET_ITEM_CANONICALISERS: Partial<Record<keyof SystemSpec, (item: unknown) => unknown>> = {
  rights: (item) => copyRight(item as Right),
  accessPackages: (item) => ({ urn: (item as AccessPackage).urn }),
  // Altinn drops empty client ids when it reads the text[] back.
  clientId: (item) => (item === '' ? undefined : item),
  allowedRedirectUrls: (item) => normaliseRedirectUrl(String(item)),
};

export function canonicalFromSpec(spec: SystemSpec): CanonicalSystem {
  return canonicalise(spec as unknown as Record<string, unknown>);
}

export function canonicalFromLive(live: LiveSystem): CanonicalSystem {
  return canonicalise(live as unknown as Record<string, unknown>);
}

function canonicalise(source: Record<string, unknown>): CanonicalSystem {
  const result: Record<string, unknown> = {};
  for (const rule of FIELD_RULES) {
    const value = source[rule.key] ?? rule.defaultValue;
    result[rule.key] = canonicaliseField(rule.key, rule.comparison, value);
  }
  return result as unknown as CanonicalSystem;
}

function canonicaliseField(key: keyof SystemSpec, comparison: FieldComparison, value: unknown): unknown {
  switch (comparison) {
    case 'languageMap':
      return sortLanguageMap((value ?? {}) as LanguageMap);
    case 'set': {
      const canonicaliseItem = SET_ITEM_CANONICALISERS[key] ?? ((item: unknown) => item);
      const items = Array.isArray(value) ? value : [];
      return sortSetItems(items.map(canonicaliseItem).filter((item) => item !== undefined));
    }
    case 'scalar':
      if (key === 'vendor') return { ID: String((value as { ID?: unknown } | undefined)?.ID ?? '') };
      return value;
  }
}

function sortLanguageMap(map: LanguageMap): LanguageMap {
  const sorted: LanguageMap = {};
  for (const language of Object.keys(map).sort()) sorted[language] = map[language] ?? '';
  return sorted;
}

/** Sorts by canonical JSON and removes duplicates, so order and repetition never diff. */
export function sortSetItems<T>(items: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(stringifyCanonicalJson(item), item);
  return [...byKey.keys()].sort().map((key) => byKey.get(key) as T);
}

/**
 * A redirect URL as Altinn stores it: .NET `Uri.ToString()`, which lowercases the host, drops a
 * default port and adds `/` to an empty path, as WHATWG `href` does; unlike WHATWG it un-escapes every
 * escape except `%23`, `%3F` and `%25` (`%20` comes back as a space). A value that is not a URL stays
 * as written. The local Altinn stores exactly this.
 */
export function storedRedirectUrl(url: string): string {
  return URL.canParse(url) ? unescapeLikeDotNet(new URL(url).href) : url;
}

/**
 * The form both sides of a comparison take: `href` of the stored form, so every spelling of one stored
 * URL meets in one string. A value that is not a URL stays as written, so it shows up in the diff
 * instead of failing the plan.
 */
export function normaliseRedirectUrl(url: string): string {
  const stored = storedRedirectUrl(url);
  return URL.canParse(stored) ? new URL(stored).href : url;
}

const KEPT_ESCAPES: Record<string, string> = { '%23': '\ue000', '%3F': '\ue001', '%25': '\ue002' };

/** .NET `Uri.ToString()` un-escaping: every run of escapes decoded as UTF-8, except `#`, `?` and `%`. */
export function unescapeLikeDotNet(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const guarded = run.replace(/%(23|3F|25)/gi, (escape) => KEPT_ESCAPES[escape.toUpperCase()] ?? escape);
    let decoded: string;
    try {
      decoded = decodeURIComponent(guarded);
    } catch {
      return run;
    }
    return decoded.replace(/[\ue000-\ue002]/g, (mark) =>
      mark === '\ue000' ? '%23' : mark === '\ue001' ? '%3F' : '%25',
    );
  });
}

/** A write's body as the canonical form compares it (a body is never a tombstone). */
export function canonicalFromRequest(request: RegisterSystemRequest): CanonicalSystem {
  return canonicalise({ ...request, isDeleted: false } as unknown as Record<string, unknown>);
}

/** Whether two canonical values are the same: the one question every "is this the same" asks. */
export function isSameCanonicalValue(a: unknown, b: unknown): boolean {
  return stringifyCanonicalJson(a) === stringifyCanonicalJson(b);
}

/** Every field, in canonical order, in which `a` and `b` differ. */
export function listDifferingFields(a: CanonicalSystem, b: CanonicalSystem): (keyof SystemSpec)[] {
  return FIELD_RULES.filter((rule) => !isSameCanonicalValue(a[rule.key], b[rule.key])).map(
    (rule) => rule.key,
  );
}

/**
 * Does Altinn hold what `request` asked for? A live, not deleted system that the canonical comparison
 * finds equal to the body in every field. Asked by the create read-back and the reviewed-plan check.
 */
export function holdsRequest(live: LiveSystem, request: RegisterSystemRequest): boolean {
  return listDifferingFields(canonicalFromLive(live), canonicalFromRequest(request)).length === 0;
}
