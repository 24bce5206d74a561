/**
 * Benchmark: the pull-request check, from job start to annotations, before and after the action.
 * - before: what the workflows ran until the action existed: `npm ci` of sysreg's lockfile in a
 *   fresh folder (npm's cache warm, as setup-node's cache makes it), then
 *   `node src/cli.ts validate --report github`;
 * - after: the action as the runner starts it: `node dist/action.js` from a folder holding only
 *   action.yml and dist/, with INPUT_COMMAND=validate.
 * Both validate the same vendor repository (the example systems plus one broken file, so there are
 * annotations) with the standard GITHUB_* variables, and must print the same annotation. The
 * checkout step, common to both, is left out; the old path also needed setup-node, the new one not
 * (node24 is part of the runner). Wall time, median of a few runs, on this shared machine.
 *
 *   npx node scripts/bench-pr-check.ts [--runs 3]
 *
 * Writes scripts/results/pr-check.json.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { writeBenchmarkResult } from './bench-result.ts';
import { createScratchFolder } from './working-files.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const EXAMPLE_SYSTEMS = path.join(REPO, 'test', 'fixtures', 'example-systems');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const scratchFolder = await createScratchFolder('sysreg-bench-pr-check-');
const scratch = scratchFolder.path;
try {
  const workspace = path.join(scratch, 'vendor');
  await mkdir(path.join(workspace, '.git'), { recursive: true });
  await cp(EXAMPLE_SYSTEMS, path.join(workspace, 'systems'), { recursive: true });
  const broken = (
    await readFile(path.join(EXAMPLE_SYSTEMS, '314159268_fjordsoft_lonn.yaml'), 'utf8')
  ).replace(/isVisible: \w+/, 'isVisible: maybe');
  await writeFile(path.join(workspace, 'systems', '314159268_fjordsoft_lonn.yaml'), broken);
  const actionFolder = path.join(scratch, 'action');
  await mkdir(actionFolder);
  await cp(path.join(REPO, 'action.yml'), path.join(actionFolder, 'action.yml'));
  await cp(path.join(REPO, 'dist'), path.join(actionFolder, 'dist'), { recursive: true });

  const githubEnv = async (name: string) => {
    const folder = await mkdtemp(path.join(scratch, `${name}-`));
    const files = {
      GITHUB_OUTPUT: 'output',
      GITHUB_STEP_SUMMARY: 'summary',
      GITHUB_EVENT_PATH: 'event.json',
    };
    for (const file of Object.values(files))
      await writeFile(path.join(folder, file), file === 'event.json' ? '{}' : '');
    return {
      ...process.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'vendor/systems',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_RUN_ID: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      ...Object.fromEntries(Object.entries(files).map(([key, file]) => [key, path.join(folder, file)])),
    };
  };
  // @actions/core writes the properties after `::error ` in its own order, each escaped (no bare `:`).
  const annotation = /^::error [^:\n]*\bfile=systems\/314159268_fjordsoft_lonn\.yaml\b[^:\n]*::/m;

  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Before: a fresh copy of sysreg's sources and lockfile, `npm ci`, then validate from source.
    const checkout = path.join(scratch, `sysreg-${i}`);
    await mkdir(checkout);
    for (const entry of ['package.json', 'package-lock.json', 'src', '.sysreg'])
      await cp(path.join(REPO, entry), path.join(checkout, entry), { recursive: true });
    const env = await githubEnv(`before-${i}`);
    let started = performance.now();
    await $({
      cwd: checkout,
      env,
      quiet: true,
      timeout: 600_000,
    })`npm ci --prefer-offline --no-audit --no-fund`;
    const old = await $({
      cwd: workspace,
      env,
      quiet: true,
      nothrow: true,
      timeout: 120_000,
    })`${path.join(checkout, 'node_modules', '.bin', 'node')} ${path.join(checkout, 'src', 'cli.ts')} validate --report github`;
    before.push(performance.now() - started);
    if (!annotation.test(old.stdout))
      throw new Error(`the old path printed no annotation: ${old.stdout}${old.stderr}`);
    await rm(checkout, { recursive: true, force: true });

    // After: the committed action, alone in its folder.
    const actionEnv = { ...(await githubEnv(`after-${i}`)), INPUT_COMMAND: 'validate' };
    started = performance.now();
    const now = await $({
      cwd: workspace,
      env: actionEnv,
      quiet: true,
      nothrow: true,
      timeout: 120_000,
    })`${NODE} ${path.join(actionFolder, 'dist', 'action.js')}`;
    after.push(performance.now() - started);
    if (!annotation.test(now.stdout))
      throw new Error(`the action printed no annotation: ${now.stdout}${now.stderr}`);
  }
  const round = (value: number) => Math.round(value);
  await writeBenchmarkResult('pr-check', [
    {
      label: `before: npm ci + validate --report github, wall time (median of ${runs})`,
      value: round(median(before)),
      unit: 'ms',
    },
    {
      label: `after: the action (dist/action.js, INPUT_COMMAND=validate), wall time (median of ${runs})`,
      value: round(median(after)),
      unit: 'ms',
    },
    {
      label: 'before / after, wall time',
      value: Math.round((median(before) / median(after)) * 10) / 10,
      unit: '×',
    },
  ]);
} finally {
  await scratchFolder.remove();
}
