/**
 * A vendor's first day, from the packed package: `npm pack`, install the tarball into a fresh folder
 * outside the repository, then in a new git repository there `sysreg init`, `new`, `validate`, and
 * `plan`/`apply`/`drift` against the packaged local Altinn (`sysreg emulator --demo-client`), from
 * the repository root and from systems/. Only Node itself (and git) is on the PATH.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE_BIN = path.join(REPO, 'node_modules', '.bin', 'node');

let scratch: string;
let vendor: string;
let sysreg: string;
let env: Record<string, string>;
let emulator: ChildProcess | undefined;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...env, ...extraEnv }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  scratch = await realpath(await mkdtemp(path.join(tmpdir(), 'sysreg-packed-')));
  // PATH: a folder holding only a link to the Node binary, then the system's (git, sh).
  const bin = path.join(scratch, 'bin');
  await mkdir(bin);
  const node = await realpath(NODE_BIN);
  await symlink(node, path.join(bin, 'node'));
  env = { PATH: `${bin}:/usr/bin:/bin`, HOME: scratch, NO_COLOR: '1' };

  const packed = path.join(scratch, 'packed');
  await mkdir(packed);
  execFileSync('npm', ['pack', '--pack-destination', packed, '--ignore-scripts', '--silent'], {
    cwd: REPO,
    stdio: 'ignore',
  });
  const [tarball] = await readdir(packed);

  const install = path.join(scratch, 'tool');
  await mkdir(install);
  await writeFile(path.join(install, 'package.json'), '{ "private": true }\n');
  // No dependencies to fetch: the package is self-contained, so this never reaches a registry.
  const installArgs = [
    'install',
    '--offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    path.join(packed, tarball!),
  ];
  execFileSync('npm', installArgs, { cwd: install, stdio: 'ignore' });
  sysreg = path.join(install, 'node_modules', '.bin', 'sysreg');

  vendor = path.join(scratch, 'vendor-systems');
  await mkdir(vendor);
  execFileSync('git', ['init', '--quiet'], { cwd: vendor, env });
}, 180_000);

afterAll(async () => {
  if (emulator && emulator.exitCode === null) {
    const exited = new Promise((done) => emulator!.once('exit', done));
    emulator.kill('SIGTERM');
    await exited;
  }
  await rm(scratch, { recursive: true, force: true });
});

async function startDemoEmulator(): Promise<Record<string, string>> {
  const child = spawn(sysreg, ['emulator', '--port', '0', '--demo-client'], { cwd: vendor, env });
  emulator = child;
  let stdout = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no export lines within 20 s: ${stdout}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('MASKINPORTEN_PRIVATE_KEY')) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', (code) => fail(new Error(`the emulator exited (${code}): ${stdout}`)));
  });
  const read = (name: string) => stdout.match(new RegExp(`^export ${name}='([^']*)'$`, 'm'))?.[1] ?? '';
  const keyFile = stdout.match(/^export MASKINPORTEN_PRIVATE_KEY="\$\(cat '([^']+)'\)"$/m)?.[1] ?? '';
  return {
    SYSREG_ALTINN_URL: read('SYSREG_ALTINN_URL'),
    MASKINPORTEN_CLIENT_ID: read('MASKINPORTEN_CLIENT_ID'),
    MASKINPORTEN_KID: read('MASKINPORTEN_KID'),
    MASKINPORTEN_PRIVATE_KEY: await readFile(keyFile, 'utf8'),
  };
}

describe('the packed package in a vendor repository', () => {
  it('installs as a self-contained package with no tests in it', async () => {
    const installed = path.join(path.dirname(path.dirname(sysreg)), 'sysreg');
    const files = await readdir(installed);
    expect(files).toEqual(expect.arrayContaining(['dist', 'package.json', 'README.md', 'CHANGELOG.md']));
    expect(files).not.toContain('test');
    expect(files).not.toContain('src');
    expect(files).not.toContain('node_modules');
    const version = await run(sysreg, ['--version'], vendor);
    expect(version).toMatchObject({ code: 0, stderr: '' });
  });

  it('init, new, validate, plan, apply and drift, from the root and from systems/', async () => {
    const systems = path.join(vendor, 'systems');
    const init = await run(sysreg, ['init', '--vendor', '314159268', '--environments', 'tt02,prod'], vendor);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created .github/workflows/sysreg-pull-request.yml');

    const created = await run(sysreg, ['new', '314159268_payroll', '--vendor', '314159268'], systems);
    expect(created).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('created systems/314159268_payroll.yaml'),
    });
    // The skeleton's descriptions are placeholders that validate refuses until a person writes them.
    const skeleton = path.join(systems, '314159268_payroll.yaml');
    await writeFile(
      skeleton,
      (await readFile(skeleton, 'utf8'))
        .replace(/Beskriv payroll her\./g, 'Lønnskjøring.')
        .replace('Describe payroll here.', 'Runs payroll.'),
    );
    for (const cwd of [vendor, systems]) {
      const valid = await run(sysreg, ['validate'], cwd);
      expect(valid.stderr, cwd).toBe('');
      expect(valid.code, cwd).toBe(0);
    }

    const credentials = await startDemoEmulator();
    const plan = await run(
      sysreg,
      ['plan', '--env', 'local', '--out', 'sysreg-plan-local.json'],
      systems,
      credentials,
    );
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toMatch(/1 to create/);
    expect(plan.code).toBe(0);
    // --out is relative to where the command ran, like any file argument.
    expect(JSON.parse(await readFile(path.join(systems, 'sysreg-plan-local.json'), 'utf8'))).toBeTruthy();

    const apply = await run(sysreg, ['apply', '--env', 'local', '--yes'], vendor, credentials);
    expect(apply.stderr).not.toMatch(/\n\s+at /);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/314159268_payroll/);

    for (const cwd of [vendor, systems]) {
      const again = await run(sysreg, ['plan', '--env', 'local'], cwd, credentials);
      expect(again.code, cwd).toBe(0);
      expect(again.stdout, cwd).toMatch(/no changes/i);
      const drift = await run(sysreg, ['drift', '--env', 'local'], cwd, credentials);
      expect(drift.stderr, cwd).toBe('');
      expect(drift.code, cwd).toBe(0);
    }

    // A broken file: a clear error naming file and line, from either folder.
    await writeFile(
      skeleton,
      (await readFile(skeleton, 'utf8')).replace('isVisible: true', 'isVisible: maybe'),
    );
    for (const cwd of [vendor, systems]) {
      const broken = await run(sysreg, ['validate'], cwd);
      expect(broken.code, cwd).toBe(1);
      expect(broken.stdout + broken.stderr, cwd).toMatch(/systems\/314159268_payroll\.yaml:\d+:\d+/);
    }
  }, 240_000);
});
