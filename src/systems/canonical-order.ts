/**
 * The canonical key order of a system file, shared by `fmt`, `renderSystemYaml` and the minimal
 * editor (which inserts new keys where `fmt` would put them, so an accepted drift stays formatted).
 */
import { compareStrings } from '../model/compare-strings.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../model/fields.ts';

/** A position in a YAML document: map keys and sequence indices from the root. */
export type YamlPath = readonly (string | number)[];

const FIELD_KEYS: readonly string[] = FIELD_RULES.map((rule) => rule.key);
const TOP_LEVEL_KEYS: readonly string[] = [...FIELD_KEYS, ENVIRONMENTS_KEY];
const LANGUAGE_KEYS: readonly string[] = ['nb', 'nn', 'en'];

const ALIAS_TO_FIELD: ReadonlyMap<string, string> = new Map(
  FIELD_RULES.flatMap((rule) => rule.aliases.map((alias) => [alias, rule.key] as const)),
);

/** The canonical field name for an alias spelling (e.g. `allowedredirecturls`), or undefined. */
export function resolveFieldAlias(key: string): string | undefined {
  return ALIAS_TO_FIELD.get(key);
}

/** What kind of map sits at a path, which decides how its keys are ordered. */
type MapKind =
  'top' | 'fields' | 'vendor' | 'languageMap' | 'right' | 'attributePair' | 'accessPackage' | 'other';

/** Classifies a field's value path relative to a fields map (top level or one environment). */
function classifyFieldPath(path: YamlPath): MapKind {
  const [field, ...rest] = path;
  const canonical = typeof field === 'string' ? (resolveFieldAlias(field) ?? field) : undefined;
  if (rest.length === 0) {
    if (canonical === 'vendor') return 'vendor';
    if (canonical === 'name' || canonical === 'description') return 'languageMap';
    return 'other';
  }
  if (canonical === 'rights' && rest.length === 1 && typeof rest[0] === 'number') return 'right';
  if (
    canonical === 'rights' &&
    rest.length === 3 &&
    typeof rest[0] === 'number' &&
    rest[1] === 'resource' &&
    typeof rest[2] === 'number'
  ) {
    return 'attributePair';
  }
  if (canonical === 'accessPackages' && rest.length === 1 && typeof rest[0] === 'number')
    return 'accessPackage';
  return 'other';
}

/** The kind of map at `path` (the path of the map itself, not of one of its keys). */
function classifyMapPath(path: YamlPath): MapKind {
  if (path.length === 0) return 'top';
  if (path[0] === ENVIRONMENTS_KEY) {
    if (path.length === 1) return 'other'; // environment names keep the vendor's order
    if (path.length === 2) return 'fields';
    return classifyFieldPath(path.slice(2));
  }
  return classifyFieldPath(path);
}

const KEY_ORDER: Record<Exclude<MapKind, 'other' | 'languageMap'>, readonly string[]> = {
  top: TOP_LEVEL_KEYS,
  fields: FIELD_KEYS,
  vendor: ['ID'],
  right: ['action', 'resource'],
  attributePair: ['id', 'value'],
  accessPackage: ['urn'],
};

/**
 * Orders two keys of the map at `path`: listed keys first in their listed order, then the rest. Language
 * maps put the rest alphabetically; elsewhere the rest compare equal, so a stable sort keeps the
 * vendor's order for keys sysreg does not know.
 */
export function compareKeysCanonically(path: YamlPath, a: string, b: string): number {
  const kind = classifyMapPath(path);
  if (kind === 'other') return 0;
  if (kind === 'languageMap') {
    const rank = (key: string) => {
      const index = LANGUAGE_KEYS.indexOf(key);
      return index === -1 ? LANGUAGE_KEYS.length : index;
    };
    return rank(a) - rank(b) || (rank(a) === LANGUAGE_KEYS.length ? compareStrings(a, b) : 0);
  }
  const order = KEY_ORDER[kind];
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return rank(a) - rank(b);
}

/** True when keys of the map at `path` are field names whose aliases are renamed. */
export function holdsFieldNames(path: YamlPath): boolean {
  return path.length === 0 || (path.length === 2 && path[0] === ENVIRONMENTS_KEY);
}
