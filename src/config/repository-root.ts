/**
 * Where the repository root is: the nearest folder upwards from where the command runs that holds
 * `sysreg.config.yaml` or `systems/`, never above the top of the git work tree (the folder holding
 * `.git`). So every command works the same from any folder inside the repository, `systems/`
 * included. With no such folder the starting folder is the root, as before (e.g. `sysreg new` in a
 * fresh folder, `sysreg emulator`).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { SYSTEMS_DIRECTORY } from '../systems/discover.ts';
import { CONFIG_FILE_NAME } from './config.ts';

function exists(file: string, kind: 'file' | 'directory' | 'any'): boolean {
  try {
    const info = statSync(file);
    return kind === 'any' || (kind === 'file' ? info.isFile() : info.isDirectory());
  } catch {
    return false;
  }
}

function isRepositoryRoot(folder: string): boolean {
  return (
    exists(path.join(folder, CONFIG_FILE_NAME), 'file') ||
    exists(path.join(folder, SYSTEMS_DIRECTORY), 'directory')
  );
}

/** `.git` is a folder in a clone and a file in a worktree or submodule. */
const isGitTop = (folder: string): boolean => exists(path.join(folder, '.git'), 'any');

export function findRepositoryRoot(start: string): string {
  let folder = path.resolve(start);
  for (;;) {
    if (isRepositoryRoot(folder)) return folder;
    const parent = path.dirname(folder);
    // Never into an enclosing repository: a folder of another project is not this one's root.
    if (parent === folder || isGitTop(folder)) return path.resolve(start);
    folder = parent;
  }
}

/** The nearest folder upwards holding `.git` (the top of the git work tree); undefined outside git. */
export function findGitRoot(start: string): string | undefined {
  let folder = path.resolve(start);
  for (;;) {
    if (isGitTop(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
