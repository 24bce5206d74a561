/**
 * `npm run test:reliability`: the long reliability runs, then a secrets scan over everything they
 * printed or wrote. Writes its summary to scripts/results/reliability.json and the Reliability
 * section of BENCHMARKS.md. Exits 1 when any check fails.
 *
 * The checks call the runs that other parts of sysreg define instead of copying them:
 *   - every `scripts/soak-*.ts` and `scripts/kill-*.ts` (apply's fault soak and kill-and-resume runs);
 *   - the fault, kill and resume tests of the suite (`test/**` files named for them), in one vitest run;
 *   - the validator fuzz, `scripts/fuzz-validate.ts`, with many more cases than `npm test` runs;
 *   - the attack stage: the cases an attack on sysreg found (`test/attack/`: links out of systems/,
 *     FIFOs, floods of problems, hostile text, broken pipes, secrets in the wrong variable, …) through
 *     the real CLI, and a fuzz of fmt (`scripts/fuzz-fmt.ts`) with the validator fuzz's inputs;
 *   - a secrets scan (`scripts/scan-secrets.ts`) over the output of all of the above, the files they
 *     left in their own temp folder, the results folder and the working tree's changes. A key made
 *     here first proves the scan sees a secret.
 *
 *   npm run test:reliability [-- --fuzz-runs 3000]
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { exportPKCS8, generateKeyPair } from 'jose';
import { $ } from 'zx';
import { writeBenchmarksMarkdown, type ReliabilitySummary } from './bench.ts';
import { scanForSecrets } from './scan-secrets.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const RUN_TIME_LIMIT_MS = 15 * 60_000;
/** Tests that inject faults or kill processes, by name or by what they do. */
const FAULT_TEST_NAME = /(fault|soak|kill|resume|crash)/i;
const FAULT_TEST_CONTENT = /(SIGKILL|kill -9|setFaults\(|\/_emulator\/faults|resetRate|timeoutRate)/;

type Check = ReliabilitySummary['checks'][number];

interface Captured {
  code: number;
  output: string;
  timedOut: boolean;
  seconds: number;
}

/** Everything the children printed, kept for the secrets scan. */
const printed: { name: string; text: string }[] = [];

async function runChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  limitMs = RUN_TIME_LIMIT_MS,
): Promise<Captured> {
  process.stdout.write(`\n▶ ${name}: ${path.basename(process.execPath)} ${args.join(' ')}\n`);
  const started = performance.now();
  // Quiet and captured (stdout and stderr interleaved), since it is scanned; a failure is a check
  // result, not a throw. On timeout zx kills the child's whole process tree.
  const result = await $({
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    quiet: true,
    nothrow: true,
    timeout: limitMs,
    timeoutSignal: 'SIGKILL',
  })`${process.execPath} ${args}`;
  const output = result.stdall;
  printed.push({ name, text: output });
  const elapsedMs = performance.now() - started;
  // Show the tail: the whole output of a soak is long, and it is scanned, not read.
  process.stdout.write(`${output.trimEnd().split('\n').slice(-6).join('\n')}\n`);
  return {
    code: result.exitCode ?? 1,
    output,
    timedOut: result.signal === 'SIGKILL' && elapsedMs >= limitMs,
    seconds: Math.round(elapsedMs / 100) / 10,
  };
}

function lastLine(text: string): string {
  const lines = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '(no output)';
}

/** Soak scripts print one JSON line per seed with a `verdict`; fold them into one line. */
function summariseSeedVerdicts(output: string): string | undefined {
  const verdicts: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as {
        seed?: unknown;
        verdict?: unknown;
        runs?: unknown;
        systems?: unknown;
      };
      if (parsed.seed === undefined || parsed.verdict === undefined) continue;
      const runs = Array.isArray(parsed.runs) ? `, ${parsed.runs.length} run(s)` : '';
      const systems = typeof parsed.systems === 'number' ? `${parsed.systems} systems, ` : '';
      const verdict = Array.isArray(parsed.verdict) ? parsed.verdict.join('; ') : String(parsed.verdict);
      verdicts.push(`seed ${String(parsed.seed)}: ${systems}${verdict}${runs}`);
    } catch {
      // Not a verdict line.
    }
  }
  return verdicts.length > 0 ? verdicts.join(' · ') : undefined;
}

