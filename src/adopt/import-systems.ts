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
import { canonicalFromSpec } from '../model/canonical.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import type { LiveLookup } from '../model/live-state.ts';
import { applyFieldEdits } from '../systems/edit-system-yaml.ts';
import { SystemYamlEditError } from '../systems/field-edit.ts';
import type { FieldEdit } from '../systems/field-edit.ts';
import { environmentsOf, resolveSpec } from '../systems/environments.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../model/fields.ts';
import type { EnvironmentOverrides, OverridableField, SystemDocument, SystemSpec } from '../model/system.ts';
import { DEFAULT_CATALOGUE } from '../catalogue/default-catalogue.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { parseSystemFile } from '../systems/parse.ts';
import { validateSystems } from '../systems/validate.ts';
import { ENVIRONMENT_NAME_PATTERN } from '../systems/schema.ts';
import { renderSystemYaml } from '../systems/write-system-yaml.ts';
import { findReadBackMismatch, listChangedViews } from './check-written-system.ts';
import { specFromLive } from './spec-from-live.ts';
import type { FileWrite } from './write-file-set.ts';

/** One file found under the systems folder. */
export interface FolderFile {
  /** Repository-relative path, forward slashes. */
  file: string;
  /** The text of a YAML file; `undefined` for other files, and for a YAML file that could not be read. */
  text: string | undefined;
}

export interface ImportInput {
  environment: string;
  /** The caller's organisation number (9 digits): only its systems are imported. */
  vendorOrgNumber: string;
  /** The ids to import, in order, each with its full read (GET `/vendor/{id}`). */
  systems: readonly { id: string; lookup: LiveLookup }[];
  /** Repository-relative folder new files go into, forward slashes, e.g. `systems`. */
  directory: string;
  /** Every file under the folder (hidden entries left out). */
  folder: readonly FolderFile[];
  /** Replace existing files instead of recording overrides in them. */
  overwrite: boolean;
}

export type ImportAction =
  /** A new file. */
  | 'create'
  /** An existing file, replaced (`--overwrite`). */
  | 'replace'
  /** An existing file, given `environments.<env>` overrides. */
  | 'override'
  /** An existing file that already says what live says. */
  | 'unchanged';

export interface ImportedSystem {
  systemId: string;
  file: string;
  action: ImportAction;
  /** Deleted in Altinn: written with `isDeleted: true`. */
  tombstone: boolean;
  /** For `override`: the fields now overridden for the environment (or no longer, when it matches the base). */
  fields: string[];
  /** For `replace`: each other environment the file names, with the fields it now overrides. */
  kept?: KeptEnvironment[];
}

export interface KeptEnvironment {
  environment: string;
  fields: string[];
}

/** A reason the import cannot go ahead; the command prints them all and writes nothing. */
export interface ImportProblem {
  file?: string;
  systemId?: string;
  message: string;
  hint?: string;
}

export interface ImportPlan {
  environment: string;
  systems: ImportedSystem[];
  writes: FileWrite[];
  problems: ImportProblem[];
  /**
   * What `sysreg validate` will say about the files this import writes, once written (for example a
   * live access package the shipped catalogue does not know). Not a reason to stop: the files say what
   * Altinn has; `plan` refuses until they validate.
   */
  diagnostics: Diagnostic[];
}

const YAML_FILE = /\.ya?ml$/i;
/** Files a systems folder may hold beside system files. */
const FOLDER_FURNITURE = /^(readme|license|codeowners)(\.[a-z]+)?$/i;
/** Letters, digits, `.`, `_` and `-`: the charset validation allows in ids, and safe as a file name. */
const SAFE_ID = /^[A-Za-z0-9._-]+$/;
/** Most file systems allow 255 bytes in a name, and `.yaml` takes 5 of them. */
const MAX_FILE_NAME_BYTES = 255;

