/**
 * Where the benchmark and reliability scripts keep their working files, and what their results were
 * measured on. Working files go to a temp folder that is removed however the script ends (normally,
 * on an error, on Ctrl-C, or killed by a timeout with SIGTERM), so no scratch repository or key file
 * outlives it. Results name the commit they ran at and whether the tree had uncommitted changes, so
 * a figure from someone's local change never reads as a figure of the commit.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { $ } from 'zx';

const REPO = path.resolve(import.meta.dirname, '..');
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface ScratchFolder {
  path: string;
  remove(): Promise<void>;
}

/** A fresh folder under the temp folder; gone on `remove()` or when a signal stops the script. */
export async function createScratchFolder(prefix: string): Promise<ScratchFolder> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(folder, { recursive: true, force: true });
    // The conventional exit status of a process stopped by `signal`.
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  return {
    path: folder,
    async remove() {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Files a run itself writes: their changes do not make the measured tree "uncommitted". */
function isRunOutput(file: string): boolean {
  return file.startsWith('scripts/results/') || file === 'BENCHMARKS.md';
}

/** `abc1234`, or `abc1234 + uncommitted changes` when the tree measured is not the commit. */
export async function describeSource(): Promise<string> {
  const git = $({ cwd: REPO, quiet: true, nothrow: true });
  const commit = (await git`git rev-parse --short HEAD`).stdout.trim() || 'unknown commit';
  const status = await git`git status --porcelain --untracked-files=all`;
  const changed = status.stdout
    .split('\n')
    .map((line) => line.slice(3).trim())
    .filter((file) => file !== '' && !isRunOutput(file));
  return changed.length > 0 ? `${commit} + uncommitted changes` : commit;
}