function toCheck(name: string, run: Captured, detail: string): Check {
  if (run.timedOut)
    return {
      name,
      passed: false,
      detail: `did not finish within ${RUN_TIME_LIMIT_MS / 60_000} min`,
      seconds: run.seconds,
    };
  return {
    name,
    passed: run.code === 0,
    detail: run.code === 0 ? detail : `exit ${run.code}: ${detail}`,
    seconds: run.seconds,
  };
}

async function listReliabilityScripts(): Promise<string[]> {
  const names = await readdir(path.join(REPO, 'scripts'));
  return names
    .filter((n) => /^(soak|kill)-[\w-]+\.ts$/.test(n))
    .sort()
    .map((n) => `scripts/${n}`);
}

async function listFaultTests(folder = path.join(REPO, 'test')): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'golden' && entry.name !== 'fixtures')
      found.push(...(await listFaultTests(full)));
    else if (entry.name.endsWith('.test.ts')) {
      const text = await readFile(full, 'utf8');
      if (FAULT_TEST_NAME.test(entry.name) || FAULT_TEST_CONTENT.test(text))
        found.push(path.relative(REPO, full));
    }
  }
  return found.sort();
}

/** The attack cases: every test file under test/attack/. */
async function listAttackTests(): Promise<string[]> {
  const names = await readdir(path.join(REPO, 'test', 'attack'));
  return names
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `test/attack/${name}`);
}

async function listFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** The scan must see a secret when there is one, or a clean result would prove nothing. */
async function proveScannerSeesKeys(): Promise<boolean> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const pem = await exportPKCS8(privateKey);
  return scanForSecrets(`log line\n${pem}\n`).some((hit) => hit.kind === 'pem-private-key');
}

async function scanEverything(scratch: string): Promise<Check> {
  const started = performance.now();
  const sources = [...printed];
  for (const file of await listFiles(scratch)) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) sources.push({ name: path.relative(scratch, file), text });
  }
  const status = await $({
    cwd: REPO,
    quiet: true,
    nothrow: true,
  })`git status --porcelain --untracked-files=all`;
  const changed = status.stdout
    .split('\n')
    .map((line) => line.slice(3).trim())
    .filter((file) => file !== '' && !file.startsWith('node_modules/'));
  const results = (await readdir(path.join(REPO, 'scripts', 'results'))).map((f) => `scripts/results/${f}`);
  for (const file of new Set([...changed, ...results])) {
    const text = await readFile(path.join(REPO, file), 'utf8').catch(() => undefined);
    if (text !== undefined) sources.push({ name: file, text });
  }
  const hits = sources.flatMap(({ name, text }) =>
    scanForSecrets(text).map((hit) => `${name}:${hit.line} ${hit.kind}`),
  );
  const canary = await proveScannerSeesKeys();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (!canary)
    return { name: 'secrets scan', passed: false, detail: 'the scanner missed a generated key', seconds };
  return {
    name: 'secrets scan',
    passed: hits.length === 0,
    detail:
      hits.length === 0
        ? `${sources.length} outputs and files scanned, no secret (a generated key was found, so the scan works)`
        : `${hits.length} hit(s): ${hits.slice(0, 5).join(', ')}`,
    seconds,
  };
}

