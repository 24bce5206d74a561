/**
 * Catalogues from the environment: offline validate with the built-in list, `catalogue pull` from a
 * local Altinn seeded with a large catalogue, validate against the snapshot, and import of live
 * systems with real package names.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCatalogueSnapshot } from '../../src/catalogue/snapshot.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { startAdoptAltinn, type AdoptAltinn } from '../adopt/adopt-fixture.ts';
import { VENDOR_ORG } from '../support/emulator-harness.ts';
import { createScratchRepo, type ScratchRepo } from '../support/scratch-repo.ts';

const urn = (name: string) => `urn:altinn:accesspackage:${name}`;
/** Real names a vendor uses, and enough made-up real-shaped ones to make the catalogue large. */
const REAL_NAMES = ['skatt-naering', 'jordbruk', 'a-ordning', 'revisjon', 'maskinporten-scopes'];
const LARGE_CATALOGUE = [
  ...REAL_NAMES.map((name) => ({
    urn: urn(name),
    isDelegable: name !== 'maskinporten-scopes',
    isAssignable: true,
  })),
  ...Array.from({ length: 240 }, (_, i) => ({
    urn: urn(`omrade-${String(i).padStart(3, '0')}-tjenester`),
    isDelegable: true,
    isAssignable: i % 7 !== 0,
  })),
];

function systemFile(name: string, packages: string[]): string {
  return [
    `id: ${VENDOR_ORG}_${name}`,
    'vendor:',
    `  ID: '0192:${VENDOR_ORG}'`,
    `name: { nb: ${name}, nn: ${name}, en: ${name} }`,
    `description: { nb: ${name}, nn: ${name}, en: ${name} }`,
    packages.length === 0 ? 'accessPackages: []' : 'accessPackages:',
    ...packages.map((name) => `  - urn: ${urn(name)}`),
    '',
  ].join('\n');
}

let altinn: AdoptAltinn;
let repo: ScratchRepo;

