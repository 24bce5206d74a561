/** The package's metadata and its Node-version guard agree with src/release.ts. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNodeVersionSupported } from '../../src/bin.ts';
import { MINIMUM_NODE_VERSION, SYSREG_VERSION } from '../../src/release.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(REPO, 'node_modules', '.bin', 'node');

function runBin(nodeVersion: string) {
  // Node's version is set before the bundle loads, as an older Node would report it.
  const pretend = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${nodeVersion}"})`;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      NODE,
      ['--import', pretend, path.join(REPO, 'dist', 'bin.js'), '--version'],
      { timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the package', () => {
  it('has the version, the engines floor and the bin src/release.ts and the build name', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg.version).toBe(SYSREG_VERSION);
    expect(pkg.engines).toEqual({ node: `>=${MINIMUM_NODE_VERSION}` });
    expect(pkg.bin).toEqual({ sysreg: 'dist/bin.js' });
    expect(pkg.private).toBeUndefined();
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.files).not.toContain('test/');
  });

  it('compares Node versions part by part, as numbers', () => {
    expect(isNodeVersionSupported('22.19.0', '22.19.0')).toBe(true);
    expect(isNodeVersionSupported('22.100.0', '22.19.0')).toBe(true);
    expect(isNodeVersionSupported('24.0.0', '22.19.0')).toBe(true);
    expect(isNodeVersionSupported('22.18.9', '22.19.0')).toBe(false);
    expect(isNodeVersionSupported('9.99.99', '22.19.0')).toBe(false);
  });

  it('says in one line which Node it needs, instead of a stack trace, on an older Node', async () => {
    const old = await runBin('22.18.0');
    expect(old.code).toBe(1);
    expect(old.stdout).toBe('');
    expect(old.stderr).toBe(`sysreg needs Node >= ${MINIMUM_NODE_VERSION}; this is 22.18.0.\n`);
    const current = await runBin(MINIMUM_NODE_VERSION);
    expect(current).toEqual({ code: 0, stdout: `sysreg ${SYSREG_VERSION}\n`, stderr: '' });
  });
});
