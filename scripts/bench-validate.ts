/**
 * Benchmark: `sysreg validate` over 5,000 generated system files, as shipped (the bundle, dist/bin.js)
 * and from source (src/cli.ts, for comparison), against a baseline process that only
 * reads the same files and `yaml.parse`s them. Both run as fresh child processes (start-up included),
 * alternating, and the medians are compared as ratios, because the machine is shared and noisy. Each
 * child reports its own CPU time (user + system) on exit: on a shared machine that is the steady
 * measure of the work done; wall-clock time is recorded beside it.
 *
 *   npx node scripts/bench-validate.ts [--files 5000] [--runs 5]
 *
 * Writes scripts/results/validate.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { writeBenchmarkResult } from './bench-result.ts';
import { createScratchFolder } from './working-files.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const TARGET_RATIO = 1.2;

const { values } = parseArgs({
  options: { files: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } },
});
const fileCount = Number(values.files);
const runs = Number(values.runs);

/** Reads and parses every file under systems/, nothing else: the floor any validator stands on. */
const BASELINE = `
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from '${pathToFileURL(path.join(REPO, 'node_modules', 'yaml', 'dist', 'index.js')).href}';
const dir = path.join(process.cwd(), 'systems');
const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
let keys = 0;
for (let i = 0; i < names.length; i += 32) {
  const texts = await Promise.all(names.slice(i, i + 32).map((n) => readFile(path.join(dir, n), 'utf8')));
  for (const text of texts) keys += Object.keys(parse(text)).length;
}
console.log(names.length, keys);
`;

const PACKAGES = [
  'skattegrunnlag',
  'merverdiavgift',
  'lonn',
  'ansettelsesforhold',
  'sykefravaer',
  'ordinaer-post-til-virksomheten',
];
const RESOURCES = [
  'app_ttd_endring-av-navn-v2',
  'ske-krav-og-betalinger',
  'authentication-e2e-test',
  'ttd-systemuser-resource',
];

/** A valid system file; every third one has tt02/prod overrides, so environments are exercised too. */
function renderSystem(index: number): { id: string; text: string } {
  const id = `314159268_bench_${String(index).padStart(5, '0')}`;
  const lines = [
    '# yaml-language-server: $schema=../.sysreg/system.schema.json',
    `id: ${id}`,
    'vendor:',
    '  ID: "0192:314159268"',
    'name:',
    `  nb: Benkesystem ${index}`,
    `  nn: Benkesystem ${index}`,
    `  en: Bench system ${index}`,
    'description:',
    `  nb: Et generert system nummer ${index} for ytelsesmåling.`,
    `  nn: Eit generert system nummer ${index} for yting.`,
    `  en: A generated system number ${index} for benchmarking.`,
    'rights:',
    ...[0, 1].flatMap((k) => [
      '  - resource:',
      '      - id: urn:altinn:resource',
      `        value: ${RESOURCES[(index + k) % RESOURCES.length]}`,
    ]),
    'accessPackages:',
    `  - urn: urn:altinn:accesspackage:${PACKAGES[index % PACKAGES.length]}`,
    `  - urn: urn:altinn:accesspackage:${PACKAGES[(index + 1) % PACKAGES.length]}`,
    'clientId:',
    `  - bench-${index}-a`,
    `  - bench-${index}-b`,
    'allowedRedirectUrls:',
    `  - https://bench${index}.example/callback`,
    'isVisible: true',
  ];
  if (index % 3 === 0) {
    lines.push(
      'environments:',
      '  tt02:',
      '    clientId:',
      `      - bench-${index}-test`,
      '  prod:',
      '    allowedRedirectUrls:',
      `      - https://prod.bench${index}.example/callback`,
    );
  }
  return { id, text: `${lines.join('\n')}\n` };
}

/**
 * Preloaded into each child: writes the child's own CPU time to $BENCH_CPU_FILE when it exits. zx
 * gives a child's duration, not its CPU time, and would count the shell it starts, so the child
 * reports its own.
 */
