/** What parsing one system file gives: the document (or a draft), its diagnostics, and where each path is written. */
import type { Diagnostic, SourceSpan } from '../model/diagnostic.ts';
import type { SystemDocument } from '../model/system.ts';

/** A path into the file's data: map keys and list indexes, canonical field names at the top level. */
export type SourcePath = readonly (string | number)[];

export interface ParsedSystemFile {
  /** Repository-relative path, forward slashes. */
  file: string;
  text: string;
  /** Present when the file is structurally valid; defaults from FIELD_RULES filled in. */
  document?: SystemDocument;
  /**
   * When the only errors are unknown or misplaced fields, the known fields as they read: the register's
   * rules still run on it, so one pass reports everything. Never planned or applied.
   */
  draft?: SystemDocument;
  diagnostics: Diagnostic[];
  /**
   * Where a path is written. A scalar points at its value; a map or list at the key that holds it.
   * With `'key'`, always the key. A path that is not written points at its nearest written ancestor.
   */
  positionOf(path: SourcePath, target?: 'value' | 'key'): SourceSpan;
  /** Whether the exact path is written in the file (alias spellings count). */
  isWritten(path: SourcePath): boolean;
}

export type Locator = ParsedSystemFile['positionOf'];

/** `rights[0].resource[1].id`, as messages name a place. */
export function describePath(path: SourcePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? 'the file' : text;
}
