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
import type { LiveState } from '../model/live-state.ts';
import { applyFieldEdits } from '../systems/edit-system-yaml.ts';
import { SystemYamlEditError } from '../systems/field-edit.ts';
import type { FieldEdit } from '../systems/field-edit.ts';
import { environmentsOf, isOverridden, resolveEnvironment } from '../systems/environments.ts';
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
}

/** Where an accepted field was written. */
export type FieldPlacement = 'base' | 'override';

export interface AcceptedSystem {
  systemId: string;
  file: string;
  fields: { field: keyof SystemSpec; placement: FieldPlacement }[];
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
    const outcome = editForLive(parsed, lookup.system, item, environment);
    if ('reason' in outcome) {
      skip(item, outcome.reason);
      continue;
    }
    writes.push({ file: parsed.file, text: outcome.text, previousText: parsed.text });
    accepted.push({ systemId: item.systemId, file: parsed.file, fields: outcome.fields });
  }
  const drifted = new Set(items.map((item) => item.systemId));
  const notDrifted = [...(only ?? [])].filter((id) => !drifted.has(id));
  return { environment, accepted, unaccepted, writes, notDrifted };
}

function explainNotAcceptable(item: DriftItem, environment: string): string | undefined {
  switch (item.kind) {
    case 'missing-in-altinn':
      return `it is missing in ${environment}; 'sysreg apply' creates it, or remove its file by hand.`;
    case 'deleted-in-altinn':
      return `it was deleted in ${environment}; if that is right, set 'isDeleted: true' in its file by hand (that holds for every environment).`;
    case 'unmanaged-in-altinn':
      return `no file describes it; 'sysreg import --env ${environment} --only ${item.systemId}' adopts it.`;
    case 'changed-outside-git':
      if (item.fields.some((field) => field.field === 'isDeleted')) {
        return `its file is a tombstone but it is live in ${environment}; remove 'isDeleted' by hand if it should live (that holds for every environment).`;
      }
      return undefined;
  }
}

/**
 * Where a drifted field is written:
 *  - overridden for this environment: the override, the only place this environment reads it from;
 *  - the file names no other environment: the base, which is then what this environment reads, and
 *    the smallest diff for the common one-environment file;
 *  - the file names other environments: an override for this one. The base is shared, so changing it
 *    would change what the others read (those that do not override the field), and even if every
 *    named one overrides it, an environment the file does not name still reads the base. Not knowing
 *    which environments a file is used in, sysreg keeps the change to this environment.
 */
export function placeField(
  parsed: ParsedSystem,
  environment: string,
  field: keyof SystemSpec,
): FieldPlacement {
  const { document } = parsed;
  if (isOverridden(document, environment, field)) return 'override';
  const others = environmentsOf(document).filter((name) => name !== environment);
  return others.length === 0 ? 'base' : 'override';
}

function editForLive(
  parsed: ParsedSystem,
  live: LiveSystem,
  item: DriftItem,
  environment: string,
): { text: string; fields: AcceptedSystem['fields'] } | { reason: string } {
  const spec = specFromLive(live);
  const fields: AcceptedSystem['fields'] = [];
  const edits: FieldEdit[] = [];
  for (const change of item.fields) {
    const field = change.field as keyof SystemSpec;
    const placement = placeField(parsed, environment, field);
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
  // Every other view the file names must read as before; the base too when only overrides changed.
  const keep: (string | undefined)[] = environmentsOf(parsed.document).filter((name) => name !== environment);
  if (fields.every((field) => field.placement === 'override')) keep.push(undefined);
  const changed = listChangedViews(parsed.file, parsed.document, text, keep);
  if (changed.length > 0) {
    const names = changed.map((view) => view ?? 'the base').join(', ');
    return { reason: `the edit would also change ${names}; a bug in sysreg.` };
  }
  return { text, fields };
}
