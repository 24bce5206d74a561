/**
 * `--data FILE`: the emulator's state as one JSON document, written atomically (temp file, fsync,
 * rename, fsync of the directory) so that a kill -9 at any moment leaves either the old or the new
 * file, never a torn one. Signing keys are not stored: tokens issued before a restart stop validating.
 * A kill between the temp write and the rename leaves `<file>.<pid>.tmp`; the next start removes it.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import type { MaskinportenClient } from './maskinporten.ts';
import type { RegisterSnapshot } from './register-state.ts';

export const EMULATOR_DATA_FORMAT = 'sysreg-emulator/1';

export interface EmulatorData {
  format: typeof EMULATOR_DATA_FORMAT;
  register: RegisterSnapshot;
  clients: MaskinportenClient[];
  catalogue: Catalogue;
}

/** The data file exists but cannot be used; the message names the file and the reason. */
export class EmulatorDataError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorDataError';
  }
}

/** Reads the data file; undefined when it does not exist yet. */
export function readEmulatorData(file: string): EmulatorData | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EmulatorDataError(`${file}: cannot read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EmulatorDataError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const data = parsed as Partial<EmulatorData>;
  if (data?.format !== EMULATOR_DATA_FORMAT) {
    throw new EmulatorDataError(
      `${file}: not an emulator data file (expected "format": "${EMULATOR_DATA_FORMAT}")`,
    );
  }
  if (
    !Array.isArray(data.register?.systems) ||
    !Array.isArray(data.register?.changelog) ||
    !Array.isArray(data.clients) ||
    !Array.isArray(data.catalogue?.resources) ||
    !Array.isArray(data.catalogue?.accessPackages)
  ) {
    throw new EmulatorDataError(`${file}: missing register, clients or catalogue`);
  }
  return data as EmulatorData;
}

function temporaryFileOf(file: string, pid: number): string {
  return `${file}.${pid}.tmp`;
}

export function writeEmulatorData(file: string, data: EmulatorData): void {
  const temporary = temporaryFileOf(file, process.pid);
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  // Make the rename itself durable.
  const directory = openSync(dirname(file), 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}

/**
 * Removes the temporary files that writers of `file` left when they were killed mid-write: those of
 * processes that no longer run, and this process's own (a pid reused after a restart, as in a
 * container). They are never read as state; a live writer's file is left alone.
 */
export function removeOrphanedTemporaryFiles(file: string): void {
  const directory = dirname(file);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)\.tmp$/.exec(name.slice(basename(file).length + 1))?.[1]);
    if (!name.startsWith(`${basename(file)}.`) || !Number.isSafeInteger(pid) || pid <= 0) continue;
    if (pid !== process.pid && isRunning(pid)) continue;
    rmSync(join(directory, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
