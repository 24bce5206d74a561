/**
 * A benchmark that does not finish (here: stopped by `npm run bench`'s own timeout, a SIGTERM, as a
 * hung benchmark or a cancelled job is) leaves nothing behind: its scratch folder is gone from the
 * temp folder, no file outside scripts/results/ changed, and BENCHMARKS.md is not rewritten.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const RUN_LOG = path.join(REPO_ROOT, 'scripts', 'results', 'bench-runs.json');
const BENCHMARKS = path.join(REPO_ROOT, 'BENCHMARKS.md');

async function readGitStatus(): Promise<Set<string>> {
  const { stdout } = await promisify(execFile)('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: REPO_ROOT,
  });
  return new Set(stdout.split('\n').filter(Boolean));
}

/** Runs the bench with its own temp folder, noting every name that appears in it meanwhile. */
function runBench(args: string[], tmp: string): Promise<{ code: number; output: string; seen: Set<string> }> {
  return new Promise((resolve) => {
    const seen = new Set<string>();
    let output = '';
    const child = spawn(NODE, ['scripts/bench.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const watch = setInterval(() => {
      // The run's own temp folder holds the benchmark's scratch folder: look one level in too.
      void readdir(tmp, { recursive: true })
        .then((names) => names.forEach((name) => seen.add(path.basename(name))))
        .catch(() => {}); // a folder removed while it is read
    }, 50);
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearInterval(watch);
      clearTimeout(guard);
      resolve({ code: code ?? 1, output, seen });
    });
  });
}

describe('a benchmark that does not finish', () => {
  it('leaves no scratch files, changes nothing outside scripts/results/, and does not rewrite BENCHMARKS.md', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'sysreg-bench-failure-'));
    const runLog = await readFile(RUN_LOG, 'utf8');
    const benchmarks = await readFile(BENCHMARKS, 'utf8');
    const before = await readGitStatus();
    try {
      // The start-up benchmark takes far longer than 8 s: the timeout stops it half-way.
      const run = await runBench(['--only', 'startup', '--timeout', '8'], tmp);

      expect(run.code).toBe(1);
      expect(run.output).toContain('BENCHMARKS.md left as it was: startup stopped before writing a result');
      // It had made its scratch repository before it was stopped; now only Node's own compile cache
      // (which every sysreg start may fill) is left in the temp folder.
      expect([...run.seen].some((name) => name.startsWith('sysreg-bench-startup-'))).toBe(true);
      expect((await readdir(tmp)).filter((name) => name !== 'node-compile-cache')).toEqual([]);
      expect(await readFile(BENCHMARKS, 'utf8')).toBe(benchmarks);
      const changed = [...(await readGitStatus())].filter((line) => !before.has(line));
      expect(changed.filter((line) => !line.slice(3).startsWith('scripts/results/'))).toEqual([]);
      // The run log says the run failed, where and on what it ran.
      const logged = (JSON.parse(await readFile(RUN_LOG, 'utf8')) as Record<string, unknown>[]).find(
        (entry) => entry.name === 'startup',
      );
      expect(logged).toMatchObject({ resultWritten: false, source: expect.stringMatching(/^[0-9a-f]{7,}/) });
      expect(logged?.exitCode).not.toBe(0);
    } finally {
      await writeFile(RUN_LOG, runLog);
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