export function planImport(input: ImportInput): ImportPlan {
  const { environment } = input;
  const problems: ImportProblem[] = [];
  const filesById = indexFolder(input.folder, problems);
  const filesByPath = new Map(input.folder.map((file) => [file.file, file]));
  const systems: ImportedSystem[] = [];
  const writes: FileWrite[] = [];
  const vendorId = `0192:${input.vendorOrgNumber}`;

  for (const { id, lookup } of input.systems) {
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
    const existing = filesById.get(id) ?? [];
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

/**
 * `--overwrite`: the file rendered anew from this environment's live values, with each other
 * environment the old file names given overrides for every field where its view would otherwise
 * change. Replacing the base for tt02 must not move prod's client ids or redirect URLs to tt02's.
 */
function replaceKeepingOtherEnvironments(
  found: IndexedFile,
  spec: SystemSpec,
  environment: string,
  problems: ImportProblem[],
): { text: string; kept: KeptEnvironment[] } | undefined {
  const rendered = renderImportedSystem(spec, environment);
  const others = found.document ? environmentsOf(found.document).filter((name) => name !== environment) : [];
  if (!found.document || others.length === 0) return { text: rendered, kept: [] };
  const newBase = canonicalJsonOf(spec);
  const edits: FieldEdit[] = [];
  const kept: KeptEnvironment[] = [];
  for (const name of others) {
    const view = resolveSpec(found.document, name);
    const viewCanonical = canonicalJsonOf(view);
    const fields = OVERRIDABLE_FIELDS.filter((key) => fieldOf(viewCanonical, key) !== fieldOf(newBase, key));
    for (const key of fields) edits.push({ path: [ENVIRONMENTS_KEY, name, key], value: view[key] });
    kept.push({ environment: name, fields });
  }
  if (edits.length === 0) return { text: rendered, kept };
  try {
    return { text: applyFieldEdits(rendered, edits), kept };
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot keep the other environments' overrides in '${found.file}': ${error.message}.`,
    });
    return undefined;
  }
}

