import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareCliAsUser, runCli } from '../support/run-cli.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden', 'fmt');
const messy = readFileSync(path.join(GOLDEN, 'reorder-with-comments', 'input.yaml'), 'utf8');
const messyExpected = readFileSync(path.join(GOLDEN, 'reorder-with-comments', 'expected.yaml'), 'utf8');
const canonical = readFileSync(path.join(GOLDEN, 'canonical-unchanged', 'input.yaml'), 'utf8');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sysreg-fmt-'));
  mkdirSync(path.join(root, 'systems'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(path.join(root, 'systems', name), text);
const read = (name: string) => readFileSync(path.join(root, 'systems', name), 'utf8');

describe('sysreg fmt (real CLI)', () => {
  it('--check exits 0 when every file is canonical', async () => {
    write('991825827_canonical.yaml', canonical);
    const result = await runCli(['fmt', '--check'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 file already in canonical form');
  });

  it('--check exits 1, lists the files that would change, and writes nothing', async () => {
    write('991825827_canonical.yaml', canonical);
    write('991825827_payroll.yaml', messy);
    const result = await runCli(['fmt', '--check'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('systems/991825827_payroll.yaml\n');
    expect(result.stderr).toContain('1 file not in canonical form');
    expect(read('991825827_payroll.yaml')).toBe(messy);
  });

  it('rewrites only the files that change, atomically, leaving no temporary files', async () => {
    write('991825827_canonical.yaml', canonical);
    write('991825827_payroll.yaml', messy);
    chmodSync(path.join(root, 'systems', '991825827_payroll.yaml'), 0o640);
    const before = statSync(path.join(root, 'systems', '991825827_canonical.yaml')).mtimeMs;
    const result = await runCli(['fmt'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('formatted systems/991825827_payroll.yaml\n');
    expect(read('991825827_payroll.yaml')).toBe(messyExpected);
    expect(statSync(path.join(root, 'systems', '991825827_payroll.yaml')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(root, 'systems', '991825827_canonical.yaml')).mtimeMs).toBe(before);
    expect(readdirSync(path.join(root, 'systems')).sort()).toEqual([
      '991825827_canonical.yaml',
      '991825827_payroll.yaml',
    ]);
    expect((await runCli(['fmt', '--check'], root)).code).toBe(0);
  });

  it('formats only the paths given', async () => {
    write('a.yaml', messy);
    write('b.yaml', messy);
    const result = await runCli(['fmt', 'systems/b.yaml'], root);
    expect(result.code).toBe(0);
    expect(read('a.yaml')).toBe(messy);
    expect(read('b.yaml')).toBe(messyExpected);
  });

  it('reports a file that does not parse by name and line, leaves it alone, and formats the rest', async () => {
    write('broken.yaml', 'id: a\nname:\n  nb: x\n  nb: y\n');
    write('fine.yaml', messy);
    const result = await runCli(['fmt'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/systems\/broken\.yaml: cannot format: .*line 4/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(read('broken.yaml')).toBe('id: a\nname:\n  nb: x\n  nb: y\n');
    expect(read('fine.yaml')).toBe(messyExpected);
  });

  it('reports a binary file and a missing path without a stack trace', async () => {
    writeFileSync(path.join(root, 'systems', 'binary.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x00, 0xff]));
    const result = await runCli(['fmt', '--check', 'systems', 'systems/missing.yaml'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('systems/binary.yaml: cannot format:');
    expect(result.stderr).toContain("'systems/missing.yaml' does not exist");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when a file cannot be written, and keeps the original', async (context) => {
    write('991825827_payroll.yaml', messy);
    chmodSync(root, 0o755);
    chmodSync(path.join(root, 'systems'), 0o555);
    // Root may write anywhere, so as root the CLI runs as `nobody`.
    const asUser = process.getuid?.() === 0 ? await prepareCliAsUser(65534) : undefined;
    if (asUser && 'skip' in asUser) {
      console.log(`skipped: ${asUser.skip}`);
      return context.skip(asUser.skip);
    }
    try {
      const result = asUser ? await asUser.run(['fmt'], root) : await runCli(['fmt'], root);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('systems/991825827_payroll.yaml: cannot write: permission denied');
      expect(read('991825827_payroll.yaml')).toBe(messy);
    } finally {
      chmodSync(path.join(root, 'systems'), 0o755);
    }
  });

  it('rejects an unknown option with usage', async () => {
    const result = await runCli(['fmt', '--chekc'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: sysreg fmt');
  });
});
