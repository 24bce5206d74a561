/**
 * Attack case on `import --overwrite` (issue: hardening): replacing a file from one environment must
 * keep what every other environment overrides, and say so, so that the next apply to prod does not
 * write tt02's client ids and redirect URLs into prod.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDOR_ORG, startAdoptAltinn, type AdoptAltinn } from '../adopt/adopt-fixture.ts';
import { createScratchRepo, type ScratchRepo } from '../support/scratch-repo.ts';

const PAYROLL = `${VENDOR_ORG}_payroll`;

let test: AdoptAltinn;
let production: AdoptAltinn;
let repo: ScratchRepo;
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
  await test.create(PAYROLL, {
    clientId: ['payroll-test'],
    allowedRedirectUrls: ['https://test.payroll.example/callback'],
  });
  await production.create(PAYROLL, {
    clientId: ['payroll-prod'],
    allowedRedirectUrls: ['https://payroll.example/callback'],
  });
}, 30_000);

afterAll(async () => {
  await Promise.all([test?.close(), production?.close()]);
  await repo?.remove();
});

describe('import --overwrite with other environments in the file (real CLI)', () => {
  it("keeps production's overrides when the file is replaced from test, and says so", async () => {
    expect((await run('test', ['import'])).code).toBe(0);
    expect((await run('production', ['import'])).code).toBe(0);
    // Test moves on (a new description), so the overwrite has something to replace.
    await test.update(PAYROLL, {
      id: PAYROLL,
      vendor: { ID: `0192:${VENDOR_ORG}` },
      name: { en: 'Payroll', nb: 'Lønn', nn: 'Løn' },
      description: { en: 'Runs payroll, now faster', nb: 'Kjører lønn', nn: 'Køyrer løn' },
      rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] }],
      accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
      clientId: ['payroll-test'],
      allowedRedirectUrls: ['https://test.payroll.example/callback'],
      isVisible: true,
    });
    const overwrite = await run('test', ['import', '--overwrite']);
    expect(overwrite.code).toBe(0);
    expect(overwrite.stdout).toContain(
      `replaced  systems/${PAYROLL}.yaml (kept environments.production: description, clientId, allowedRedirectUrls)`,
    );
    const text = await readFile(path.join(repo.root, 'systems', `${PAYROLL}.yaml`), 'utf8');
    expect(text).toContain('payroll-prod');
    expect(text).toContain('https://payroll.example/callback');
    for (const environment of ['test', 'production'] as const) {
      const plan = await run(environment, ['plan', '--detailed-exitcode']);
      expect(plan.stderr, environment).toBe('');
      expect(plan.code, environment).toBe(0);
    }
  });
});
