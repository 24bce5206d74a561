/**
 * `npm run bench`: runs every benchmark (`scripts/bench-*.ts`) one after another as child processes,
 * records each one's duration and peak resident memory, then writes BENCHMARKS.md from
 * `scripts/results/*.json`: the machine, every figure with its target and whether it is met, the
 * ratios, and the peak memory. Exits 1 when a benchmark fails or a target is missed.
 *
 *   npm run bench                          every benchmark, then BENCHMARKS.md
 *   npm run bench -- --only startup,plan   some of them (the others' last results are kept)
 *   npm run bench -- --report              only rewrite BENCHMARKS.md from the results on disk
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import type { BenchmarkFigure, BenchmarkResult } from './bench-result.ts';
import { describeSource } from './working-files.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(REPO, 'scripts', 'results');
const RUN_LOG = path.join(RESULTS, 'bench-runs.json');
const DEFAULT_TIMEOUT_SECONDS = 10 * 60;

export interface BenchmarkRun {
  name: string;
  script: string;
  exitCode: number;
  seconds: number;
  /** Peak resident memory of the benchmark process (emulators and clients it starts in-process included). */
  peakRssMiB: number;
  /** Unix load average (1 min) when the run started: how busy the shared machine was. */
  loadAverage: number;
  finishedAt: string;
  /** The commit measured, marked when the tree had uncommitted changes (scripts/working-files.ts). */
  source?: string;
  /** Whether the benchmark wrote its result file in this run (a crash or timeout does not). */
  resultWritten?: boolean;
}

export interface ReliabilitySummary {
  passed: boolean;
  finishedAt: string;
  /** The commit checked, marked when the tree had uncommitted changes. */
  source?: string;
  checks: { name: string; passed: boolean; detail: string; seconds: number }[];
}

/**
 * Preloaded into each benchmark: writes its peak RSS (KiB) to $BENCH_RSS_FILE on exit. zx reports a
 * child's exit code, signal and duration but not its resource usage, and the shell zx starts sits
 * between us and the benchmark, so the benchmark process reports its own peak.
 */
const RSS_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs';" +
    "process.on('exit', () => { try { writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });",
)}`;

async function listBenchmarkScripts(): Promise<{ name: string; script: string }[]> {
  const names = (await readdir(path.join(REPO, 'scripts')))
    .filter((n) => /^bench-[\w-]+\.ts$/.test(n) && n !== 'bench-result.ts')
    .sort();
  return names.map((n) => ({ name: n.slice('bench-'.length, -'.ts'.length), script: `scripts/${n}` }));
}

async function runBenchmark(
  name: string,
  script: string,
  options: { timeoutMs: number; source: string },
): Promise<BenchmarkRun> {
  // The benchmark's temp folder is ours: removed after it ends however it ended. Its own clean-up on
  // SIGTERM can lose a race with work still in flight (an async copy re-creating a folder it removed).
  const runTemp = await mkdtemp(path.join(os.tmpdir(), `sysreg-bench-run-${name}-`));
  const rssFile = path.join(runTemp, 'peak-rss');
  const resultFile = path.join(RESULTS, `${name}.json`);
  const resultBefore = await stat(resultFile).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
  const loadAverage = os.loadavg()[0] ?? 0;
  const started = performance.now();
  process.stdout.write(`\n▶ ${script} (load ${loadAverage.toFixed(1)})\n`);
  // The benchmark prints straight to our terminal; a failure is recorded, not thrown.
  const output = await $({
    cwd: REPO,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, TMPDIR: runTemp },
    stdio: ['ignore', 'inherit', 'inherit'],
    nothrow: true,
    timeout: options.timeoutMs,
  })`${process.execPath} --import ${RSS_REPORTER} ${script}`;
  const kib = await readFile(rssFile, 'utf8').catch(() => 'NaN');
  await rm(runTemp, { recursive: true, force: true });
  const resultAfter = await stat(resultFile).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
  return {
    name,
    script,
    exitCode: output.exitCode ?? 1,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    peakRssMiB: Math.round(Number(kib) / 102.4) / 10,
    loadAverage: Math.round(loadAverage * 10) / 10,
    finishedAt: new Date().toISOString(),
    source: options.source,
    resultWritten: resultAfter !== undefined && resultAfter !== resultBefore,
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function readBenchmarkResults(): Promise<BenchmarkResult[]> {
  const results: BenchmarkResult[] = [];
  for (const name of (await readdir(RESULTS)).filter((n) => n.endsWith('.json')).sort()) {
    const parsed = await readJson<Partial<BenchmarkResult>>(path.join(RESULTS, name));
    if (parsed && typeof parsed.name === 'string' && Array.isArray(parsed.figures) && parsed.machine)
      results.push(parsed as BenchmarkResult);
  }
  return results;
}

const formatNumber = (value: number) =>
  Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : String(value).replace(/^(-?\d+)(\.\d+)?$/, '$1$2');

function formatValue(figure: BenchmarkFigure): string {
  const unit = figure.unit === '×' || figure.unit === 'ratio' ? '×' : ` ${figure.unit}`;
  return `${formatNumber(figure.value)}${unit}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A figure that can be missed: one with a real target (baselines and report-only figures cannot). */
