import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { FIELD_RULES } from '../../src/model/fields.ts';
import { formatSystemYaml } from '../../src/systems/format.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { renderSystemSkeleton, resolveSystemIdentity } from '../../src/systems/system-skeleton.ts';
import { validateSystems } from '../../src/systems/validate.ts';
import { runCli } from '../support/run-cli.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sysreg-new-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('system skeleton', () => {
  const identity = resolveSystemIdentity('payroll', '0192:991825827');
  if ('problem' in identity) throw new Error(identity.problem);
  const text = renderSystemSkeleton(identity);

  it('parses, validates with only its placeholders flagged, and is already canonical', () => {
    const parsed = parseSystemFile(`systems/${identity.id}.yaml`, text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.document?.id).toBe('991825827_payroll');
    expect(parsed.document?.vendor).toEqual({ ID: '0192:991825827' });
    const diagnostics = validateSystems([parsed], { catalogue: DEFAULT_CATALOGUE });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual([
      'placeholder-text',
      'placeholder-text',
      'placeholder-text',
    ]);
    expect(formatSystemYaml(text)).toEqual({ text, changed: false, problems: [] });
  });

  it('starts with the schema modeline and explains every field in a comment', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../.sysreg/system.schema.json');
    for (const rule of FIELD_RULES)
      expect(text).toContain(`# ${rule.key === 'isDeleted' ? 'isDeleted: ' : ''}${rule.description}`);
    expect(text).toContain('# environments:');
  });
});

describe('sysreg new, as a vendor meets it', () => {
  it('refuses an id that starts with another organisation number instead of prefixing it', async () => {
    const result = await runCli(['new', '123456785_x', '--vendor', '991825827'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "sysreg new: the id '123456785_x' starts with organisation number 123456785, but --vendor is 991825827; an id starts with its vendor's number: give '991825827_x', or just the name 'x'\n",
    );
    expect(existsSync(path.join(root, 'systems'))).toBe(false);
  });
});

describe('resolveSystemIdentity', () => {
  it.each([
    ['payroll', '991825827', '991825827_payroll'],
    ['991825827_payroll', '0192:991825827', '991825827_payroll'],
    ['pay.roll-2_x', '991825827', '991825827_pay.roll-2_x'],
  ])('accepts %s for vendor %s as %s', (id, vendor, expected) => {
    expect(resolveSystemIdentity(id, vendor)).toEqual({ id: expected, organisationNumber: '991825827' });
  });

  it.each([
    ['../escape', '991825827', /safe file name/],
    ['991825827_a/b', '991825827', /safe file name/],
    ['a\\b', '991825827', /safe file name/],
    ['a..b', '991825827', /safe file name/],
    ['has space', '991825827', /safe file name/],
    ['æøå', '991825827', /safe file name/],
    ['991825827_', '991825827', /needs a name/],
    ['x'.repeat(250), '991825827', /longer than 255/],
    ['payroll', '12345678', /9-digit/],
    ['payroll', '991825828', /MOD11/],
  ])('refuses id %s with vendor %s', (id, vendor, pattern) => {
    const result = resolveSystemIdentity(id, vendor);
    expect('problem' in result && result.problem).toMatch(pattern);
  });
});

describe('sysreg new (real CLI)', () => {
  it('writes a skeleton that validate refuses only for its placeholders, until they are edited', async () => {
    const created = await runCli(['new', 'payroll', '--vendor', '991825827'], root);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created systems/991825827_payroll.yaml');
    const fresh = await runCli(['validate', '--format', 'json'], root);
    expect(fresh.code).toBe(1);
    const report = JSON.parse(fresh.stdout) as { diagnostics: { ruleId: string; message: string }[] };
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual([
      'placeholder-text',
      'placeholder-text',
      'placeholder-text',
    ]);
    expect(report.diagnostics[2]?.message).toContain("description.en is still the skeleton's placeholder");

    const file = path.join(root, 'systems', '991825827_payroll.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/Beskriv payroll her\./g, 'Lønnskjøring.')
        .replace('Describe payroll here.', 'Runs payroll.'),
    );
    const edited = await runCli(['validate'], root);
    expect(edited.stdout).not.toMatch(/\berror\b/);
    expect(edited.code).toBe(0);
  });

  it('honours --dir', async () => {
    const created = await runCli(['new', 'payroll', '--vendor', '991825827', '--dir', 'other/place'], root);
    expect(created.code).toBe(0);
    expect(readdirSync(path.join(root, 'other', 'place'))).toEqual(['991825827_payroll.yaml']);
  });

  it('refuses a --dir outside the repository and writes nothing', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'sysreg-new-outside-'));
    try {
      const result = await runCli(['new', 'payroll', '--vendor', '991825827', '--dir', outside], root);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is not a folder inside the repository');
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses to replace an existing file', async () => {
    mkdirSync(path.join(root, 'systems'));
    const target = path.join(root, 'systems', '991825827_payroll.yaml');
    writeFileSync(target, 'mine\n');
    const result = await runCli(['new', 'payroll', '--vendor', '991825827'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("'systems/991825827_payroll.yaml' already exists");
    expect(readFileSync(target, 'utf8')).toBe('mine\n');
  });

  it('refuses an unsafe id and writes nothing', async () => {
    const result = await runCli(['new', '../../etc/x', '--vendor', '991825827'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('would not be a safe file name');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'systems'))).toBe(false);
  });

  it('requires --vendor and one id', async () => {
    expect((await runCli(['new', 'payroll'], root)).stderr).toContain('--vendor is required');
    expect((await runCli(['new', '--vendor', '991825827'], root)).stderr).toContain('exactly one system id');
  });
});