const CPU_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs';" +
    "process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });",
)}`;

interface Sample {
  wallMs: number;
  cpuMs: number;
}

async function run(args: string[], cwd: string, cpuFile: string): Promise<Sample> {
  const started = performance.now();
  // No `set -euo pipefail` prefix: a single command, so the shell execs Node and adds no process.
  const output = await $({
    cwd,
    env: { ...process.env, BENCH_CPU_FILE: cpuFile },
    prefix: '',
    quiet: true,
    nothrow: true,
    timeout: 300_000,
  })`${NODE} --import ${CPU_REPORTER} ${args}`;
  const wallMs = performance.now() - started;
  if (!output.ok) throw new Error(`${args.join(' ')} failed: ${output.stderr || output.stdout}`);
  return { wallMs, cpuMs: Number(await readFile(cpuFile, 'utf8')) };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const scratchFolder = await createScratchFolder('sysreg-bench-');
const scratch = scratchFolder.path;
try {
  const root = path.join(scratch, 'repo');
  await mkdir(path.join(root, 'systems'), { recursive: true });
  const cpuFile = path.join(scratch, 'cpu');
  for (let index = 0; index < fileCount; index++) {
    const { id, text } = renderSystem(index);
    await writeFile(path.join(root, 'systems', `${id}.yaml`), text);
  }
  const baselineArgs = ['--input-type=module', '--eval', BASELINE];
  const validateArgs = [path.join(REPO, 'dist', 'bin.js'), 'validate', '--format', 'json'];
  const sourceArgs = [path.join(REPO, 'src', 'cli.ts'), 'validate', '--format', 'json'];
  // One warm-up of each, so the file cache and Node's compile cache treat them alike.
  await run(baselineArgs, root, cpuFile);
  await run(validateArgs, root, cpuFile);
  await run(sourceArgs, root, cpuFile);
  const baseline: Sample[] = [];
  const validate: Sample[] = [];
  const source: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(await run(baselineArgs, root, cpuFile));
    validate.push(await run(validateArgs, root, cpuFile));
    source.push(await run(sourceArgs, root, cpuFile));
  }
  const sourceRatio = median(source.map((s) => s.cpuMs)) / median(baseline.map((s) => s.cpuMs));
  const cpuRatio = median(validate.map((s) => s.cpuMs)) / median(baseline.map((s) => s.cpuMs));
  const wallRatio = median(validate.map((s) => s.wallMs)) / median(baseline.map((s) => s.wallMs));
  const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
  const of = `${fileCount} files, median of ${runs}`;
  await writeBenchmarkResult('validate', [
    {
      label: `baseline CPU time: read + yaml.parse (${of})`,
      value: round(median(baseline.map((s) => s.cpuMs))),
      unit: 'ms',
    },
    {
      label: `sysreg validate (bundle) CPU time (${of})`,
      value: round(median(validate.map((s) => s.cpuMs))),
      unit: 'ms',
    },
    {
      label: 'validate (bundle) / baseline, CPU time',
      value: round(cpuRatio, 2),
      unit: 'ratio',
      target: `≤ ${TARGET_RATIO}× baseline`,
      met: cpuRatio <= TARGET_RATIO,
    },
    {
      label: `sysreg validate from source (src/cli.ts) CPU time (${of})`,
      value: round(median(source.map((s) => s.cpuMs))),
      unit: 'ms',
    },
    { label: 'validate from source / baseline, CPU time', value: round(sourceRatio, 2), unit: 'ratio' },
    {
      label: `baseline wall time (${of})`,
      value: round(median(baseline.map((s) => s.wallMs))),
      unit: 'ms',
    },
    {
      label: `sysreg validate wall time (${of})`,
      value: round(median(validate.map((s) => s.wallMs))),
      unit: 'ms',
    },
    {
      label: 'validate / baseline, wall time (noisy on a shared machine)',
      value: round(wallRatio, 2),
      unit: 'ratio',
      target: `≤ ${TARGET_RATIO}× baseline`,
      met: wallRatio <= TARGET_RATIO,
    },
  ]);
} finally {
  await scratchFolder.remove();
}
