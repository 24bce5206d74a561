/**
 * The result file every benchmark writes: `scripts/results/<name>.json`, with the machine it ran on
 * and its figures. `scripts/bench.ts` reads these files back into BENCHMARKS.md. Not a benchmark
 * itself: `npm run bench` skips this file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface BenchmarkFigure {
  label: string;
  value: number;
  unit: string;
  /** What the figure must reach; 'report only' or absent when it only gives scale. */
  target?: string;
  met?: boolean;
}

export interface BenchmarkMachine {
  cpus: number;
  model: string;
  node: string;
  memoryGiB: number;
}

export interface BenchmarkResult {
  name: string;
  machine: BenchmarkMachine;
  figures: BenchmarkFigure[];
  /** The script that wrote it, when it is not `scripts/bench-<name>.ts` (run outside `npm run bench`). */
  script?: string;
  /** Lines for BENCHMARKS.md under the benchmark's heading: how to read the figures, where more is. */
  notes?: string[];
}

export const RESULTS_DIRECTORY = path.join(import.meta.dirname, 'results');

export function describeMachine(): BenchmarkMachine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    node: process.version,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/**
 * Writes `scripts/results/<name>.json` and prints the same JSON. Sets exit code 1 when a figure
 * misses its target, so `npm run bench` and CI see it; `extra` keys go after the figures.
 */
export async function writeBenchmarkResult(
  name: string,
  figures: BenchmarkFigure[],
  extra?: Record<string, unknown>,
): Promise<BenchmarkResult> {
  const result: BenchmarkResult = { name, machine: describeMachine(), figures, ...extra };
  const text = `${JSON.stringify(result, null, 2)}\n`;
  await mkdir(RESULTS_DIRECTORY, { recursive: true });
  await writeFile(path.join(RESULTS_DIRECTORY, `${name}.json`), text);
  process.stdout.write(text);
  if (figures.some((figure) => figure.met === false)) process.exitCode = 1;
  return result;
}
