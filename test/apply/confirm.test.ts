/**
 * apply asks before writing, as a vendor meets it: the real CLI in a pseudo-terminal (util-linux
 * `script`) answers the question; without a terminal it needs --yes (CI=true and a reviewed plan are
 * decisions too); `--report github` outside an Actions job is refused before anything is read.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRequestLog } from '../support/local-altinn.ts';
import { runCli } from '../support/run-cli.ts';
import { buildSystemSpec, startApplyBench } from './apply-fixtures.ts';
import type { ApplyBench } from './apply-fixtures.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(REPO, 'node_modules', '.bin', 'node');
const CLI = path.join(REPO, 'src', 'cli.ts');
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

async function setUpOneCreate(): Promise<ApplyBench> {
  bench = await startApplyBench();
  await bench.writeSystem(buildSystemSpec('asked'));
  return bench;
}

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `sysreg <args>` on a pseudo-terminal and types `answer` when the question appears (or never,
 * when it is undefined). Returns what the terminal showed and the exit code.
 */
function runOnTerminal(
  started: ApplyBench,
  args: string[],
  answer: string | undefined,
): Promise<{ code: number | null; screen: string }> {
  const command = [NODE, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd: started.repo.root,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'dumb', ...started.client.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let answered = false;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    if (answer !== undefined && !answered && screen.includes('Enter a value:')) {
      answered = true;
      child.stdin.write(`${answer}\n`);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ code, screen: screen.replace(/\r\n/g, '\n') });
    }),
  );
}

describe.runIf(HAS_SCRIPT)('apply on a terminal', () => {
  it('shows the plan, asks, and writes nothing unless the answer is yes', async () => {
    const started = await setUpOneCreate();
    const declined = await runOnTerminal(started, ['apply', '--env', 'local'], 'no');
    expect(declined.screen).toContain('+ create 314159268_asked');
    expect(declined.screen).toContain('Apply the changes above to local? Nothing is written otherwise.');
    expect(declined.screen).toContain("Only 'yes' will be accepted to approve.");
    expect(declined.screen).toContain('sysreg apply: cancelled; nothing applied in local.');
    expect(declined.code).toBe(1);
    expect(await started.writes()).toEqual([]);

    const accepted = await runOnTerminal(started, ['apply', '--env', 'local'], 'yes');
    expect(accepted.screen).toContain('Enter a value:');
    expect(accepted.screen).toContain('Done: Altinn matches git');
    expect(accepted.code).toBe(0);
    expect((await started.writes()).map((entry) => entry.method)).toEqual(['POST']);
  }, 60_000);

  it('does not ask with --yes', async () => {
    const started = await setUpOneCreate();
    const run = await runOnTerminal(started, ['apply', '--env', 'local', '--yes'], undefined);
    expect(run.screen).not.toContain('Enter a value:');
    expect(run.screen).toContain('Done: Altinn matches git');
    expect(run.code).toBe(0);
  }, 30_000);
});

describe('apply where no one can answer', () => {
  it('refuses without --yes before reading Altinn, and goes ahead with --yes or in CI', async () => {
    const started = await setUpOneCreate();
    const refused = await runCli(
      ['apply', '--env', 'local'],
      started.repo.root,
      undefined,
      started.client.env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('sysreg apply: apply asks before writing, but this is not a terminal');
    expect(refused.stderr).toContain('Add --yes');
    const json = await runCli(
      ['apply', '--env', 'local', '--format', 'json'],
      started.repo.root,
      undefined,
      started.client.env,
    );
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('--format json never asks before applying; add --yes');
    expect(await readRequestLog(started.altinn.url)).toEqual([]);

    const inCi = await runCli(['apply', '--env', 'local'], started.repo.root, undefined, {
      ...started.client.env,
      CI: 'true',
    });
    expect(inCi.code, inCi.stderr).toBe(0);
    expect((await started.writes()).map((entry) => entry.method)).toEqual(['POST']);
  }, 30_000);

  it('refuses --report github outside an Actions job before reading or writing anything', async () => {
    const started = await setUpOneCreate();
    const run = await runCli(
      ['apply', '--env', 'local', '--yes', '--report', 'github'],
      started.repo.root,
      undefined,
      started.client.env,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--report github needs the GitHub Actions environment');
    expect(await readRequestLog(started.altinn.url)).toEqual([]);
  }, 30_000);
});
