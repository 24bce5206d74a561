/**
 * `npm run demo` as a newcomer runs it: a child process with no credentials in its environment. It
 * must exit 0, show every step of the loop, end with a clean plan and reported drift, and print no
 * secret.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');

function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO, 'scripts', 'demo.ts')],
      { cwd: REPO, env: { PATH: process.env.PATH ?? '' }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run demo', () => {
  it('runs validate, plan, apply, a clean plan and drift on the local Altinn, without secrets', async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toBe('');
    expect(code, stdout).toBe(0);
    const titles = [...stdout.matchAll(/^── (\d)\/7 {2}(.+?) ─/gm)].map((match) => match[2]);
    expect(titles).toEqual([
      'Start a local Altinn',
      'Seed live Altinn so that it differs from git',
      'validate: check every file offline',
      'plan: the diff a reviewer sees on the pull request',
      'apply: make Altinn match git (on merge to main)',
      'plan again: nothing left to do',
      'drift: catch a change made outside git',
    ]);
    const sections = stdout.split(/^── \d\/7 /m);
    // validate, then a plan with each kind of difference the seed made.
    expect(sections[3]).toMatch(/5 files valid/);
    expect(sections[4]).toMatch(/1 to create, 1 to update, 1 to delete, 0 blocked; 2 unchanged, 1 unmanaged/);
    expect(sections[4]).toContain('"Fjordsoft Accounting Classic" → "Fjordsoft Accounting"');
    expect(sections[4]).toMatch(/unmanaged 314159268_portal_test/);
    // apply, then nothing left but the unmanaged system.
    expect(sections[6]).toContain('No changes. Altinn matches git.');
    expect(sections[6]).toMatch(/1 unmanaged/);
    // drift names the out-of-band edit.
    expect(sections[7]).toContain('314159268_fjordsoft_lonn');
    expect(sections[7]).toContain('Edited in the portal');
    expect(stdout).toMatch(/Done in \d+\.\d s/);
    expect(scanForSecrets(stdout)).toEqual([]);
  }, 90_000);
});
