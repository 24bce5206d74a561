/**
 * Runs the test suite and scans everything it left behind for secrets: its stdout and stderr, the
 * files it created or changed in the working tree, and the benchmark results. Exits 1 on a hit
 * (naming file and line, never the secret) or when the suite itself fails.
 *
 *   npx node scripts/scan-test-output.ts [vitest args…]
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { $ } from 'zx';
import { scanForSecrets } from './scan-secrets.ts';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
// Captured, not shown: the report is the scan; the suite's exit code decides with it.
const run = await $({
  cwd: root,
  quiet: true,
  nothrow: true,
})`${process.execPath} ${vitest} run --reporter=verbose ${process.argv.slice(2)}`;

const sources: { name: string; text: string }[] = [
  { name: '<test stdout>', text: run.stdout },
  { name: '<test stderr>', text: run.stderr },
];
// Files the run created or changed, as git sees them (ignored files included).
const status = await $({
  cwd: root,
  quiet: true,
  nothrow: true,
})`git status --porcelain --untracked-files=all --ignored=matching`;
const changed = status.stdout
  .split('\n')
  .map((line) => line.slice(3).trim())
  .filter((file) => file !== '' && !file.startsWith('node_modules/'));
const results = (await readdir(path.join(root, 'scripts', 'results')).catch(() => [])).map(
  (f) => `scripts/results/${f}`,
);
for (const file of new Set([...changed, ...results])) {
  const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
  if (text !== undefined) sources.push({ name: file, text });
}

let hits = 0;
for (const { name, text } of sources) {
  for (const hit of scanForSecrets(text)) {
    hits += 1;
    process.stdout.write(`${name}:${hit.line}: ${hit.kind}\n`);
  }
}
process.stdout.write(
  `scan-test-output: tests exited ${run.exitCode}; scanned ${sources.length} outputs and files; ${hits} secret(s) found\n`,
);
process.exitCode = hits > 0 || run.exitCode !== 0 ? 1 : 0;
