/**
 * `sysreg drift --accept`, the pure part: for each system changed outside git, the smallest edit to
 * its file that makes git say what live says, so the change is reviewed as a normal pull request.
 * Only the drifted fields are touched (through `applyFieldEdits`, comments and layout kept); each
 * result is read back and checked against live, and against the views it must leave alone.
 *
 * Drift of other kinds is not written, with the reason: a system missing in Altinn, deleted there,
 * or unmanaged needs a decision a field edit cannot make (delete a file, burn an id, adopt a system).
 */
import type { LiveSystem } from '../model/wire.ts';
import { createDriftReport } from '../plan/drift.ts';
import type { DriftItem, DriftKind } from '../plan/drift.ts';
import { isDeepStrictEqual } from 'node:util';
import type { LiveState } from '../model/live-state.ts';
import { applyFieldEdits } from '../systems/edit-system-yaml.ts';
import { SystemYamlEditError } from '../systems/field-edit.ts';
import type { FieldEdit } from '../systems/field-edit.ts';
import { environmentsOf, isOverridden, resolveEnvironment, resolveSpec } from '../systems/environments.ts';
import type { ParsedSystem } from '../systems/environments.ts';
import { ENVIRONMENTS_KEY, FIELD_RULE_BY_KEY } from '../model/fields.ts';
import type { SystemSpec } from '../model/system.ts';
import { findReadBackMismatch, listChangedViews } from './check-written-system.ts';
import { specFromLive } from './spec-from-live.ts';
import type { FileWrite } from './write-file-set.ts';

export interface AcceptDriftInput {
  environment: string;
  /** The repository's system files, each valid (the caller refuses to go on otherwise). */
  files: readonly ParsedSystem[];
  live: LiveState;
  /** Accept only these systems; `undefined` for all. */
  only?: readonly string[] | undefined;
  /**
   * The environments the repository is used in (the built-in and configured ones); with those a
   * file names, they are the others whose view must not change. Default: tt02 and prod.
   */
  environments?: readonly string[];
  /** `--into-base`: write into the base, for every environment that reads it. */
  intoBase?: boolean;
}

/** Where an accepted field was written. */
export type FieldPlacement = 'base' | 'override';

export interface AcceptedSystem {
  systemId: string;
  file: string;
  fields: { field: keyof SystemSpec; placement: FieldPlacement }[];
  /** The other environments that keep their value because the change went into an override. */
  keptApart: string[];
}

export interface UnacceptedDrift {
  systemId: string;
  file: string | null;
  kind: DriftKind;
  reason: string;
}

export interface AcceptDriftResult {
  environment: string;
  accepted: AcceptedSystem[];
  /** Drift left as it is, with why. */
  unaccepted: UnacceptedDrift[];
  writes: FileWrite[];
  /** Ids given in `only` that have no drift to accept. */
  notDrifted: string[];
}

export function acceptDrift(input: AcceptDriftInput): AcceptDriftResult {
  const { environment, live } = input;
  const report = createDriftReport({
    desired: input.files.map((file) => resolveEnvironment(file, environment)),
    live,
    environment,
  });
  const only = input.only ? new Set(input.only) : undefined;
  const items = report.items.filter((item) => !only || only.has(item.systemId));
  const filesByPath = new Map(input.files.map((file) => [file.file, file]));
  const accepted: AcceptedSystem[] = [];
  const unaccepted: UnacceptedDrift[] = [];
  const writes: FileWrite[] = [];
  const skip = (item: DriftItem, reason: string) =>
    unaccepted.push({ systemId: item.systemId, file: item.file, kind: item.kind, reason });

  for (const item of items) {
    const reason = explainNotAcceptable(item, environment);
    if (reason) {
      skip(item, reason);
      continue;
    }
    const parsed = item.file === null ? undefined : filesByPath.get(item.file);
    const lookup = live.systems[item.systemId];
    if (!parsed || lookup?.status !== 'found') {
      skip(item, 'its file or its live state could not be found again; run drift once more.');
      continue;
    }
    const outcome = editForLive(parsed, lookup.system, item, {
      environment,
      others: listOtherEnvironments(parsed, environment, input.environments ?? DEFAULT_ENVIRONMENTS),
      intoBase: input.intoBase ?? false,
    });
    if ('reason' in outcome) {
      skip(item, outcome.reason);
      continue;
    }
    writes.push({ file: parsed.file, text: outcome.text, previousText: parsed.text });
    accepted.push({
      systemId: item.systemId,
      file: parsed.file,
      fields: outcome.fields,
      keptApart: outcome.keptApart,
    });
  }
  const drifted = new Set(items.map((item) => item.systemId));
  const notDrifted = [...(only ?? [])].filter((id) => !drifted.has(id));
  return { environment, accepted, unaccepted, writes, notDrifted };
}

