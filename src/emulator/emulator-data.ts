/**
 * `--data FILE`: the emulator's state as one JSON document, written atomically (temp file, fsync,
 * rename, fsync of the directory) so that a kill -9 at any moment leaves either the old or the new
 * file, never a torn one. Signing keys are not stored: tokens issued before a restart stop validating.
 */
import { readFileSync } from 'node:fs';
import { removeStaleTemporaryFiles, writeFileAtomicallySync } from '../model/write-file-atomically.ts';
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

/** Reads the data file; undefined when it does not exist yet. A killed run's temporary files go first. */
export function readEmulatorData(file: string): EmulatorData | undefined {
  let text: string;
  try {
    removeStaleTemporaryFiles(file);
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

export function writeEmulatorData(file: string, data: EmulatorData): void {
  writeFileAtomicallySync(file, JSON.stringify(data), { mode: 0o600 });
}
