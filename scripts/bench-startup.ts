/**
 * Benchmark: CLI start-up. `sysreg validate` on the example systems (the four Fjordsoft files, in a
 * scratch repository), as shipped (the bundle, dist/bin.js) and from source (src/cli.ts), against
 * `node -e 0`, all as fresh child processes of the same Node, alternating, after warm-up runs (so
 * Node's compile cache is filled, as it is after the first run on a developer's machine or runner).
 * The bundle is also timed with the compile cache off: a runner's very first start. Each child
 * reports its own CPU time and peak resident memory on exit; medians are compared. CPU time is the
 * steady measure on a shared machine; wall time is recorded beside it.
 *
 * "Cold" here means a new process each run, with nothing of sysreg's in memory; Node's compile cache
 * (in the OS temp folder, filled by sysreg's first run there) is warm for the target figure, as on a
 * developer's machine. A CI job starts on a new machine with no cache: the "compile cache off"
 * figure beside it is the one that applies there.
 *
 * Target (issue #12): the bundled validate spends at most 100 ms of CPU beyond a bare Node start.
 *
 *   npx node scripts/bench-startup.ts [--runs 15]
 *
 * Writes scripts/results/startup.json.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { writeBenchmarkResult } from './bench-result.ts';
import { createScratchFolder } from './working-files.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const CPU_OVERHEAD_TARGET_MS = 100;
const EXAMPLE_SYSTEMS = path.join(REPO, 'test', 'fixtures', 'example-systems');

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

async function run(
  args: string[],
  usageFile: string,
  cwd = REPO,
  extraEnv: Record<string, string> = {},
): Promise<Sample> {
  const started = performance.now();
  // No `set -euo pipefail` prefix: a single command, so the shell execs Node and adds no process.
  const output = await $({
    cwd,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1', ...extraEnv },
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

const scratchFolder = await createScratchFolder('sysreg-bench-startup-');
const scratch = scratchFolder.path;
try {
  await mkdir(scratch, { recursive: true });
  const usageFile = path.join(scratch, 'usage');
  await writeFile(usageFile, '');
  const repo = path.join(scratch, 'repo');
  await mkdir(path.join(repo, '.git'), { recursive: true });
  await cp(EXAMPLE_SYSTEMS, path.join(repo, 'systems'), { recursive: true });
  const bare = ['-e', '0'];
  const bundled = [path.join(REPO, 'dist', 'bin.js'), 'validate'];
  const source = [path.join(REPO, 'src', 'cli.ts'), 'validate'];
  const noCache = { NODE_DISABLE_COMPILE_CACHE: '1' };
  for (let i = 0; i < 2; i++) {
    await run(bare, usageFile, repo);
    await run(bundled, usageFile, repo);
    await run(source, usageFile, repo);
  }
  const samples = {
    bare: [] as Sample[],
    bundled: [] as Sample[],
    cold: [] as Sample[],
    source: [] as Sample[],
  };
  for (let i = 0; i < runs; i++) {
    samples.bare.push(await run(bare, usageFile, repo));
    samples.bundled.push(await run(bundled, usageFile, repo));
    samples.cold.push(await run(bundled, usageFile, repo, noCache));
    samples.source.push(await run(source, usageFile, repo));
  }
  const pick = (list: Sample[], key: keyof Sample) => median(list.map((sample) => sample[key]));
  const bareCpu = pick(samples.bare, 'cpuMs');
  const overhead = pick(samples.bundled, 'cpuMs') - bareCpu;
  const coldOverhead = pick(samples.cold, 'cpuMs') - bareCpu;
  const of = `median of ${runs}`;
  await writeBenchmarkResult('startup', [
    { label: `node -e 0, CPU time (${of})`, value: round(bareCpu), unit: 'ms' },
    {
      label: `sysreg validate (bundle), CPU time (${of})`,
      value: round(pick(samples.bundled, 'cpuMs')),
      unit: 'ms',
    },
    {
      label: 'sysreg validate (bundle, new process, compile cache filled) CPU time beyond node -e 0',
      value: round(overhead),
      unit: 'ms',
      target: `≤ ${CPU_OVERHEAD_TARGET_MS} ms`,
      met: overhead <= CPU_OVERHEAD_TARGET_MS,
    },
    {
      label:
        'sysreg validate (bundle, new process, compile cache off: a first run) CPU time beyond node -e 0',
      value: round(coldOverhead),
      unit: 'ms',
    },
    {
      label: 'sysreg validate from source (src/cli.ts) CPU time beyond node -e 0',
      value: round(pick(samples.source, 'cpuMs') - bareCpu),
      unit: 'ms',
    },
    { label: `node -e 0, wall time (${of})`, value: round(pick(samples.bare, 'wallMs')), unit: 'ms' },
    {
      label: `sysreg validate (bundle), wall time (${of})`,
      value: round(pick(samples.bundled, 'wallMs')),
      unit: 'ms',
    },
    {
      label: 'peak resident memory, sysreg validate (bundle)',
      value: round(Math.max(...samples.bundled.map((s) => s.maxRssMiB)), 1),
      unit: 'MiB',
    },
    {
      label: 'peak resident memory, node -e 0',
      value: round(Math.max(...samples.bare.map((s) => s.maxRssMiB)), 1),
      unit: 'MiB',
    },
  ]);
} finally {
  await scratchFolder.remove();
}
