import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER } from '../support/emulator-harness.ts';
import { expectGolden } from '../support/golden.ts';
import { seedSystems, makeLiveSystem } from '../support/local-altinn.ts';
import { createScratchRepo } from '../support/scratch-repo.ts';
import type { ScratchRepo } from '../support/scratch-repo.ts';
import { OTHER_ORG } from '../support/emulator-harness.ts';
import { VENDOR_ORG, snapshotFolder, startAdoptAltinn } from './adopt-fixture.ts';
import type { AdoptAltinn } from './adopt-fixture.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden');
const id = (name: string) => `${VENDOR_ORG}_${name}`;

let altinn: AdoptAltinn;
let repo: ScratchRepo;

beforeAll(async () => {
  altinn = await startAdoptAltinn();
  // Every shape, through the API so Altinn stores them as it does (URLs normalised by .NET Uri).
  await altinn.create(id('full'), {
    name: { nb: 'Lønn', nn: 'Løn', en: 'Payroll', se: 'Bálká' },
    rights: [
      { resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] },
      { action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] },
    ],
    accessPackages: [
      { urn: 'urn:altinn:accesspackage:skattegrunnlag' },
      { urn: 'urn:altinn:accesspackage:lonn' },
    ],
    clientId: ['client-full-1', 'client-full-2'],
    allowedRedirectUrls: ['https://Vendor.EXAMPLE:443', 'https://vendor.example/a%20b?x=1'],
  });
  await altinn.create(id('bare'), {
    rights: [],
    accessPackages: [],
    clientId: [],
    allowedRedirectUrls: [],
  });
  await altinn.create(id('hidden'), {
    isVisible: false,
    rights: [],
    accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-lonn' }],
    clientId: ['client-hidden'],
  });
  await altinn.create(id('gone'), { clientId: ['client-gone'] });
  const deleted = await altinn.harness.call('DELETE', `${REGISTER}/vendor/${id('gone')}`);
  expect([200, 400]).toContain(deleted.status);
  // Stored with NULL rights and packages: GET leaves both out.
  const {
    rights: _rights,
    accessPackages: _packages,
    ...nullLists
  } = makeLiveSystem(VENDOR_ORG, 'nulllists');
  await seedSystems(altinn.url, [nullLists as never, makeLiveSystem(OTHER_ORG, 'theirs')]);
}, 30_000);

afterAll(async () => {
  await altinn?.close();
  await repo?.remove();
});

describe('sysreg import', () => {
  it('writes one canonical file per live system, and plan and drift are empty after', async () => {
    repo = await createScratchRepo();
    const result = await altinn.run(['import', '--env', 'local'], repo.root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = await snapshotFolder(path.join(repo.root, 'systems'));
    expect(Object.keys(files)).toEqual([
      `${id('bare')}.yaml`,
      `${id('full')}.yaml`,
      `${id('hidden')}.yaml`,
      `${id('nulllists')}.yaml`,
    ]);
    expectGolden(path.join(GOLDEN, 'import-full.yaml'), files[`${id('full')}.yaml`] ?? '');
    expectGolden(path.join(GOLDEN, 'import-bare.yaml'), files[`${id('bare')}.yaml`] ?? '');
    expect(files[`${id('hidden')}.yaml`]).toContain('isVisible: false');

    // The deleted system is not listed; naming it imports a tombstone.
    const tombstone = await altinn.run(['import', '--env', 'local', '--only', id('gone')], repo.root);
    expect(tombstone.code).toBe(0);
    expect(tombstone.stdout).toContain('(deleted: a tombstone)');
    const gone = await readFile(path.join(repo.root, 'systems', `${id('gone')}.yaml`), 'utf8');
    expectGolden(path.join(GOLDEN, 'import-tombstone.yaml'), gone);

    expect((await altinn.run(['validate'], repo.root)).code).toBe(0);
    // Canonical as written: fmt has nothing to change.
    expect((await altinn.run(['fmt', '--check'], repo.root)).code).toBe(0);
    const plan = await altinn.run(['plan', '--env', 'local', '--detailed-exitcode'], repo.root);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    const drift = await altinn.run(['drift', '--env', 'local', '--detailed-exitcode'], repo.root);
    expect(drift.code).toBe(0);

    // A re-run finds every file up to date and changes no byte.
    const before = await snapshotFolder(path.join(repo.root, 'systems'));
    const again = await altinn.run(['import', '--env', 'local'], repo.root);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 files written/);
    expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual(before);
  });

  it('makes the systems folder when there is none', async () => {
    const scratch = await createScratchRepo();
    try {
      await rm(path.join(scratch.root, 'systems'), { recursive: true });
      const result = await altinn.run(['import', '--env', 'local', '--only', id('bare')], scratch.root);
      expect(result.code).toBe(0);
      expect(Object.keys(await snapshotFolder(path.join(scratch.root, 'systems')))).toEqual([
        `${id('bare')}.yaml`,
      ]);
    } finally {
      await scratch.remove();
    }
  });

  it('refuses a name that is not one of the vendor systems, or is another vendor', async () => {
    const scratch = await createScratchRepo();
    try {
      const result = await altinn.run(
        ['import', '--env', 'local', '--only', `${id('nosuch')},${OTHER_ORG}_theirs`],
        scratch.root,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`there is no system '${id('nosuch')}' in local`);
      expect(result.stderr).toContain(`'${OTHER_ORG}_theirs' in local belongs to another vendor`);
      expect(result.stderr).toContain('sysreg import: nothing was written.');
      expect(await snapshotFolder(path.join(scratch.root, 'systems'))).toEqual({});
    } finally {
      await scratch.remove();
    }
  });
});
