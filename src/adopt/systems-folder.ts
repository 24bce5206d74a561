/**
 * The file-system edge of `sysreg import` on the read side: where the systems folder is (inside the
 * repository, never outside it, links included) and what it holds.
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../model/command.ts';
import { describeFileError } from '../model/describe-file-error.ts';
import { toRepoPath } from '../systems/discover.ts';
import { MAX_SYSTEM_FILE_BYTES } from '../systems/load.ts';
import type { FolderFile } from './import-types.ts';

const YAML_FILE = /\.ya?ml$/i;

/**
 * The repository-relative path (forward slashes) of `given`, after checking that it is, or would be,
 * a folder inside `root` once links are followed. Throws a UsageError otherwise.
 */
export async function resolveSystemsFolder(root: string, given: string): Promise<string> {
  const rootPath = path.resolve(root);
  const realRoot = await realpath(rootPath).catch(() => rootPath);
  const absolute = path.resolve(rootPath, given);
  const relative = toRepoPath(rootPath, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(
      `--dir '${given}' is not a folder inside the repository at '${rootPath}'; sysreg writes system files only there.`,
    );
  }
  // The nearest part of the path that exists decides where writes would land.
  let existing = absolute;
  while (!(await lstat(existing).catch(() => undefined)) && existing !== rootPath) {
    existing = path.dirname(existing);
  }
  const real = await realpath(existing).catch(() => existing);
  const inside = path.relative(realRoot, real);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new UsageError(
      `--dir '${given}' leads outside the repository (through a symbolic link); sysreg writes system files only inside it.`,
    );
  }
  const info = await lstat(existing).catch(() => undefined);
  if (existing === absolute && info && !info.isDirectory() && !info.isSymbolicLink()) {
    throw new UsageError(`--dir '${given}' is not a folder.`);
  }
  return relative;
}

/** Every file under the folder, hidden entries and node_modules left out; YAML files with their text. */
export async function readSystemsFolder(root: string, directory: string): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  const walk = async (relative: string): Promise<void> => {
    const absolute = path.join(root, relative);
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      if (relative === directory && (error as { code?: string }).code === 'ENOENT') return;
      throw new UsageError(`cannot read folder '${relative}': ${describeFileError(error)}.`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) await walk(child);
      else
        files.push({
          file: child,
          text: YAML_FILE.test(entry.name) ? await readText(root, child) : undefined,
        });
    }
  };
  await walk(directory);
  return files;
}

async function readText(root: string, file: string): Promise<string | undefined> {
  try {
    const bytes = await readFile(path.join(root, file));
    if (bytes.length > MAX_SYSTEM_FILE_BYTES) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