function hasTarget(figure: BenchmarkFigure): boolean {
  return Boolean(figure.target) && figure.target !== 'report only' && figure.target !== 'baseline';
}

/** When a run finished, on what, and whether it failed: a failed run's figures are older ones. */
function describeRun(run: BenchmarkRun): string {
  const when = run.finishedAt.slice(0, 16).replace('T', ' ');
  const failed = run.exitCode !== 0 && run.resultWritten === false;
  return `${when}${run.source ? ` at ${run.source}` : ''}${failed ? ` (failed, exit ${run.exitCode}; figures from an earlier run)` : ''}`;
}

/** BENCHMARKS.md, from the results and the last run of each benchmark. */
export function renderBenchmarksMarkdown(
  results: BenchmarkResult[],
  runs: BenchmarkRun[],
  reliability?: ReliabilitySummary,
): string {
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` from `scripts/results/*.json`; do not edit by hand. Each benchmark is a',
    'script in `scripts/` that anyone can rerun. The machine is shared and noisy, so the targets are',
    'ratios measured within one run wherever a baseline exists; absolute times are for scale.',
    '',
  ];
  const machines = new Map(results.map((r) => [JSON.stringify(r.machine), r.machine]));
  lines.push('## Machine', '');
  for (const machine of machines.values()) {
    lines.push(
      `- ${machine.cpus} CPUs (${machine.model}), ${machine.memoryGiB} GiB memory, Node ${machine.node}`,
    );
  }
  lines.push('');
  const targeted = results.flatMap((r) => r.figures.filter(hasTarget));
  const missed = targeted.filter((f) => f.met === false);
  lines.push(
    '## Summary',
    '',
    `${targeted.length - missed.length} of ${targeted.length} targets met.`,
    '',
    '| Benchmark | Figure | Value | Target | Met |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const result of results) {
    for (const figure of result.figures.filter(hasTarget)) {
      lines.push(
        `| [${result.name}](#${result.name}) | ${escapeCell(figure.label)} | ${formatValue(figure)} | ${escapeCell(figure.target ?? '')} | ${figure.met ? '✅' : '❌'} |`,
      );
    }
  }
  lines.push(
    '',
    '| Benchmark | Peak memory | Run time | Load average at start | Last run (UTC), at |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const result of results) {
    const run = runs.find((r) => r.name === result.name);
    lines.push(
      run
        ? `| ${result.name} | ${run.peakRssMiB} MiB | ${run.seconds} s | ${run.loadAverage} | ${describeRun(run)} |`
        : `| ${result.name} | – | – | – | not run by \`npm run bench\` yet |`,
    );
  }
  lines.push(
    '',
    'Peak memory is the peak resident set of the benchmark process, including the local Altinn and the',
    'client when it runs them in-process. Where the CLI runs as a child process (validate, startup), the',
    "child's own peak is among the figures when the benchmark measures it.",
    '',
  );
  for (const result of results) {
    const run = runs.find((r) => r.name === result.name);
    lines.push(`## ${result.name}`, '');
    lines.push(
      `\`${run?.script ?? result.script ?? `scripts/bench-${result.name}.ts`}\`${run ? `, ${run.seconds} s, peak ${run.peakRssMiB} MiB` : ''}.`,
      '',
    );
    if (result.notes) lines.push(...result.notes, '');
    lines.push('| Figure | Value | Target | Met |', '| --- | --- | --- | --- |');
    for (const figure of result.figures) {
      const met = figure.met === undefined || figure.target === undefined ? '' : figure.met ? '✅' : '❌';
      lines.push(
        `| ${escapeCell(figure.label)} | ${formatValue(figure)} | ${escapeCell(figure.target ?? '')} | ${met} |`,
      );
    }
    lines.push('');
  }
  if (reliability) {
    lines.push(
      '## Reliability',
      '',
      `\`npm run test:reliability\` (\`scripts/reliability.ts\`), ${reliability.finishedAt.slice(0, 16).replace('T', ' ')}${reliability.source ? ` at ${reliability.source}` : ''}: ${reliability.passed ? 'passed ✅' : 'FAILED ❌'}. Summary in \`scripts/results/reliability.json\`.`,
      '',
      '| Check | Result | Detail | Time |',
      '| --- | --- | --- | --- |',
    );
    for (const check of reliability.checks) {
      lines.push(
        `| ${escapeCell(check.name)} | ${check.passed ? '✅' : '❌'} | ${escapeCell(check.detail)} | ${check.seconds} s |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Rewrites BENCHMARKS.md from the files on disk, formatted as the repository formats Markdown. */
export async function writeBenchmarksMarkdown(): Promise<{ missed: number }> {
  const results = await readBenchmarkResults();
  const runs = (await readJson<BenchmarkRun[]>(RUN_LOG)) ?? [];
  const reliability = await readJson<ReliabilitySummary>(path.join(RESULTS, 'reliability.json'));
  const markdown = renderBenchmarksMarkdown(results, runs, reliability);
  const target = path.join(REPO, 'BENCHMARKS.md');
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(target)) ?? {};
  await writeFile(target, await prettier.format(markdown, { ...options, filepath: target }));
  const missed = results.flatMap((r) => r.figures).filter((f) => f.target && f.met === false).length;
  return { missed };
}

