/**
 * Benchmark: `sysreg validate` of one pathological file, against a baseline process that reads the
 * same file, `yaml.parse`s it and prints validate's capped report (captured beforehand). Two files:
 * 60,000 unknown keys (every key a diagnostic), and 30,000 duplicate client ids (every repeat a
 * diagnostic). Validation runs on fork pull requests, so such a file must cost a parse and a print,
 * not minutes. The baseline parses without the yaml library's duplicate-key check, which compares
 * each key with every earlier one: the linear floor. Both run as fresh child processes, alternating;
 * each reports its own CPU time, the steady measure on a shared machine; the medians are compared.
 *
 *   npx node scripts/bench-validate-flood.ts [--runs 5]
 *
 * Writes scripts/results/validate-flood.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { writeBenchmarkResult, type BenchmarkFigure } from './bench-result.ts';
import { createScratchFolder } from './working-files.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const TARGET_RATIO = 2;
const FILE = 'systems/314159268_flood.yaml';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

/** A valid system's fields, then the flood. */
function renderSystem(clientIds: string[], extraLines: string[]): string {
  return [
    'id: 314159268_flood',
    'vendor:',
    '  ID: "0192:314159268"',
    'name:',
    '  nb: Flom',
    '  nn: Flaum',
    '  en: Flood',
    'description:',
    '  nb: Et system med svært mange feil.',
    '  nn: Eit system med svært mange feil.',
    '  en: A system with very many mistakes.',
    'rights:',
    '  - resource:',
    '      - id: urn:altinn:resource',
    '        value: ske-krav-og-betalinger',
    'clientId:',
    ...clientIds.map((clientId) => `  - ${clientId}`),
    'isVisible: true',
    ...extraLines,
    '',
  ].join('\n');
}

const CASES = [
  {
    name: '60,000 unknown keys',
    text: renderSystem(
      ['flood-client'],
      Array.from({ length: 60_000 }, (_, index) => `k${index}: x`),
    ),
  },
  {
    name: '30,000 duplicate client ids',
    text: renderSystem(
      Array.from({ length: 30_000 }, () => 'same-client'),
      [],
    ),
  },
];

/** Reads the file, parses it, prints the report validate printed: the floor any validator stands on. */
const BASELINE = `
import { readFileSync, writeSync } from 'node:fs';
import { parse } from '${pathToFileURL(path.join(REPO, 'node_modules', 'yaml', 'dist', 'index.js')).href}';
const data = parse(readFileSync(process.env.BENCH_FILE, 'utf8'), { uniqueKeys: false });
if (typeof data !== 'object') process.exit(2);
writeSync(1, readFileSync(process.env.BENCH_REPORT, 'utf8'));
`;

const CPU_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs';" +
    "process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });",
)}`;

interface Sample {
  wallMs: number;
  cpuMs: number;
  stdout: string;
}

async function run(args: string[], cwd: string, env: Record<string, string>): Promise<Sample> {
  const started = performance.now();
  const output = await $({
    cwd,
    env: { ...process.env, ...env },
    prefix: '',
    quiet: true,
    nothrow: true,
    timeout: 600_000,
  })`${NODE} --import ${CPU_REPORTER} ${args}`;
  const wallMs = performance.now() - started;
  // validate exits 1 (the file has errors); anything else, or a timeout, is a failure.
  if (output.exitCode !== 0 && output.exitCode !== 1)
    throw new Error(`${args.join(' ')} failed (${output.exitCode}): ${output.stderr.slice(0, 500)}`);
  return { wallMs, cpuMs: Number(await readFile(env.BENCH_CPU_FILE!, 'utf8')), stdout: output.stdout };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

const scratchFolder = await createScratchFolder('sysreg-bench-');
const scratch = scratchFolder.path;
try {
  const figures: BenchmarkFigure[] = [];
  for (const flood of CASES) {
    const root = path.join(scratch, flood.name.replace(/\W+/g, '-'));
    await mkdir(path.join(root, 'systems'), { recursive: true });
    const file = path.join(root, FILE);
    await writeFile(file, flood.text);
    const env = {
      BENCH_CPU_FILE: path.join(scratch, 'cpu'),
      BENCH_FILE: file,
      BENCH_REPORT: path.join(scratch, 'report.txt'),
    };
    const validateArgs = [path.join(REPO, 'src', 'cli.ts'), 'validate'];
    const baselineArgs = ['--input-type=module', '--eval', BASELINE];
    // The warm-up of validate also captures the report the baseline prints.
    const report = (await run(validateArgs, root, env)).stdout;
    await writeFile(env.BENCH_REPORT, report);
    await run(baselineArgs, root, env);
    const baseline: Sample[] = [];
    const validate: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push(await run(baselineArgs, root, env));
      validate.push(await run(validateArgs, root, env));
    }
    const cpuRatio = median(validate.map((s) => s.cpuMs)) / median(baseline.map((s) => s.cpuMs));
    const of = `${flood.name}, ${Math.round(Buffer.byteLength(flood.text) / 1024)} KiB, median of ${runs}`;
    figures.push(
      {
        label: `baseline CPU time: read + yaml.parse + print the report (${of})`,
        value: round(median(baseline.map((s) => s.cpuMs))),
        unit: 'ms',
      },
      {
        label: `sysreg validate CPU time (${of}; ${report.split('\n').length} report lines)`,
        value: round(median(validate.map((s) => s.cpuMs))),
        unit: 'ms',
      },
      {
        label: `validate / baseline, CPU time (${flood.name})`,
        value: round(cpuRatio, 2),
        unit: 'ratio',
        target: `≤ ${TARGET_RATIO}× baseline`,
        met: cpuRatio <= TARGET_RATIO,
      },
      {
        label: `validate / baseline, wall time (${flood.name}; noisy on a shared machine)`,
        value: round(median(validate.map((s) => s.wallMs)) / median(baseline.map((s) => s.wallMs)), 2),
        unit: 'ratio',
      },
    );
  }
  await writeBenchmarkResult('validate-flood', figures);
} finally {
  await scratchFolder.remove();
}