async function runReliability(): Promise<number> {
  const { values } = parseArgs({ options: { 'fuzz-runs': { type: 'string', default: '3000' } } });
  const fuzzRuns = Number(values['fuzz-runs']);
  // The children's temp files land here, so the scan sees what they wrote and nothing is left behind.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sysreg-reliability-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratch, NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('MASKINPORTEN_')) delete env[name];
  const checks: Check[] = [];
  try {
    const scripts = await listReliabilityScripts();
    if (scripts.length === 0) {
      checks.push({
        name: 'fault soak and kill-and-resume',
        passed: false,
        detail: 'no scripts/soak-*.ts or scripts/kill-*.ts found (they come with apply)',
        seconds: 0,
      });
    }
    for (const script of scripts) {
      const run = await runChild(script, [script], env);
      const kind = path.basename(script).startsWith('soak-') ? 'fault soak' : 'kill and resume';
      checks.push(
        toCheck(`${kind} (${script})`, run, summariseSeedVerdicts(run.output) ?? lastLine(run.output)),
      );
    }

    const tests = await listFaultTests();
    const vitest = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
    const testRun = await runChild('fault tests', [vitest, 'run', ...tests], env);
    const summary = /Tests\s+(.+?)\s*(?:\(|$)/m.exec(testRun.output.replace(/\u001b\[[0-9;]*m/g, ''));
    checks.push(
      toCheck(
        `fault, kill and resume tests (${tests.length} files)`,
        testRun,
        `tests ${summary?.[1] ?? lastLine(testRun.output)}`,
      ),
    );

    const fuzz = await runChild(
      'validator fuzz',
      ['scripts/fuzz-validate.ts', '--runs', String(fuzzRuns)],
      env,
    );
    let detail = lastLine(fuzz.output);
    try {
      const parsed = JSON.parse(detail) as {
        runs: number;
        seed: number;
        rejectedCases: number;
        slowestCaseMs: number;
        failure?: string;
      };
      detail = parsed.failure
        ? parsed.failure
        : `${parsed.runs} generated inputs (${parsed.rejectedCases} rejected with positioned errors, the rest valid), slowest ${parsed.slowestCaseMs} ms, seed ${parsed.seed}`;
    } catch {
      // Not JSON: a crash; keep its last line.
    }
    checks.push(toCheck('loader and validator fuzz', fuzz, detail));

    // The attack stage: each defect an attack found, through the real CLI, then fmt under the fuzz.
    const attacks = await listAttackTests();
    const attackRun = await runChild('attack cases', [vitest, 'run', ...attacks], env);
    const attackSummary = /Tests\s+(.+?)\s*(?:\(|$)/m.exec(attackRun.output.replace(/\u001b\[[0-9;]*m/g, ''));
    checks.push(
      toCheck(
        `attack cases through the CLI (${attacks.length} files)`,
        attackRun,
        `tests ${attackSummary?.[1] ?? lastLine(attackRun.output)}`,
      ),
    );
    const fmtFuzz = await runChild('fmt fuzz', ['scripts/fuzz-fmt.ts', '--runs', String(fuzzRuns)], env);
    let fmtDetail = lastLine(fmtFuzz.output);
    try {
      const parsed = JSON.parse(fmtDetail) as {
        runs: number;
        seed: number;
        rewritten: number;
        refused: number;
        slowestCaseMs: number;
        failure?: string;
      };
      fmtDetail = parsed.failure
        ? parsed.failure
        : `${parsed.runs} generated inputs (${parsed.rewritten} rewritten, each meaning the same, drawing the same errors and left as it is by a second run; ${parsed.refused} refused with a reason), slowest ${parsed.slowestCaseMs} ms, seed ${parsed.seed}`;
    } catch {
      // Not JSON: a crash; keep its last line.
    }
    checks.push(toCheck('fmt fuzz', fmtFuzz, fmtDetail));

    checks.push(await scanEverything(scratch));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const passed = checks.every((c) => c.passed);
  const summary: ReliabilitySummary = { passed, finishedAt: new Date().toISOString(), checks };
  await writeFile(
    path.join(REPO, 'scripts', 'results', 'reliability.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  await writeBenchmarksMarkdown();
  process.stdout.write('\nReliability summary:\n');
  for (const check of checks)
    process.stdout.write(
      `  ${check.passed ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail} (${check.seconds} s)\n`,
    );
  process.stdout.write(
    `Written to scripts/results/reliability.json and BENCHMARKS.md: ${passed ? 'passed' : 'FAILED'}.\n`,
  );
  return passed ? 0 : 1;
}

try {
  process.exitCode = await runReliability();
} catch (error) {
  process.stderr.write(`reliability: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
