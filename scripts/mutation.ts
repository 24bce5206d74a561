/**
 * `npm run mutation`: Stryker over the planner (src/plan/), the executor (src/apply/), the register's
 * rules (src/systems/rules*.ts) and the canonical comparison (stryker.config.json says which files and
 * which tests), then `scripts/results/mutation.json` with the score, killed / (killed + survived), and a
 * row in BENCHMARKS.md (`npm run bench -- --report`). Incremental: a second run tests only the mutants
 * whose code or tests changed.
 *
 *   npm run mutation                  run Stryker, then write the result
 *   npm run mutation -- --report-only write the result from the last Stryker report
 *   npm run mutation -- --mutate src/model/canonical.ts --tests 'test/model/**'
 *                                     a bounded run: some files, and only the tests named
 *   npm run mutation -- --report-only --from reports/mutation/stryker-incremental.json --mutants 3018
 *                                     the result of an interrupted run: its report lists only the
 *                                     mutants it tested, so --mutants gives the count Stryker printed
 *                                     at the start ("Instrumented … with N mutant(s)")
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchmarkResult } from './bench-result.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const REPORT = path.join(REPO, 'reports', 'mutation', 'mutation.json');
const TARGET_SCORE = 0.85;

/** The part of Stryker's mutation-testing-report-schema JSON this reads. */
interface MutationReport {
  files: Record<
    string,
    { mutants: { status: string; mutatorName: string; location: { start: { line: number } } }[] }
  >;
}

export interface MutationTally {
  killed: number;
  survived: number;
  timeout: number;
  noCoverage: number;
  /** Static mutants (`ignoreStatic`): code run once at import, which per-test coverage cannot judge. */
  ignored: number;
  /** Not yet tested when a run was interrupted (Pending), or that Stryker could not run. */
  other: number;
}

/** Killed counts what a test caught (a timeout is a test that hung on the mutant: caught too). */
export function tallyMutants(report: MutationReport): {
  total: MutationTally;
  byFile: Record<string, MutationTally>;
} {
  const empty = (): MutationTally => ({
    killed: 0,
    survived: 0,
    timeout: 0,
    noCoverage: 0,
    ignored: 0,
    other: 0,
  });
  const total = empty();
  const byFile: Record<string, MutationTally> = {};
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const tally = (byFile[file] = empty());
    for (const mutant of mutants) {
      const key =
        mutant.status === 'Killed'
          ? 'killed'
          : mutant.status === 'Survived'
            ? 'survived'
            : mutant.status === 'Timeout'
              ? 'timeout'
              : mutant.status === 'NoCoverage'
                ? 'noCoverage'
                : mutant.status === 'Ignored'
                  ? 'ignored'
                  : 'other';
      tally[key] += 1;
      total[key] += 1;
    }
  }
  return { total, byFile };
}

const { values } = parseArgs({
  options: {
    'report-only': { type: 'boolean', default: false },
    mutate: { type: 'string' },
    tests: { type: 'string' },
    from: { type: 'string' },
    mutants: { type: 'string' },
  },
});
let strykerSeconds: number | null = null;
if (!values['report-only']) {
  const started = performance.now();
  // Run on this Node (the project's 24): the shebang of Stryker's bin would pick the machine's.
  const bin = path.join(REPO, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const narrow = values.mutate ? ['--mutate', values.mutate] : [];
  const stryker = spawnSync(process.execPath, [bin, 'run', ...narrow], {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, ...(values.tests ? { SYSREG_MUTATION_TESTS: values.tests } : {}) },
  });
  if (stryker.status !== 0) {
    process.stderr.write(`stryker exited with ${stryker.status ?? stryker.signal}\n`);
    process.exit(1);
  }
  strykerSeconds = Math.round((performance.now() - started) / 1000);
}
const reportFile = values.from ? path.resolve(REPO, values.from) : REPORT;
const report = JSON.parse(await readFile(reportFile, 'utf8')) as MutationReport;
const { total, byFile } = tallyMutants(report);
if (values.mutants !== undefined) {
  if (!/^\d+$/.test(values.mutants)) {
    process.stderr.write(`--mutants takes a whole number, got ${values.mutants}\n`);
    process.exit(2);
  }
  const listed = Object.values(total).reduce((sum, count) => sum + count, 0);
  total.other += Math.max(0, Number(values.mutants) - listed);
}
const caught = total.killed + total.timeout;
// Mutants no selected test runs count as survivors: nothing would notice them either.
const missed = total.survived + total.noCoverage;
const score = caught / (caught + missed);
const tested = caught + missed;
await writeBenchmarkResult(
  'mutation',
  [
    {
      label: 'mutation score, killed / (killed + survived)',
      value: Math.round(score * 1000) / 10,
      unit: '%',
      target: `≥ ${TARGET_SCORE * 100}%`,
      met: score >= TARGET_SCORE,
    },
    { label: 'mutants killed (timeouts included)', value: caught, unit: 'mutants', target: 'report only' },
    {
      label: 'mutants survived (no coverage included)',
      value: missed,
      unit: 'mutants',
      target: 'report only',
    },
    {
      label: 'mutants not tested (run interrupted)',
      value: total.other,
      unit: 'mutants',
      target: 'report only',
    },
  ],
  {
    script: 'scripts/mutation.ts',
    notes: [
      `\`npm run mutation\` (Stryker, incremental): ${tested} of ${tested + total.other} mutants tested` +
        `${total.other > 0 ? ` (the run was interrupted; a rerun tests only the ${total.other} left)` : ''}` +
        `, ${total.ignored} static mutants ignored. Scope: ${values.mutate ?? 'stryker.config.json'}.`,
      'Surviving mutants judged equivalent (no test can tell them apart), each with its reason: `scripts/results/mutation-equivalent.md`.',
    ],
    score,
    killed: caught,
    survived: missed,
    tested,
    scope: values.mutate ?? 'stryker.config.json',
    report: path.relative(REPO, reportFile),
    // Seconds of this Stryker run (an incremental run retests only what changed); null for --report-only.
    strykerSeconds,
    untested: total.other,
    tests: values.tests ?? 'stryker.vitest.config.ts',
    tally: total,
    byFile,
  },
);
