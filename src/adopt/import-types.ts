/**
 * The shapes `sysreg import` speaks: what it reads (the live systems and the folder), what it plans for
 * each system, and the problems that stop it.
 */
import type { LiveLookup } from '../model/live-state.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
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