beforeAll(async () => {
  altinn = await startAdoptAltinn();
  const seeded = await fetch(`${altinn.url}/_emulator/accesspackages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(LARGE_CATALOGUE),
  });
  expect(seeded.status).toBe(200);
}, 30_000);

afterAll(async () => {
  await altinn?.close();
  await repo?.remove();
});

describe('offline validate with the built-in list (no snapshot)', () => {
  it('accepts skatt-naering, a-ordning and revisjon; an unknown package is a warning naming catalogue pull', async () => {
    repo = await createScratchRepo();
    await repo.write(
      `systems/${VENDOR_ORG}_real.yaml`,
      systemFile('real', ['skatt-naering', 'a-ordning', 'revisjon']),
    );
    const clean = await altinn.run(['validate', '--format', 'json'], repo.root);
    expect(clean.code, clean.stdout).toBe(0);
    expect(JSON.parse(clean.stdout).diagnostics).toEqual([]);

    await repo.write(`systems/${VENDOR_ORG}_farm.yaml`, systemFile('farm', ['jordbruk']));
    const warned = await altinn.run(['validate'], repo.root);
    expect(warned.code, warned.stdout).toBe(0);
    expect(warned.stdout).toContain('warning');
    expect(warned.stdout).toContain('urn:altinn:accesspackage:jordbruk');
    expect(warned.stdout).toContain('sysreg catalogue pull');
    await repo.remove();
  });

  it('the outdated name skattnaering is still only a warning, suggesting skatt-naering', async () => {
    repo = await createScratchRepo();
    await repo.write(`systems/${VENDOR_ORG}_old.yaml`, systemFile('old', ['skattnaering']));
    const run = await altinn.run(['validate'], repo.root);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('did you mean `urn:altinn:accesspackage:skatt-naering`');
    await repo.remove();
  });
});

describe('sysreg catalogue pull --env local', () => {
  it('writes a stable, sorted snapshot; validate then checks against it', async () => {
    repo = await createScratchRepo();
    await repo.write(`systems/${VENDOR_ORG}_farm.yaml`, systemFile('farm', ['jordbruk']));
    const pulled = await altinn.run(['catalogue', 'pull', '--env', 'local'], repo.root);
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain('.sysreg/catalogue-local.json: written');

    const text = await readFile(path.join(repo.root, '.sysreg', 'catalogue-local.json'), 'utf8');
    const snapshot = JSON.parse(text) as { environment: string; accessPackages: { urn: string }[] };
    expect(snapshot.environment).toBe('local');
    const urns = snapshot.accessPackages.map((p) => p.urn);
    expect(urns.length).toBeGreaterThanOrEqual(LARGE_CATALOGUE.length);
    expect(urns).toEqual([...urns].sort());
    expect(urns).toContain(urn('jordbruk'));
    // Rendering what was read gives the same bytes: nothing unordered or time-stamped in it.
    expect(renderCatalogueSnapshot('local', JSON.parse(text))).toBe(text);

    const again = await altinn.run(['catalogue', 'pull', '--env', 'local', '--detailed-exitcode'], repo.root);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('unchanged');
    expect(await readFile(path.join(repo.root, '.sysreg', 'catalogue-local.json'), 'utf8')).toBe(text);

    const valid = await altinn.run(['validate', '--format', 'json'], repo.root);
    expect(valid.code, valid.stdout).toBe(0);
    expect(JSON.parse(valid.stdout).diagnostics).toEqual([]);

    await repo.write(`systems/${VENDOR_ORG}_old.yaml`, systemFile('old', ['skattnaering']));
    const invalid = await altinn.run(['validate', '--format', 'json'], repo.root);
    expect(invalid.code).toBe(1);
    const diagnostics = JSON.parse(invalid.stdout).diagnostics as Record<string, unknown>[];
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: `systems/${VENDOR_ORG}_old.yaml`,
        line: 7,
        ruleId: 'access-package-known',
        altinnCode: 'AUTH.VLD-00008',
        severity: 'error',
        environment: 'local',
        message: expect.stringContaining('did you mean `urn:altinn:accesspackage:skatt-naering`'),
      }),
    ]);
  });

  it('reports what changed since the last pull, and exits 2 with --detailed-exitcode', async () => {
    const added = await fetch(`${altinn.url}/_emulator/accesspackages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ urn: urn('fiske'), isDelegable: true, isAssignable: true }]),
    });
    expect(added.status).toBe(200);
    const pulled = await altinn.run(
      ['catalogue', 'pull', '--env', 'local', '--detailed-exitcode'],
      repo.root,
    );
    expect(pulled.code).toBe(2);
    expect(pulled.stdout).toContain('changed');
    expect(pulled.stdout).toContain(`added: ${urn('fiske')}`);
  });

  it('a broken snapshot is an error naming the file and how to fix it, not a stack trace', async () => {
    await repo.write('.sysreg/catalogue-local.json', '{ "format": "sysreg-catalogue/1",\n  "environment": ');
    const run = await altinn.run(['validate'], repo.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('.sysreg/catalogue-local.json');
    expect(run.stdout).toContain('sysreg catalogue pull --env local');
    expect(run.stderr).toBe('');
    await rm(path.join(repo.root, '.sysreg'), { recursive: true });
    await repo.remove();
  });
});

describe('import of live systems with real package names', () => {
  it('gives files that validate (against the pulled snapshot) and an empty plan', async () => {
    repo = await createScratchRepo();
    await altinn.create(`${VENDOR_ORG}_accounting`, {
      accessPackages: [{ urn: urn('skatt-naering') }, { urn: urn('a-ordning') }, { urn: urn('revisjon') }],
    });
    await altinn.create(`${VENDOR_ORG}_farming`, { accessPackages: [{ urn: urn('jordbruk') }] });
    const imported = await altinn.run(['import', '--env', 'local'], repo.root);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const pulled = await altinn.run(['catalogue', 'pull', '--env', 'local'], repo.root);
    expect(pulled.code).toBe(0);

    const validated = await altinn.run(['validate', '--format', 'json'], repo.root);
    expect(validated.code, validated.stdout).toBe(0);
    expect(JSON.parse(validated.stdout).diagnostics).toEqual([]);
    const planned = await altinn.run(['plan', '--env', 'local', '--format', 'json'], repo.root);
    expect(planned.code, planned.stderr).toBe(0);
    expect((JSON.parse(planned.stdout) as Plan).counts.changes).toBe(0);
  });
});
