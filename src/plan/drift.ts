/**
 * Drift: the plan's classification (classify-systems.ts) seen from live. Every difference between git
 * and Altinn is named by where it lives, so the drift issue can say what happened rather than what
 * sync would do.
 * Field changes read `before` = git, `after` = live.
 */
import { createHash } from 'node:crypto';
import type { LanguageMap } from '../model/system.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import { diffCanonicalSystems } from '../model/diff.ts';
import type { FieldChange } from '../model/diff.ts';
import { classifySystems } from './classify-systems.ts';
import { compareStrings } from './compare-strings.ts';
import { PLAN_FORMAT_VERSION } from './plan-types.ts';
import type { PlanInput } from './plan-types.ts';

export type DriftKind =
  'changed-outside-git' | 'missing-in-altinn' | 'unmanaged-in-altinn' | 'deleted-in-altinn';

export const DRIFT_KINDS: readonly DriftKind[] = [
  'changed-outside-git',
  'missing-in-altinn',
  'deleted-in-altinn',
  'unmanaged-in-altinn',
];

export interface DriftItem {
  systemId: string;
  kind: DriftKind;
  /** The file describing the system; `null` for an unmanaged one. */
  file: string | null;
  name: LanguageMap;
  /** For `changed-outside-git`: each field, git (`before`) against live (`after`). */
  fields: FieldChange[];
  /** One sentence for readers. */
  detail: string;
  /**
   * When the changelog was read: the latest changes not made by sysreg's own client since its last
   * write, newest first, at most `LISTED_OUTSIDE_CHANGES` (§8.2). Empty: none by another client.
   */
  history?: OutsideChange[];
  /** When the changelog could not be read: why. */
  historyUnreadable?: string;
}

/** One changelog entry written by someone other than sysreg: who changed the system, and when. */
export interface OutsideChange {
  /** ISO timestamp, as Altinn gives it. */
  created: string;
  changeType: string;
  changedByOrgNumber: string | null;
  /** The Maskinporten client that made the change, or null when Altinn recorded none. */
  clientId: string | null;
}

export const LISTED_OUTSIDE_CHANGES = 3;

export interface DriftCounts {
  changedOutsideGit: number;
  missingInAltinn: number;
  unmanagedInAltinn: number;
  deletedInAltinn: number;
  /** All of the above: what makes `drift --detailed-exitcode` exit 2. */
  total: number;
}

export interface DriftReport {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  environment: string;
  commit: string | null;
  items: DriftItem[];
  counts: DriftCounts;
  /** `sha256:` over the canonical JSON of `items`: the drift issue is updated only when it changes. */
  checksum: string;
}

export type DriftInput = Omit<PlanInput, 'settings'> & {
  /** sysreg's own Maskinporten client: its changelog entries are what git did, not drift. */
  ownClientId?: string;
};

/** What the changelog says about a drifted system, as far as it was read. */
function describeHistory(input: DriftInput, id: string): Pick<DriftItem, 'history' | 'historyUnreadable'> {
  const lookup = input.live.changelogs?.[id];
  if (!lookup) return {};
  if (lookup.status === 'unreadable') return { historyUnreadable: lookup.reason };
  const history: OutsideChange[] = [];
  // Newest first: what happened after sysreg's own last write is what git does not know about.
  for (const entry of lookup.entries) {
    if (input.ownClientId !== undefined && entry.clientId === input.ownClientId) break;
    if (history.length === LISTED_OUTSIDE_CHANGES) break;
    history.push({
      created: entry.created,
      changeType: entry.changeType,
      changedByOrgNumber: entry.changedByOrgNumber ?? null,
      clientId: entry.clientId ?? null,
    });
  }
  return { history };
}

export function createDriftReport(input: DriftInput): DriftReport {
  const { live, environment } = input;
  const items: DriftItem[] = [];
  const { described, unmanaged } = classifySystems(input.desired, live, environment);
  for (const { systemId: id, desired, canonical, class: found } of described) {
    const base = { systemId: id, file: desired.file, name: canonical.name, fields: [] as FieldChange[] };
    switch (found.kind) {
      case 'foreign-vendor':
        // Another vendor's system is not compared: this vendor's is simply not there.
        items.push({ ...base, kind: 'missing-in-altinn', detail: found.message });
        break;
      case 'absent':
        items.push({ ...base, kind: 'missing-in-altinn', detail: `${id} does not exist in ${environment}.` });
        break;
      case 'id-burned':
        items.push({
          ...base,
          kind: 'deleted-in-altinn',
          detail: `${id} was deleted in ${environment} while its file says it is live; the id cannot be created again.`,
          ...describeHistory(input, id),
        });
        break;
      case 'live-tombstoned':
        items.push({
          ...base,
          kind: 'changed-outside-git',
          fields: [{ field: 'isDeleted', kind: 'scalar', before: true, after: false }],
          detail: `${id} is deleted in git but still live in ${environment}.`,
          ...describeHistory(input, id),
        });
        break;
      case 'live': {
        const fields = diffCanonicalSystems(canonical, found.liveCanonical);
        if (fields.length === 0) break;
        const names = fields.map((field) => field.field).join(', ');
        items.push({
          ...base,
          kind: 'changed-outside-git',
          fields,
          detail: `Changed in ${environment}: ${names}.`,
          ...describeHistory(input, id),
        });
        break;
      }
      case 'never-created':
      case 'already-deleted':
        break;
    }
  }
  for (const system of unmanaged) {
    items.push({
      systemId: system.systemId,
      kind: 'unmanaged-in-altinn',
      file: null,
      name: system.name,
      fields: [],
      detail: `${system.systemId} exists in ${environment} but no file describes it.`,
      ...describeHistory(input, system.systemId),
    });
  }
  items.sort(
    (a, b) =>
      DRIFT_KINDS.indexOf(a.kind) - DRIFT_KINDS.indexOf(b.kind) || compareStrings(a.systemId, b.systemId),
  );
  const counts: DriftCounts = {
    changedOutsideGit: items.filter((item) => item.kind === 'changed-outside-git').length,
    missingInAltinn: items.filter((item) => item.kind === 'missing-in-altinn').length,
    unmanagedInAltinn: items.filter((item) => item.kind === 'unmanaged-in-altinn').length,
    deletedInAltinn: items.filter((item) => item.kind === 'deleted-in-altinn').length,
    total: items.length,
  };
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    environment,
    commit: input.commit ?? null,
    items,
    counts,
    checksum: `sha256:${createHash('sha256').update(stringifyCanonicalJson(items)).digest('hex')}`,
  };
}

/** The exit code of `sysreg drift`: 0, or 2 with `--detailed-exitcode` when there is any drift (unmanaged included). */
export function decideDriftExitCode(report: DriftReport, options: { detailedExitCode: boolean }): 0 | 2 {
  return options.detailedExitCode && report.counts.total > 0 ? 2 : 0;
}