function explainNotAcceptable(item: DriftItem, environment: string): string | undefined {
  switch (item.kind) {
    case 'missing-in-altinn':
      return `it is missing in ${environment}; 'sysreg apply' creates it, or ${recordAbsence(item, environment)} keeps it out of ${environment}.`;
    case 'deleted-in-altinn':
      return `it was deleted in ${environment}; ${recordAbsence(item, environment)} records that in its file.`;
    case 'unmanaged-in-altinn':
      return `no file describes it; 'sysreg import --env ${environment} --only ${item.systemId}' adopts it.`;
    case 'changed-outside-git':
      if (item.fields.some((field) => field.field === 'isDeleted')) {
        return `its file says it must not exist in ${environment}, but it is live there; 'sysreg apply --allow-delete' deletes it, or 'sysreg import --env ${environment} --only ${item.systemId}' records it as live there.`;
      }
      return undefined;
  }
}

/** The command that writes `environments.<env>.isDeleted: true` for a system the environment does not have. */
const recordAbsence = (item: DriftItem, environment: string) =>
  `'sysreg import --env ${environment} --only ${item.systemId}' (environments.${environment}.isDeleted: true)`;

/** The environments assumed when the caller names none: Altinn's test and production. */
const DEFAULT_ENVIRONMENTS = ['tt02', 'prod'];

/** The environments other than this one that read the file: the configured ones and those it names. */
function listOtherEnvironments(
  parsed: ParsedSystem,
  environment: string,
  configured: readonly string[],
): string[] {
  const names = new Set([...configured, ...environmentsOf(parsed.document)]);
  names.delete(environment);
  return [...names].sort();
}

interface Placement {
  environment: string;
  /** The other environments (see listOtherEnvironments). */
  others: readonly string[];
  intoBase: boolean;
}

/**
 * Where a drifted field is written:
 *  - overridden for this environment: the override, the only place this environment reads it from;
 *  - asked (`--into-base`): the base, changing it for every environment that reads the base;
 *  - the live value is what every other environment already reads: the base (it changes no one else);
 *  - otherwise an override for this environment. The base is what the other environments read, so
 *    writing a tt02-only value there (a test URL) would send it to prod on the next plan.
 */
export function placeField(
  parsed: ParsedSystem,
  field: keyof SystemSpec,
  value: unknown,
  placement: Placement,
): FieldPlacement {
  const { document } = parsed;
  if (isOverridden(document, placement.environment, field)) return 'override';
  if (placement.intoBase) return 'base';
  const shared =
    placement.others.length > 0 &&
    placement.others.every((name) => isDeepStrictEqual(resolveSpec(document, name)[field], value));
  return shared ? 'base' : 'override';
}

function editForLive(
  parsed: ParsedSystem,
  live: LiveSystem,
  item: DriftItem,
  where: Placement,
): { text: string; fields: AcceptedSystem['fields']; keptApart: string[] } | { reason: string } {
  const { environment } = where;
  const spec = specFromLive(live);
  const fields: AcceptedSystem['fields'] = [];
  const edits: FieldEdit[] = [];
  for (const change of item.fields) {
    const field = change.field as keyof SystemSpec;
    const placement = placeField(parsed, field, spec[field], where);
    if (placement === 'override' && !FIELD_RULE_BY_KEY.get(field)?.overridable) {
      return { reason: `${field} differs, and it cannot be overridden per environment; edit it by hand.` };
    }
    fields.push({ field, placement });
    edits.push({
      path: placement === 'base' ? [field] : [ENVIRONMENTS_KEY, environment, field],
      value: spec[field],
    });
  }
  let text: string;
  try {
    text = applyFieldEdits(parsed.text, edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    return { reason: `its file cannot be edited: ${error.message}.` };
  }
  const mismatch = findReadBackMismatch(parsed.file, text, environment, live);
  if (mismatch)
    return { reason: `the edited file would not read back as live (${mismatch}); a bug in sysreg.` };
  // Every other environment must read as before (unless the base was asked for); the base too
  // when only overrides changed.
  const keep: (string | undefined)[] = where.intoBase ? [] : [...where.others];
  if (fields.every((field) => field.placement === 'override')) keep.push(undefined);
  const changed = listChangedViews(parsed.file, parsed.document, text, keep);
  if (changed.length > 0) {
    const names = changed.map((view) => view ?? 'the base').join(', ');
    return { reason: `the edit would also change ${names}; a bug in sysreg.` };
  }
  const overridden = fields.some((field) => field.placement === 'override');
  return { text, fields, keptApart: overridden && !where.intoBase ? [...where.others] : [] };
}
