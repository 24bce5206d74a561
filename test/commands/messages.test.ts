/**
 * Messages that point at the real mistake, through the real CLI: a mistyped organisation number is
 * reported as such, without advice to rename the id after the typo.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sysreg-messages-'));
  mkdirSync(path.join(root, 'systems'));
  writeFileSync(path.join(root, 'sysreg.config.yaml'), '# the repository root\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const SYSTEM = (vendor: string) => `id: 991825827_lonn
vendor: { ID: "0192:${vendor}" }
name: { nb: Lønn, nn: Løn, en: Payroll }
description: { nb: Kjører lønn., nn: Køyrer løn., en: Runs payroll. }
rights:
  - resource:
      - id: urn:altinn:resource
        value: ske-krav-og-betalinger
accessPackages:
  - urn: urn:altinn:accesspackage:skattegrunnlag
clientId: [lonn-client]
allowedRedirectUrls: [https://lonn.example/callback]
`;

describe('validate messages', () => {
  it('reports a mistyped organisation number, and does not ask to rename the id after it', async () => {
    writeFileSync(path.join(root, 'systems', '991825827_lonn.yaml'), SYSTEM('991825828'));
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'systems/991825827_lonn.yaml:2:15  error  vendor-org-number-checksum  `991825828` is not a valid organisation number',
    );
    expect(result.stdout).not.toContain('id-vendor-prefix');
    expect(result.stdout).not.toContain('991825828_');
    expect(result.stdout).toContain('1 error in 1 of 1 file.');
  });

  it('points a mis-indented line at itself, with a hint, not at the line before it', async () => {
    const text = SYSTEM('991825827').replace(
      'name: { nb: Lønn, nn: Løn, en: Payroll }',
      'name:\n  nb: Lønn\n   nn: Løn\n  en: Payroll',
    );
    writeFileSync(path.join(root, 'systems', '991825827_lonn.yaml'), text);
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'systems/991825827_lonn.yaml:5:4  error  yaml-syntax  this line is indented deeper than `nb:` on line 4',
    );
    expect(result.stdout).toContain(
      'hint: If it is the next key of the same map, start it in column 3, like line 4.',
    );
  });

  it('names the line a duplicate key was first set on', async () => {
    const text = SYSTEM('991825827').replace(
      'clientId: [lonn-client]',
      'clientId: [lonn-client]\nclientId: [other]',
    );
    writeFileSync(path.join(root, 'systems', '991825827_lonn.yaml'), text);
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'systems/991825827_lonn.yaml:12:1  error  yaml-duplicate-key  `clientId` is already set on line 11 in the same map',
    );
  });
});
