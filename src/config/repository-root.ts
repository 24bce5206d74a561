/**
 * Where the repository root is: the nearest folder upwards from where the command runs that holds
 * `sysreg.config.yaml` or `systems/`, never above the top of the git work tree (the folder holding
 * `.git`). So every command works the same from any folder inside the repository, `systems/`
 * included. With no such folder the starting folder is the root, as before (e.g. `sysreg new` in a
 * fresh folder, `sysreg emulator`).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SYSTEMS_DIRECTORY } from '../systems/discover.ts';
import { CONFIG_FILE_NAME } from './config.ts';

async function exists(file: string, kind: 'file' | 'directory' | 'any'): Promise<boolean> {
  try {
    const info = await stat(file);
    return kind === 'any' || (kind === 'file' ? info.isFile() : info.isDirectory());
  } catch {
    return false;
  }
}

async function isRepositoryRoot(folder: string): Promise<boolean> {
  return (
    (await exists(path.join(folder, CONFIG_FILE_NAME), 'file')) ||
    (await exists(path.join(folder, SYSTEMS_DIRECTORY), 'directory'))
  );
}

/** `.git` is a folder in a clone and a file in a worktree or submodule. */
const isGitTop = (folder: string): Promise<boolean> => exists(path.join(folder, '.git'), 'any');

export async function findRepositoryRoot(start: string): Promise<string> {
  let folder = path.resolve(start);
  for (;;) {
    if (await isRepositoryRoot(folder)) return folder;
    const parent = path.dirname(folder);
    // Never into an enclosing repository: a folder of another project is not this one's root.
    if (parent === folder || (await isGitTop(folder))) return path.resolve(start);
    folder = parent;
  }
}

/** The nearest folder upwards holding `.git` (the top of the git work tree); undefined outside git. */
export async function findGitRoot(start: string): Promise<string | undefined> {
  let folder = path.resolve(start);
  for (;;) {
    if (await isGitTop(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
