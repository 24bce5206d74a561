/**
 * Attack cases on apply's output streams (issue: hardening): a reader that goes away (`| head`) or
 * a stream closed from the start must never stop an apply half-way or lose its report.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { registerTestClient, startLocalAltinn, type LocalAltinn } from '../support/local-altinn.ts';
import { EXAMPLE_VENDOR, writeLocalConfig } from '../support/live-repo.ts';
import { REPO_ROOT } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const CLI = path.join(REPO_ROOT, 'src', 'cli.ts');
const SYSTEMS = 30;

let altinn: LocalAltinn;
let repo: ScratchRepo;
beforeAll(async () => {
  altinn = await startLocalAltinn();
});
afterAll(() => altinn.close());
beforeEach(async () => {
  await fetch(`${altinn.url}/_emulator/reset`, { method: 'POST' });
  repo = await createScratchRepo();
  await writeLocalConfig(repo, altinn.url);
  for (let index = 0; index < SYSTEMS; index++)
    await repo.write(`systems/${EXAMPLE_VENDOR}_s${index}.yaml`, renderValidSystem(`s${index}`));
});
afterEach(() => repo.remove());

/**
 * Runs a bash pipeline with `$SYSREG` as the CLI; the exit code is apply's own (PIPESTATUS[0]),
 * reported on fd 3 (the shell's stdout) whatever the pipeline does with its own streams.
 */
async function runPipeline(pipeline: string): Promise<{ applyCode: number; stdout: string; stderr: string }> {
  const client = await registerTestClient(altinn.url, { orgNumber: EXAMPLE_VENDOR });
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--norc', '--noprofile', '-c', `exec 3>&1; ${pipeline}; echo "apply-exit=\${PIPESTATUS[0]}" >&3`],
      {
        cwd: repo.root,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', SYSREG: `${NODE} ${CLI}`, ...client.env },
        timeout: 60_000,
      },
      (_error, stdout, stderr) => {
        const code = /apply-exit=(\d+)/.exec(stdout);
        resolve({ applyCode: code ? Number(code[1]) : -1, stdout, stderr });
      },
    );
  }).then((result) => result as { applyCode: number; stdout: string; stderr: string });
}

interface RunReport {
  exitCode: number;
  report: { counts: { applied: number } };
}

async function countStoredSystems(): Promise<number> {
  const response = await fetch(`${altinn.url}/_emulator/systems`);
  return ((await response.json()) as unknown[]).length;
}

describe('apply with a broken pipe (real CLI)', () => {
  it('finishes every create and writes its report when the progress reader goes away', async () => {
    const result = await runPipeline(
      '$SYSREG apply --env local --yes --format json --out report.json 2>&1 >out.json | head -c 100 >/dev/null',
    );
    expect(result.applyCode).toBe(0);
    expect(await countStoredSystems()).toBe(SYSTEMS);
    const report = JSON.parse(await readFile(path.join(repo.root, 'report.json'), 'utf8')) as RunReport;
    expect(report.report.counts.applied).toBe(SYSTEMS);
    expect(report.exitCode).toBe(0);
    expect(JSON.parse(await readFile(path.join(repo.root, 'out.json'), 'utf8'))).toEqual(report);
  });

  it('finishes, exits with the apply code and writes --out when the report reader goes away', async () => {
    const result = await runPipeline(
      '$SYSREG apply --env local --yes --format json --out report.json 2>err.txt | true; cat err.txt >&2',
    );
    expect(result.applyCode).toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('EPIPE');
    expect(await countStoredSystems()).toBe(SYSTEMS);
    const report = JSON.parse(await readFile(path.join(repo.root, 'report.json'), 'utf8')) as RunReport;
    expect(report.report.counts.applied).toBe(SYSTEMS);
    expect(report.exitCode).toBe(0);
  });

  it('finishes with both streams closed', async () => {
    const result = await runPipeline('$SYSREG apply --env local --yes --out report.json >&- 2>&-');
    expect(result.applyCode).toBe(0);
    expect(await countStoredSystems()).toBe(SYSTEMS);
  });
});