async function runBench(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      report: { type: 'boolean', default: false },
      // Seconds one benchmark may run before it is stopped (SIGTERM) and counted as failed.
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
    },
  });
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) {
    process.stderr.write(`bench: --timeout must be a number of seconds, got '${values.timeout}'\n`);
    return 1;
  }
  let failed = 0;
  const unfinished: string[] = [];
  if (!values.report) {
    const all = await listBenchmarkScripts();
    const wanted = values.only?.split(',').map((n) => n.trim());
    const unknown = wanted?.filter((n) => !all.some((b) => b.name === n)) ?? [];
    if (unknown.length > 0) {
      process.stderr.write(`bench: no scripts/bench-${unknown.join('.ts, scripts/bench-')}.ts\n`);
      return 1;
    }
    const selected = wanted ? all.filter((b) => wanted.includes(b.name)) : all;
    const previous = (await readJson<BenchmarkRun[]>(RUN_LOG)) ?? [];
    const runs = new Map(previous.map((r) => [r.name, r]));
    const source = await describeSource();
    for (const { name, script } of selected) {
      const run = await runBenchmark(name, script, { timeoutMs, source });
      runs.set(name, run);
      if (run.exitCode !== 0) {
        failed += 1;
        process.stderr.write(`bench: ${script} exited ${run.exitCode}\n`);
      }
      if (!run.resultWritten) unfinished.push(name);
      await writeFile(RUN_LOG, `${JSON.stringify([...runs.values()], null, 2)}\n`);
    }
  }
  // A benchmark that stopped before writing its result measured nothing: BENCHMARKS.md stays as it
  // was rather than be rewritten around a run that did not finish.
  if (unfinished.length > 0) {
    process.stdout.write(
      `\nBENCHMARKS.md left as it was: ${unfinished.join(', ')} stopped before writing a result ` +
        '(see scripts/results/bench-runs.json); rerun, or `npm run bench -- --report` to write it anyway.\n',
    );
    return 1;
  }
  const { missed } = await writeBenchmarksMarkdown();
  process.stdout.write(
    `\nBENCHMARKS.md written: ${failed} benchmark(s) failed, ${missed} target(s) missed.\n`,
  );
  return failed > 0 || missed > 0 ? 1 : 0;
}

if (import.meta.main) {
  try {
    process.exitCode = await runBench();
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
