/**
 * `sysreg import`, the pure part: from what Altinn says about the vendor's systems and what the
 * systems folder already holds, the files to write. Nothing is written here; every check and every
 * render happens first, and each result is read back and compared with live before it is offered, so
 * a plan right after import is empty by construction (and by test).
 *
 * - A system with no file gets a new canonical file, `<folder>/<id>.yaml`.
 * - A system that has a file gets, in that file, `environments.<env>` overrides for exactly the
 *   fields where this environment differs from the file's base (the smallest edit, comments kept),
 *   unless `overwrite` asks for the file to be replaced.
 */
import path from 'node:path';
import type { LiveSystem } from '../model/wire.ts';
import { applyFieldEdits } from '../systems/edit-system-yaml.ts';
import { SystemYamlEditError, type FieldEdit } from '../systems/field-edit.ts';
import { DEFAULT_CATALOGUE } from '../catalogue/default-catalogue.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { LiveLookup } from '../model/live-state.ts';
import type { SystemDocument, SystemSpec } from '../model/system.ts';
import { environmentsOf, resolveSpec } from '../systems/environments.ts';
import { parseSystemFile } from '../systems/parse.ts';
import { validateSystems } from '../systems/validate.ts';
import { findReadBackMismatch, listChangedViews } from './check-written-system.ts';
import { describeUnsafeFileName, indexFolder, YAML_FILE, type IndexedFile } from './import-folder.ts';
import { planAbsence, planOverrides, replaceKeepingOtherEnvironments } from './import-overrides.ts';
import type {
  FolderFile,
  ImportAction,
  ImportedSystem,
  ImportInput,
  ImportPlan,
  ImportProblem,
} from './import-types.ts';
import { renderImportedSystem } from './render-imported-system.ts';
import { specFromLive } from './spec-from-live.ts';
import type { FileWrite } from './write-file-set.ts';

export function planImport(input: ImportInput): ImportPlan {
  const { environment } = input;
  const problems: ImportProblem[] = [];
  const filesById = indexFolder(input.folder, problems);
  const filesByPath = new Map(input.folder.map((file) => [file.file, file]));
  const systems: ImportedSystem[] = [];
  const writes: FileWrite[] = [];
  const vendorId = `0192:${input.vendorOrgNumber}`;

  for (const { id, lookup } of input.systems) {
    const existing = filesById.get(id) ?? [];
    if (lookup.status === 'absent' && existing.length === 1 && existing[0]?.document) {
      const outcome = planAbsentSystem(
        { ...existing[0], document: existing[0].document },
        environment,
        problems,
      );
      if (outcome) systems.push(outcome.system);
      if (outcome?.write) writes.push(outcome.write);
      continue;
    }
    const live = readOwnSystem(id, lookup, vendorId, environment, problems);
    if (!live) continue;
    const unsafe = describeUnsafeFileName(id);
    if (unsafe) {
      problems.push({
        systemId: id,
        message: `'${id}' cannot be a file name: ${unsafe}.`,
        hint: 'Import the other systems with --only, and ask Digdir about this id.',
      });
      continue;
    }
    const spec = specFromLive(live);
    if (existing.length > 1) {
      problems.push({
        systemId: id,
        message: `'${id}' is declared by more than one file: ${existing.map((found) => found.file).join(', ')}.`,
        hint: 'Keep one file per system.',
      });
      continue;
    }
    const outcome = planSystemFile(existing[0], spec, live, input, filesByPath, problems);
    if (!outcome) continue;
    systems.push(outcome.system);
    if (outcome.write) writes.push(outcome.write);
  }
  return { environment, systems, writes, problems, diagnostics: validateWritten(input.folder, writes) };
}

/** Validates the folder as it will be, and keeps the errors and warnings about the written files. */
function validateWritten(folder: readonly FolderFile[], writes: readonly FileWrite[]): Diagnostic[] {
  if (writes.length === 0) return [];
  const texts = new Map<string, string>();
  for (const entry of folder)
    if (entry.text !== undefined && YAML_FILE.test(entry.file)) texts.set(entry.file, entry.text);
  for (const write of writes) texts.set(write.file, write.text);
  const parsed = [...texts].map(([file, text]) => parseSystemFile(file, text));
  const written = new Set(writes.map((write) => write.file));
  return validateSystems(parsed, { catalogue: DEFAULT_CATALOGUE }).filter((diagnostic) =>
    written.has(diagnostic.file),
  );
}

interface PlannedSystemFile {
  system: ImportedSystem;
  write?: FileWrite;
}

