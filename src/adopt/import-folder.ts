/**
 * The systems folder as import sees it: which system each file declares, and which ids can safely be
 * a file name. A file that is not a system file stops the import, so a wrong `--dir` writes nothing.
 */
import path from 'node:path';
import type { SystemDocument } from '../model/system.ts';
import { parseSystemFile } from '../systems/parse.ts';
import type { FolderFile, ImportProblem } from './import-types.ts';

export const YAML_FILE = /\.ya?ml$/i;
/** Files a systems folder may hold beside system files. */
const FOLDER_FURNITURE = /^(readme|license|codeowners)(\.[a-z]+)?$/i;
/** Letters, digits, `.`, `_` and `-`: the charset validation allows in ids, and safe as a file name. */
const SAFE_ID = /^[A-Za-z0-9._-]+$/;
/** Most file systems allow 255 bytes in a name, and `.yaml` takes 5 of them. */
const MAX_FILE_NAME_BYTES = 255;

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

export interface IndexedFile {
  file: string;
  text: string;
  document?: SystemDocument | undefined;
}

/**
 * Which system each file declares. A file that is not a system file (or not YAML, or not readable)
 * is a problem: import writes into a folder of system files only, so a wrong `--dir` stops here.
 */
export function indexFolder(
  folder: readonly FolderFile[],
  problems: ImportProblem[],
): Map<string, IndexedFile[]> {
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
