import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.ts';
import { createScratchRepo } from '../support/scratch-repo.ts';
import type { ScratchRepo } from '../support/scratch-repo.ts';
import { VENDOR_ORG, snapshotFolder, startAdoptAltinn } from './adopt-fixture.ts';
import type { AdoptAltinn } from './adopt-fixture.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden');
const id = (name: string) => `${VENDOR_ORG}_${name}`;
const payrollFile = () => path.join(repo.root, 'systems', `${id('payroll')}.yaml`);

let test: AdoptAltinn;
let production: AdoptAltinn;
let repo: ScratchRepo;

/** Runs sysreg against one of the two environments, with that environment's credentials. */
const run = (environment: 'test' | 'production', args: string[]) =>
  (environment === 'test' ? test : production).run([...args, '--env', environment], repo.root);

beforeAll(async () => {
  [test, production] = await Promise.all([startAdoptAltinn(), startAdoptAltinn()]);
  repo = await createScratchRepo();
  await repo.write(
    'sysreg.config.yaml',
    [
      'environments:',
      ...[
        ['test', test.url],
        ['production', production.url],
      ].flatMap(([name, url]) => [
        `  ${name}:`,
        `    platformUrl: ${url}`,
        `    maskinportenUrl: ${url}/maskinporten/`,
      ]),
      '',
    ].join('\n'),
  );
  // The same system in both, differing only in client ids and redirect URLs (as in real life).
  await test.create(id('payroll'), {
    clientId: ['payroll-test'],
    allowedRedirectUrls: ['https://test.payroll.example/callback'],
  });
  await production.create(id('payroll'), {
    clientId: ['payroll-prod'],
    allowedRedirectUrls: ['https://payroll.example/callback'],
  });
  // Identical in both.
  await test.create(id('shared'), { clientId: ['shared-1'] });
  await production.create(id('shared'), { clientId: ['shared-1'] });
}, 30_000);

afterAll(async () => {
  await Promise.all([test?.close(), production?.close()]);
  await repo?.remove();
});

describe('sysreg import into a second environment', () => {
  it('records only the fields that differ as overrides, keeps comments, and both plans are empty', async () => {
    expect((await run('test', ['import'])).code).toBe(0);
    // A vendor's comment, to show the second import keeps it.
    const imported = await readFile(payrollFile(), 'utf8');
    await writeFile(payrollFile(), imported.replace('name:', '# Shown to customers.\nname:'));

    const second = await run('production', ['import']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      `overrides systems/${id('payroll')}.yaml: environments.production: clientId, allowedRedirectUrls`,
    );
    expect(second.stdout).toContain(`unchanged systems/${id('shared')}.yaml`);
    const payroll = await readFile(payrollFile(), 'utf8');
    expect(payroll).toContain('# Shown to customers.\nname:');
    expectGolden(path.join(GOLDEN, 'import-second-environment.yaml'), payroll);

    for (const environment of ['test', 'production'] as const) {
      const plan = await run(environment, ['plan', '--detailed-exitcode']);
      expect(plan.stderr, environment).toBe('');
      expect(plan.code, environment).toBe(0);
      const drift = await run(environment, ['drift', '--detailed-exitcode']);
      expect(drift.code, environment).toBe(0);
    }

    // Importing either environment again finds nothing to change.
    const before = await snapshotFolder(path.join(repo.root, 'systems'));
    for (const environment of ['test', 'production'] as const) {
      const again = await run(environment, ['import']);
      expect(again.code, environment).toBe(0);
      expect(again.stdout, environment).toMatch(/\(0 files written\)/);
    }
    expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual(before);
  });

  it('drops an override once the environment matches the base again', async () => {
    await production.update(id('payroll'), {
      id: id('payroll'),
      vendor: { ID: `0192:${VENDOR_ORG}` },
      name: { en: 'Payroll', nb: 'Lønn', nn: 'Løn' },
      description: { en: 'Runs payroll', nb: 'Kjører lønn', nn: 'Køyrer løn' },
      rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] }],
      accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
      clientId: ['payroll-prod'],
      allowedRedirectUrls: ['https://test.payroll.example/callback'],
      isVisible: true,
    });
    const result = await run('production', ['import', '--only', id('payroll')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('environments.production: allowedRedirectUrls');
    const payroll = await readFile(payrollFile(), 'utf8');
    expect(payroll).toContain('production:\n    clientId:\n      - payroll-prod\n');
    expect(payroll).not.toContain('https://payroll.example/callback');
    expect((await run('production', ['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('replaces a file with --overwrite, and only then', async () => {
    const result = await run('production', ['import', '--only', id('payroll'), '--overwrite']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`replaced  systems/${id('payroll')}.yaml`);
    const payroll = await readFile(payrollFile(), 'utf8');
    expect(payroll).not.toContain('environments:');
    expect(payroll).toContain("# Imported from Altinn (production) by 'sysreg import'.");
    expect((await run('production', ['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