/** What to write for one system: a new file, a replaced one, or overrides in the one it has. */
function planSystemFile(
  found: IndexedFile | undefined,
  spec: SystemSpec,
  live: LiveSystem,
  input: ImportInput,
  filesByPath: ReadonlyMap<string, FolderFile>,
  problems: ImportProblem[],
): PlannedSystemFile | undefined {
  const { environment } = input;
  const outcome = (file: string, action: ImportAction, text?: string, fields: string[] = []) => ({
    system: { systemId: spec.id, file, action, tombstone: spec.isDeleted, fields },
    ...(text === undefined ? {} : { write: { file, text, previousText: found?.text } }),
  });
  if (!found) {
    const file = path.posix.join(input.directory, `${spec.id}.yaml`);
    if (filesByPath.has(file)) {
      // Another system's file under this name, or a file that is not a system file (reported above).
      problems.push({
        file,
        systemId: spec.id,
        message: `'${file}' exists but does not declare '${spec.id}'.`,
      });
      return undefined;
    }
    const text = renderImportedSystem(spec, environment);
    return checkReadsBack(file, text, environment, live, problems)
      ? outcome(file, 'create', text)
      : undefined;
  }
  if (input.overwrite) {
    const replaced = replaceKeepingOtherEnvironments(found, spec, environment, problems);
    if (!replaced) return undefined;
    const { text, kept } = replaced;
    if (!checkReadsBack(found.file, text, environment, live, problems)) return undefined;
    if (found.document && !checkOthersKept(found.file, found.document, text, environment, problems, false))
      return undefined;
    if (text === found.text) return outcome(found.file, 'unchanged');
    const planned = outcome(found.file, 'replace', text);
    return { ...planned, system: { ...planned.system, kept } };
  }
  if (!found.document) {
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `'${found.file}' has errors, so overrides for ${environment} cannot be added to it.`,
      hint: "Fix it first ('sysreg validate'), or replace it with --overwrite.",
    });
    return undefined;
  }
  const merged = planOverrides(found.file, found.document, environment, spec, problems);
  if (!merged) return undefined;
  if (merged.edits.length === 0) return outcome(found.file, 'unchanged');
  const text = editFile(found, spec.id, merged.edits, problems);
  const kept =
    text !== undefined &&
    checkReadsBack(found.file, text, environment, live, problems) &&
    checkOthersKept(found.file, found.document, text, environment, problems);
  return kept ? outcome(found.file, 'override', text, merged.fields) : undefined;
}

/**
 * A system this environment does not have, named with `--only`, whose file says it exists there: the
 * file is told it is absent there (`environments.<env>.isDeleted: true`), so the plan does not create it.
 */
function planAbsentSystem(
  found: IndexedFile & { document: SystemDocument },
  environment: string,
  problems: ImportProblem[],
): PlannedSystemFile | undefined {
  const { file, document } = found;
  const edits = planAbsence(file, document, environment, problems);
  if (!edits) return undefined;
  const system = { systemId: document.id, file, tombstone: true };
  if (edits.length === 0) return { system: { ...system, action: 'unchanged', fields: [] } };
  const text = editFile(found, document.id, edits, problems);
  if (text === undefined) return undefined;
  const view = parseSystemFile(file, text).document;
  if (!view || !resolveSpec(view, environment).isDeleted) {
    problems.push({
      file,
      systemId: document.id,
      message: `the edit to '${file}' would not make '${document.id}' absent in ${environment}.`,
      hint: 'This is a bug in sysreg; please report it.',
    });
    return undefined;
  }
  if (!checkOthersKept(file, document, text, environment, problems)) return undefined;
  return {
    system: { ...system, action: 'override', fields: ['isDeleted'] },
    write: { file, text, previousText: found.text },
  };
}

/** `text` with `edits` made, or undefined with the reason recorded. */
function editFile(
  found: IndexedFile,
  systemId: string,
  edits: readonly FieldEdit[],
  problems: ImportProblem[],
): string | undefined {
  try {
    return applyFieldEdits(found.text, edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({ file: found.file, systemId, message: `cannot edit '${found.file}': ${error.message}.` });
    return undefined;
  }
}

/** The live system when it is there and this vendor's; otherwise records why not. */
function readOwnSystem(
  id: string,
  lookup: LiveLookup,
  vendorId: string,
  environment: string,
  problems: ImportProblem[],
): LiveSystem | undefined {
  if (lookup.status === 'absent') {
    problems.push({ systemId: id, message: `there is no system '${id}' in ${environment}.` });
    return undefined;
  }
  if (lookup.status === 'forbidden' || lookup.system.vendor?.ID !== vendorId) {
    problems.push({
      systemId: id,
      message: `'${id}' in ${environment} belongs to another vendor, not ${vendorId}.`,
    });
    return undefined;
  }
  return lookup.system;
}

/** Records a problem unless `text` resolves, in `environment`, to exactly what live says. */
function checkReadsBack(
  file: string,
  text: string,
  environment: string,
  live: LiveSystem,
  problems: ImportProblem[],
): boolean {
  const mismatch = findReadBackMismatch(file, text, environment, live);
  if (mismatch === undefined) return true;
  problems.push({
    file,
    systemId: live.id,
    message: `the file written for '${live.id}' would not read back as ${environment} has it (${mismatch}).`,
    hint: 'This is a bug in sysreg; please report it with the system as Altinn returns it.',
  });
  return false;
}

/** Records a problem unless an edit for one environment left the base and the others as they were. */
function checkOthersKept(
  file: string,
  before: SystemDocument,
  text: string,
  environment: string,
  problems: ImportProblem[],
  includeBase = true,
): boolean {
  const others = environmentsOf(before).filter((name) => name !== environment);
  const views = includeBase ? [undefined, ...others] : others;
  const changed = listChangedViews(file, before, text, views);
  if (changed.length === 0) return true;
  problems.push({
    file,
    message: `editing '${file}' for ${environment} would change ${changed.map((view) => view ?? 'the base').join(', ')}.`,
    hint: 'This is a bug in sysreg; please report it.',
  });
  return false;
}
