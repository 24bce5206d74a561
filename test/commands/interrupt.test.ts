/**
 * Ctrl-C, SIGTERM and SIGHUP in every phase, through the real CLI as a child process: the signal is
 * sent while the command reads a slow local Altinn, and the process must end within 2 s with a
 * summary that says what happened (and, for apply, that nothing was written).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSystemSpec, startApplyBench, toLiveSystem } from '../apply/apply-fixtures.ts';
import type { ApplyBench } from '../apply/apply-fixtures.ts';
import { readRequestLog, seedSystems, setFaults } from '../support/local-altinn.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(REPO, 'node_modules', '.bin', 'node');
const CLI = path.join(REPO, 'src', 'cli.ts');
const SYSTEMS = 48;
/** With 16 reads in flight at a time, a full read takes about 4 × this; the signal lands in the first. */
const LATENCY_MS = 1500;
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** A repository whose read is slow: every system changed in git, so apply would write them all. */
async function setUpSlowRead(): Promise<ApplyBench> {
  const started = await startApplyBench();
  const specs = Array.from({ length: SYSTEMS }, (_, index) => buildSystemSpec(`sys${index}`));
  await seedSystems(
    started.altinn.url,
    specs.map((spec) => toLiveSystem(spec)),
  );
  await Promise.all(
    specs.map((spec, index) =>
      started.writeSystem({ ...spec, description: { ...spec.description, en: `New ${index}` } }),
    ),
  );
  await started.writeConfig('safety:\n  maxChangeShare: 1\n');
  await setFaults(started.altinn.url, {
    latencyMs: LATENCY_MS,
    pathPrefix: '/authentication/api/v1/systemregister/vendor',
  });
  return started;
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From sending the signal to the process's exit. */
  stoppedInMs: number;
}

/** Runs `sysreg <args>`, sends `signal` once Altinn has answered the vendor list (reads are then in flight). */
async function interruptMidRead(
  started: ApplyBench,
  args: string[],
  signal: NodeJS.Signals,
): Promise<Interrupted> {
  const child = spawn(NODE, [CLI, ...args], {
    cwd: started.repo.root,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI: 'true', ...started.client.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 20_000;
  const listAnswered = async () =>
    (await readRequestLog(started.altinn.url)).some(
      (entry) => entry.method === 'GET' && entry.path.endsWith('/systemregister/vendor'),
    );
  while (!ended && Date.now() < deadline && !(await listAnswered())) await sleep(20);
  // The reads of the systems are queued and in flight now.
  await sleep(200);
  const sent = Date.now();
  child.kill(signal);
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const result = await exited;
  clearTimeout(timeout);
  return { ...result, stdout, stderr, stoppedInMs: Date.now() - sent };
}

describe('a signal while reading Altinn', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`apply stops within 2 s on ${signal}, says so, and writes nothing`, async () => {
      bench = await setUpSlowRead();
      const run = await interruptMidRead(bench, ['apply', '--env', 'local'], signal);
      expect(run.stoppedInMs, run.stderr).toBeLessThan(2000);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(EXIT_CODES[signal]);
      expect(run.stderr).toContain(
        `sysreg apply: interrupted by ${signal} before anything was applied; 0 applied, nothing started.`,
      );
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(await bench.writes()).toEqual([]);
    }, 30_000);
  }

  it('plan stops within 2 s on SIGINT and says that nothing was written', async () => {
    bench = await setUpSlowRead();
    const run = await interruptMidRead(bench, ['plan', '--env', 'local'], 'SIGINT');
    expect(run.stoppedInMs, run.stderr).toBeLessThan(2000);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      'sysreg plan: interrupted by SIGINT before it finished; nothing was written.',
    );
    expect(run.stdout).toBe('');
  }, 30_000);
});
