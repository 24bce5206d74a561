/**
 * Catalogue snapshots: an environment's access packages (all of them, from its export) and the
 * resources the repository's systems name, pulled by `sysreg catalogue pull` into
 * `.sysreg/catalogue-<env>.json` and committed by the vendor, so offline `validate` checks against
 * what that environment really has. The text is stable (sorted, no timestamps): pulling an unchanged
 * catalogue rewrites the same bytes, and a change shows in git as a small diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AccessPackageRecord, ResourceRecord } from '../model/wire.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { compareStrings } from '../model/compare-strings.ts';
import type { Catalogue } from './default-catalogue.ts';

export const SNAPSHOT_DIRECTORY = '.sysreg';
export const SNAPSHOT_FORMAT = 'sysreg-catalogue/1';
export const SNAPSHOT_RULE_ID = 'catalogue-snapshot';
const SNAPSHOT_FILE = /^catalogue-([a-z][a-z0-9-]*)\.json$/;

/** Repository-relative path of an environment's snapshot. */
export function snapshotPath(environment: string): string {
  return `${SNAPSHOT_DIRECTORY}/catalogue-${environment}.json`;
}

/** The snapshot's text: records sorted by key, one flag set per record, a final newline. */
export function renderCatalogueSnapshot(environment: string, catalogue: Catalogue): string {
  const accessPackages = [...catalogue.accessPackages]
    .sort((a, b) => compareStrings(a.urn, b.urn))
    .map((p) => ({ urn: p.urn, isDelegable: p.isDelegable, isAssignable: p.isAssignable }));
  const resources = [...catalogue.resources]
    .sort((a, b) => compareStrings(a.identifier, b.identifier))
    .map((r) => ({ identifier: r.identifier, resourceType: r.resourceType }));
  return `${JSON.stringify({ format: SNAPSHOT_FORMAT, environment, accessPackages, resources }, null, 2)}\n`;
}

export class SnapshotError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(message);
    this.file = file;
    this.line = line;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a snapshot's text; a file that is not one throws a SnapshotError naming file and line. */
export function parseCatalogueSnapshot(file: string, text: string, environment: string): Catalogue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
    throw new SnapshotError(file, line, `not valid JSON (${(error as Error).message}).`);
  }
  const fail = (message: string): never => {
    throw new SnapshotError(file, 1, message);
  };
  if (!isObject(parsed) || parsed.format !== SNAPSHOT_FORMAT) fail(`not a ${SNAPSHOT_FORMAT} snapshot.`);
  const snapshot = parsed as Record<string, unknown>;
  if (snapshot.environment !== environment) {
    fail(`holds environment \`${String(snapshot.environment)}\`, but its name says \`${environment}\`.`);
  }
  const { accessPackages, resources } = snapshot;
  const validPackage = (p: unknown): p is AccessPackageRecord =>
    isObject(p) &&
    typeof p.urn === 'string' &&
    typeof p.isDelegable === 'boolean' &&
    typeof p.isAssignable === 'boolean';
  const validResource = (r: unknown): r is ResourceRecord =>
    isObject(r) && typeof r.identifier === 'string' && typeof r.resourceType === 'string';
  if (!Array.isArray(accessPackages) || !accessPackages.every(validPackage)) {
    fail('accessPackages must be a list of {urn, isDelegable, isAssignable}.');
  }
  if (!Array.isArray(resources) || !resources.every(validResource)) {
    fail('resources must be a list of {identifier, resourceType}.');
  }
  return {
    accessPackages: accessPackages as AccessPackageRecord[],
    resources: resources as ResourceRecord[],
  };
}

export interface LoadedSnapshots {
  snapshots: Map<string, Catalogue>;
  /** One error per snapshot file that cannot be read; that environment is then left unchecked. */
  diagnostics: Diagnostic[];
}

/** Every `.sysreg/catalogue-<env>.json` under `root`; none when the folder does not exist. */
export function loadCatalogueSnapshots(root: string): LoadedSnapshots {
  const folder = path.join(root, SNAPSHOT_DIRECTORY);
  const snapshots = new Map<string, Catalogue>();
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshots, diagnostics };
    throw error;
  }
  for (const name of names.sort(compareStrings)) {
    const environment = SNAPSHOT_FILE.exec(name)?.[1];
    if (environment === undefined) continue;
    const file = snapshotPath(environment);
    try {
      snapshots.set(
        environment,
        parseCatalogueSnapshot(file, readFileSync(path.join(folder, name), 'utf8'), environment),
      );
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      diagnostics.push({
        file: error.file,
        line: error.line,
        column: 1,
        ruleId: SNAPSHOT_RULE_ID,
        severity: 'error',
        message: `the catalogue snapshot is ${error.message}`,
        hint: `Run \`sysreg catalogue pull --env ${environment}\` to write it again.`,
      });
    }
  }
  return { snapshots, diagnostics };
}

export interface CatalogueChange {
  added: string[];
  removed: string[];
  /** Packages whose isDelegable/isAssignable or resources whose type changed. */
  changed: string[];
}

/** What differs between two catalogues, by urn and resource id, each list sorted. */
export function compareCatalogues(before: Catalogue, after: Catalogue): CatalogueChange {
  const key = (catalogue: Catalogue) =>
    new Map<string, string>([
      ...catalogue.accessPackages.map((p): [string, string] => [p.urn, `${p.isDelegable}/${p.isAssignable}`]),
      ...catalogue.resources.map((r): [string, string] => [`resource ${r.identifier}`, r.resourceType]),
    ]);
  const old = key(before);
  const next = key(after);
  const sorted = (items: string[]) => items.sort(compareStrings);
  return {
    added: sorted([...next.keys()].filter((k) => !old.has(k))),
    removed: sorted([...old.keys()].filter((k) => !next.has(k))),
    changed: sorted([...next.keys()].filter((k) => old.has(k) && old.get(k) !== next.get(k))),
  };
}