const OVERRIDABLE_FIELDS = FIELD_RULES.filter((rule) => rule.overridable).map(
  (rule) => rule.key as OverridableField,
);

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
  let text: string;
  try {
    text = applyFieldEdits(found.text, merged.edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot edit '${found.file}': ${error.message}.`,
    });
    return undefined;
  }
  const kept =
    checkReadsBack(found.file, text, environment, live, problems) &&
    checkOthersKept(found.file, found.document, text, environment, problems);
  return kept ? outcome(found.file, 'override', text, merged.fields) : undefined;
}

/** Why `id` cannot safely be a file name in the systems folder, or `undefined` when it can. */
export function describeUnsafeFileName(id: string): string | undefined {
  if (!SAFE_ID.test(id)) {
    const bad = [...new Set([...id].filter((character) => !SAFE_ID.test(character)))];
    return `it holds ${bad.map((character) => JSON.stringify(character)).join(', ')}; only letters A–Z, digits, '.', '_' and '-' are safe`;
  }
  if (id.startsWith('.') || id.includes('..')) return "it starts with '.' or holds '..'";
  if (Buffer.byteLength(`${id}.yaml`) > MAX_FILE_NAME_BYTES) {
    return `'${id}.yaml' is longer than ${MAX_FILE_NAME_BYTES} bytes`;
  }
  return undefined;
}

/** The file `import` writes for a system it has no file for. Date-free, so a re-run is stable. */
export function renderImportedSystem(spec: SystemSpec, environment: string): string {
  const header = [`Imported from Altinn (${environment}) by 'sysreg import'.`];
  if (spec.isDeleted) {
    header.push(
      `Deleted in ${environment}: a tombstone. The id can never be used again; keep this file so it is not.`,
    );
  }
  return renderSystemYaml(spec, { headerComment: header.join('\n') });
}

interface IndexedFile {
  file: string;
  text: string;
  document?: SystemDocument | undefined;
}

/**
 * Which system each file declares. A file that is not a system file (or not YAML, or not readable)
 * is a problem: import writes into a folder of system files only, so a wrong `--dir` stops here.
 */
function indexFolder(folder: readonly FolderFile[], problems: ImportProblem[]): Map<string, IndexedFile[]> {
  const byId = new Map<string, IndexedFile[]>();
  for (const entry of folder) {
    const name = path.posix.basename(entry.file);
    if (!YAML_FILE.test(name)) {
      if (FOLDER_FURNITURE.test(name)) continue;
      problems.push({
        file: entry.file,
        message: `'${entry.file}' is not a system file, and import writes only into a folder of system files.`,
        hint: 'Check --dir, or move the file out of the folder.',
      });
      continue;
    }
    if (entry.text === undefined) {
      problems.push({ file: entry.file, message: `'${entry.file}' cannot be read as a text file.` });
      continue;
    }
    const parsed = parseSystemFile(entry.file, entry.text);
    const declared = parsed.document ?? parsed.draft;
    if (!declared) {
      const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
      const where = first ? ` (line ${first.line}: ${first.message})` : '';
      problems.push({
        file: entry.file,
        message: `'${entry.file}' is not a system file sysreg can read${where}.`,
        hint: "Fix it ('sysreg validate'), move it out of the folder, or check --dir.",
      });
      continue;
    }
    const list = byId.get(declared.id) ?? [];
    list.push({ file: entry.file, text: entry.text, document: parsed.document });
    byId.set(declared.id, list);
  }
  return byId;
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

/**
 * The overrides that make `environment` resolve to live: a field equal to the base needs none (and
 * loses one it had); a field that differs gets the live value, unless its override already says it.
 */
function planOverrides(
  file: string,
  document: SystemDocument,
  environment: string,
  spec: SystemSpec,
  problems: ImportProblem[],
): { edits: FieldEdit[]; fields: string[] } | undefined {
  if (document.isDeleted !== spec.isDeleted) {
    problems.push({
      file,
      systemId: spec.id,
      message: spec.isDeleted
        ? `'${spec.id}' is deleted in ${environment}, but '${file}' declares it live; isDeleted cannot differ between environments.`
        : `'${spec.id}' is live in ${environment}, but '${file}' is a tombstone; isDeleted cannot differ between environments.`,
    });
    return undefined;
  }
  if (!new RegExp(ENVIRONMENT_NAME_PATTERN).test(environment)) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${environment}' cannot name overrides under environments: (lower-case letters, digits and '-').`,
    });
    return undefined;
  }
  if (document.vendor.ID !== spec.vendor.ID) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${file}' names vendor ${document.vendor.ID}, but ${environment} has ${spec.vendor.ID}.`,
    });
    return undefined;
  }
  const base = resolveSpec(document, undefined);
  const current: EnvironmentOverrides = document.environments[environment] ?? {};
  const liveCanonical = canonicalJsonOf(spec);
  const wanted: Partial<Record<OverridableField, unknown>> = {};
  for (const rule of FIELD_RULES) {
    if (!rule.overridable) continue;
    const key = rule.key as OverridableField;
    if (fieldOf(canonicalJsonOf(base), key) === fieldOf(liveCanonical, key)) continue;
    const overridden = current[key];
    const keep =
      overridden !== undefined &&
      fieldOf(canonicalJsonOf({ ...base, [key]: overridden }), key) === fieldOf(liveCanonical, key);
    wanted[key] = keep ? overridden : spec[key];
  }
  const fields = [
    ...new Set(
      [...Object.keys(current), ...Object.keys(wanted)].filter((key) => {
        const before = current[key as OverridableField];
        const after = wanted[key as OverridableField];
        return stringifyCanonicalJson(before ?? null) !== stringifyCanonicalJson(after ?? null);
      }),
    ),
  ];
  const edits: FieldEdit[] = [];
  if (fields.length === 0) return { edits, fields };
  if (Object.keys(wanted).length === 0) {
    // No field differs any more: the environment's block goes, and `environments` with it when empty.
    const others = environmentsOf(document).filter((name) => name !== environment);
    edits.push({ path: others.length === 0 ? [ENVIRONMENTS_KEY] : [ENVIRONMENTS_KEY, environment] });
    return { edits, fields };
  }
  for (const key of fields) {
    const value = wanted[key as OverridableField];
    edits.push({ path: [ENVIRONMENTS_KEY, environment, key], value });
  }
  return { edits, fields };
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

function canonicalJsonOf(spec: SystemSpec): Record<string, string> {
  const canonical = canonicalFromSpec(spec) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(canonical).map(([key, value]) => [key, stringifyCanonicalJson(value)]),
  );
}

function fieldOf(canonical: Record<string, string>, key: string): string | undefined {
  return canonical[key];
}
