/**
 * The file-system edge of `import` and `drift --accept`: writes a set of files all or nothing. Each
 * file is written atomically (temp file plus rename); when one write fails, the files already written
 * are put back as they were (removed, or their old text restored) before the error is thrown.
 */
import { lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describeFileError } from '../model/describe-file-error.ts';
import { writeFileAtomically } from '../model/write-file-atomically.ts';

export interface FileWrite {
  /** Repository-relative path, forward slashes. */
  file: string;
  text: string;
  /** The file's text when it was read; `undefined` when the write creates it. */
  previousText?: string | undefined;
}

/** The file operations the writer needs; tests pass one that fails on purpose. */
export interface FileSetFileSystem {
  writeFile(target: string, text: string, options: { exclusive: boolean }): Promise<void>;
  removeFile(target: string): Promise<void>;
}

export const NODE_FILE_SYSTEM: FileSetFileSystem = {
  writeFile: (target, text, options) => writeFileAtomically(target, text, options),
  removeFile: (target) => rm(target, { force: true }),
};

/** A write that failed, after the files already written were rolled back. */
export class FileSetWriteError extends Error {
  readonly exitCode = 1;
  /** The file whose write failed. */
  readonly file: string;
  /** Files that could not be put back (empty when the rollback was complete). */
  readonly notRolledBack: string[];
  constructor(file: string, reason: string, notRolledBack: string[]) {
    const rest =
      notRolledBack.length === 0
        ? 'nothing was changed'
        : `these files could not be put back as they were: ${notRolledBack.join(', ')}`;
    super(`cannot write '${file}': ${reason}; ${rest}.`);
    this.name = 'FileSetWriteError';
    this.file = file;
    this.notRolledBack = notRolledBack;
  }
}

/**
 * Writes every file under `root`, or none. Checks first that no target is a folder or other
 * non-file, and that a created file does not exist yet, so most failures happen before any write.
 */
export async function writeFileSet(
  root: string,
  writes: readonly FileWrite[],
  fileSystem: FileSetFileSystem = NODE_FILE_SYSTEM,
): Promise<void> {
  for (const write of writes) {
    const info = await lstat(path.join(root, write.file)).catch(() => undefined);
    if (info && !info.isFile() && !info.isSymbolicLink()) {
      throw new FileSetWriteError(write.file, 'it is a folder or other non-file', []);
    }
    if (info && write.previousText === undefined) {
      throw new FileSetWriteError(write.file, 'it appeared while sysreg was working', []);
    }
  }
  const createdFolders: string[] = [];
  const done: FileWrite[] = [];
  for (const write of writes) {
    const target = path.join(root, write.file);
    try {
      const folder = await mkdir(path.dirname(target), { recursive: true });
      if (folder !== undefined) createdFolders.push(folder);
      await fileSystem.writeFile(target, write.text, { exclusive: write.previousText === undefined });
    } catch (error) {
      const notRolledBack = await rollBack(root, done, fileSystem);
      // A folder this run created holds only what this run wrote, which is rolled back by now.
      for (const folder of createdFolders.reverse())
        await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      throw new FileSetWriteError(write.file, describeFileError(error), notRolledBack);
    }
    done.push(write);
  }
}

async function rollBack(
  root: string,
  done: readonly FileWrite[],
  fileSystem: FileSetFileSystem,
): Promise<string[]> {
  const failed: string[] = [];
  for (const write of [...done].reverse()) {
    const target = path.join(root, write.file);
    try {
      if (write.previousText === undefined) await fileSystem.removeFile(target);
      else await fileSystem.writeFile(target, write.previousText, { exclusive: false });
    } catch {
      failed.push(write.file);
    }
  }
  return failed;
}
