/**
 * `sysreg emulator --demo-client`: prints the URL, then export lines whose key is read from a 0600
 * file outside the repository (never printed), which work for `plan --env local` and are removed
 * when the emulator stops.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';
import { EXAMPLE_SYSTEMS } from '../support/run-cli.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(REPO, 'src', 'cli.ts');

describe('sysreg emulator --demo-client', () => {
  it('prints working export lines and keeps the key in a private file it removes on stop', async () => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--demo-client'], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '' },
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      let stdout = '';
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no export lines within 15 s: ${stdout}`)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('MASKINPORTEN_PRIVATE_KEY')) {
            clearTimeout(timer);
            done();
          }
        });
      });
      expect(scanForSecrets(stdout)).toEqual([]);
      const url = stdout.split('\n')[0]!;
      const read = (name: string) => stdout.match(new RegExp(`^export ${name}='([^']*)'$`, 'm'))?.[1];
      const keyFile = stdout.match(/^export MASKINPORTEN_PRIVATE_KEY="\$\(cat '([^']+)'\)"$/m)?.[1];
      expect(read('SYSREG_ALTINN_URL')).toBe(url);
      expect(keyFile).toBeDefined();
      expect(path.relative(REPO, keyFile!).startsWith('..')).toBe(true);
      expect(statSync(keyFile!).mode & 0o777).toBe(0o600);

      const env = {
        PATH: process.env.PATH ?? '',
        NO_COLOR: '1',
        SYSREG_ALTINN_URL: read('SYSREG_ALTINN_URL')!,
        MASKINPORTEN_CLIENT_ID: read('MASKINPORTEN_CLIENT_ID')!,
        MASKINPORTEN_KID: read('MASKINPORTEN_KID')!,
        MASKINPORTEN_PRIVATE_KEY: readFileSync(keyFile!, 'utf8'),
      };
      // A repository of the tests' own example systems, so this holds whatever systems/ holds.
      const vendor = mkdtempSync(path.join(tmpdir(), 'sysreg-demo-client-'));
      cpSync(EXAMPLE_SYSTEMS, path.join(vendor, 'systems'), { recursive: true });
      const plan = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [CLI, 'plan', '--env', 'local'],
          { cwd: vendor, env, timeout: 20_000 },
          (e, out) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout: out }),
        );
      });
      expect(plan.stdout).toMatch(/4 to create/);
      expect(plan.code).toBe(0);
      rmSync(vendor, { recursive: true, force: true });

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(keyFile!)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  }, 40_000);
});
