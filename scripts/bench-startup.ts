/**
 * Benchmark: CLI start-up. `sysreg validate` on the example repository (the four files in systems/)
 * against `node -e 0`, both as fresh child processes of the same Node, alternating, after warm-up runs
 * (so Node's compile cache is filled, as it is on a developer's machine after the first run). Each
 * child reports its own CPU time and peak resident memory on exit; medians are compared. CPU time is
 * the steady measure on a shared machine; wall time is recorded beside it.
 *
 * No issue sets a start-up target; this one is ours: a pull-request check and a developer's
 * `sysreg validate` should feel instant, so validate may spend at most 500 ms of CPU beyond a bare
 * Node start.
 *
 *   npx node scripts/bench-startup.ts [--runs 15]
 *
 * Writes scripts/results/startup.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { writeBenchmarkResult } from './bench-result.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const CPU_OVERHEAD_TARGET_MS = 500;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);

/**
 * Preloaded into each child: writes "cpuMs maxRssKiB" to $BENCH_USAGE_FILE when it exits. zx gives a
 * child's duration, not its resource usage, so the child reports its own.
 */
const USAGE_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs';" +
    "process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_USAGE_FILE, `${(u.userCPUTime + u.systemCPUTime) / 1000} ${u.maxRSS}`); });",
)}`;

interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

async function run(args: string[], usageFile: string): Promise<Sample> {
  const started = performance.now();
  // No `set -euo pipefail` prefix: a single command, so the shell execs Node and adds no process.
  const output = await $({
    cwd: REPO,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
    prefix: '',
    quiet: true,
    nothrow: true,
    timeout: 60_000,
  })`${NODE} --import ${USAGE_REPORTER} ${args}`;
  const wallMs = performance.now() - started;
  if (!output.ok) throw new Error(`${args.join(' ')} failed: ${output.stderr || output.stdout}`);
  const [cpu, rss] = (await readFile(usageFile, 'utf8')).split(' ').map(Number);
  return { wallMs, cpuMs: cpu ?? NaN, maxRssMiB: (rss ?? NaN) / 1024 };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

const scratch = await mkdtemp(path.join(os.tmpdir(), 'sysreg-bench-startup-'));
try {
  await mkdir(scratch, { recursive: true });
  const usageFile = path.join(scratch, 'usage');
  await writeFile(usageFile, '');
  const bare = ['-e', '0'];
  const validate = [path.join(REPO, 'src', 'cli.ts'), 'validate'];
  for (let i = 0; i < 2; i++) {
    await run(bare, usageFile);
    await run(validate, usageFile);
  }
  const bareSamples: Sample[] = [];
  const validateSamples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    bareSamples.push(await run(bare, usageFile));
    validateSamples.push(await run(validate, usageFile));
  }
  const pick = (samples: Sample[], key: keyof Sample) => median(samples.map((sample) => sample[key]));
  const bareCpu = pick(bareSamples, 'cpuMs');
  const validateCpu = pick(validateSamples, 'cpuMs');
  const bareWall = pick(bareSamples, 'wallMs');
  const validateWall = pick(validateSamples, 'wallMs');
  const overhead = validateCpu - bareCpu;
  await writeBenchmarkResult('startup', [
    { label: `node -e 0, CPU time (median of ${runs})`, value: round(bareCpu), unit: 'ms' },
    {
      label: `sysreg validate on systems/, CPU time (median of ${runs})`,
      value: round(validateCpu),
      unit: 'ms',
    },
    {
      label: 'sysreg validate CPU time beyond node -e 0',
      value: round(overhead),
      unit: 'ms',
      target: `≤ ${CPU_OVERHEAD_TARGET_MS} ms`,
      met: overhead <= CPU_OVERHEAD_TARGET_MS,
    },
    { label: 'sysreg validate / node -e 0, CPU time', value: round(validateCpu / bareCpu, 1), unit: '×' },
    { label: `node -e 0, wall time (median of ${runs})`, value: round(bareWall), unit: 'ms' },
    {
      label: `sysreg validate on systems/, wall time (median of ${runs})`,
      value: round(validateWall),
      unit: 'ms',
    },
    {
      label: 'sysreg validate / node -e 0, wall time',
      value: round(validateWall / bareWall, 1),
      unit: '×',
    },
    {
      label: 'peak resident memory, sysreg validate',
      value: round(Math.max(...validateSamples.map((s) => s.maxRssMiB)), 1),
      unit: 'MiB',
    },
    {
      label: 'peak resident memory, node -e 0',
      value: round(Math.max(...bareSamples.map((s) => s.maxRssMiB)), 1),
      unit: 'MiB',
    },
  ]);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
