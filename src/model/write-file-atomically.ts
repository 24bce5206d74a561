/**
 * The one way sysreg writes a file: system files (fmt, new, import, drift --accept), `--out` reports,
 * `init`, catalogue snapshots and the local Altinn's `--data` file. A temporary file beside the target,
 * fsynced, then renamed over it (or linked, when the target must not exist yet), then the folder
 * fsynced: a reader, a crash or a kill -9 at any moment sees the old file or the new one, never half.
 * Synchronous underneath, so the local Altinn's writes never interleave; the CLI awaits the wrapper.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export interface WriteFileOptions {
  /** Refuse to replace an existing file: the `EEXIST` error, decided by the file system in one step. */
  exclusive?: boolean;
  /** Permissions of a new file; an existing file keeps its own unless this is given. */
  mode?: number;
}

/** File systems allow 255 bytes per name; the stem leaves room for the pid, random part and `.tmp`. */
const MAX_NAME_STEM = 200;

/** `.<name>.<pid>.<8 hex>.tmp`: hidden, named after its target and the process that wrote it. */
const TEMPORARY_NAME = /^\.(.*)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Link is not offered by every file system; there, `exclusive` falls back to a check, then a rename. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Some platforms cannot open or fsync a folder; the rename is then as durable as they make it. */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES']);

export function writeFileAtomicallySync(target: string, text: string, options: WriteFileOptions = {}): void {
  const existing = statSync(target, { throwIfNoEntry: false });
  if (options.exclusive && existing) throw alreadyExists(target);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, MAX_NAME_STEM)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const descriptor = openSync(temporary, 'wx', options.mode ?? (existing ? existing.mode & 0o777 : 0o644));
  try {
    try {
      writeFileSync(descriptor, text, 'utf8');
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    if (options.exclusive) linkExclusively(temporary, target);
    else renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncFolder(path.dirname(target));
}

export async function writeFileAtomically(
  target: string,
  text: string,
  options: WriteFileOptions = {},
): Promise<void> {
  writeFileAtomicallySync(target, text, options);
}

/**
 * Removes the temporary files a killed writer left beside `target` (a kill -9 between open and rename
 * leaves one): those of processes no longer running. Returns their names.
 */
export function removeStaleTemporaryFiles(target: string): string[] {
  const folder = path.dirname(target);
  const stem = path.basename(target).slice(0, MAX_NAME_STEM);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return removed;
    throw error;
  }
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match || match[1] !== stem || isRunning(Number(match[2]))) continue;
    rmSync(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function linkExclusively(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!LINK_UNSUPPORTED.has(code)) throw error;
    if (statSync(target, { throwIfNoEntry: false })) throw alreadyExists(target);
    renameSync(temporary, target);
  }
}

function syncFolder(folder: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(folder, 'r');
  } catch (error) {
    if (FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    fsyncSync(descriptor);
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(descriptor);
  }
}

function isRunning(pid: number): boolean {
  // Our own writes are synchronous, so none is in flight now: a temporary with our pid was left by an
  // earlier process that had it (a restarted container's pid 1).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function alreadyExists(target: string): Error {
  return Object.assign(new Error(`'${target}' already exists`), { code: 'EEXIST' });
}
