import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DriftReport } from '../../src/plan/drift.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSystem } from '../support/emulator-harness.ts';
import { expectGolden } from '../support/golden.ts';
import { renderLineDiff } from '../support/line-diff.ts';
import { createScratchRepo } from '../support/scratch-repo.ts';
import type { ScratchRepo } from '../support/scratch-repo.ts';
import { VENDOR_ORG, snapshotFolder, startAdoptAltinn } from './adopt-fixture.ts';
import type { AdoptAltinn } from './adopt-fixture.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden');
const id = (name: string) => `${VENDOR_ORG}_${name}`;

/** A file as a vendor writes it: comments, a trailing comment, its own order of sections. */
const PAYROLL = `# yaml-language-server: $schema=../.sysreg/system.schema.json
# Payroll: our main product.
id: ${id('payroll')}
vendor:
  ID: "0192:${VENDOR_ORG}"
name:
  nb: Lønn
  nn: Løn
  en: Payroll # shown in English portals
description:
  nb: Kjører lønn
  nn: Køyrer løn
  en: Runs payroll
rights:
  - resource:
      - id: urn:altinn:resource
        value: authentication-e2e-test
accessPackages:
  - urn: urn:altinn:accesspackage:skattegrunnlag
# Maskinporten clients, one per data centre.
clientId:
  - payroll-a
allowedRedirectUrls:
  - https://vendor.example/callback
isVisible: true
`;

/** A file used in two environments: local overrides its client ids, prod too. */
const MULTI = `id: ${id('multi')}
vendor:
  ID: "0192:${VENDOR_ORG}"
name:
  nb: Lønn
  nn: Løn
  en: Payroll
description:
  nb: Kjører lønn
  nn: Køyrer løn
  en: Runs payroll
rights:
  - resource:
      - id: urn:altinn:resource
        value: authentication-e2e-test
accessPackages:
  - urn: urn:altinn:accesspackage:skattegrunnlag
allowedRedirectUrls:
  - https://vendor.example/callback
isVisible: true
environments:
  local:
    # Test clients.
    clientId:
      - multi-local
  prod:
    clientId:
      - multi-prod
`;

const STEADY = `id: ${id('steady')}
vendor:
  ID: "0192:${VENDOR_ORG}"
name: { nb: Lønn, nn: Løn, en: Payroll }
description: { nb: Kjører lønn, nn: Køyrer løn, en: Runs payroll }
rights:
  - resource:
      - id: urn:altinn:resource
        value: authentication-e2e-test
accessPackages:
  - urn: urn:altinn:accesspackage:skattegrunnlag
allowedRedirectUrls: [https://vendor.example/callback]
`;

describe('sysreg drift --accept', () => {
  let altinn: AdoptAltinn;
  let repo: ScratchRepo;

  beforeAll(async () => {
    altinn = await startAdoptAltinn();
    repo = await createScratchRepo();
    await repo.write(`systems/${id('payroll')}.yaml`, PAYROLL);
    await repo.write(`systems/${id('multi')}.yaml`, MULTI);
    await repo.write(`systems/${id('steady')}.yaml`, STEADY);
    await altinn.create(id('payroll'), { clientId: ['payroll-a'] });
    await altinn.create(id('multi'), { clientId: ['multi-local'] });
    await altinn.create(id('steady'));
  }, 30_000);

  afterAll(async () => {
    await altinn?.close();
    await repo?.remove();
  });

  it('writes the drifted fields only, after which plan and drift are empty', async () => {
    expect((await altinn.run(['drift', '--env', 'local', '--detailed-exitcode'], repo.root)).code).toBe(0);
    // Changed outside git: in the portal, or by another tool.
    await altinn.update(
      id('payroll'),
      buildSystem(id('payroll'), {
        name: { nb: 'Lønn', nn: 'Løn', en: 'Payroll Pro' },
        clientId: ['payroll-a', 'payroll-b'],
        allowedRedirectUrls: ['https://vendor.example/callback', 'https://vendor.example/second'],
      }),
    );
    await altinn.update(
      id('multi'),
      buildSystem(id('multi'), {
        description: { nb: 'Kjører lønn', nn: 'Køyrer løn', en: 'Runs payroll, faster' },
        clientId: ['multi-local-2'],
      }),
    );
    expect((await altinn.run(['drift', '--env', 'local', '--detailed-exitcode'], repo.root)).code).toBe(2);
    const before = await snapshotFolder(path.join(repo.root, 'systems'));

    // Into the base, as asked: the smallest edit there, comments kept (an override is where it
    // goes by default; see 'where it writes' below).
    const accepted = await altinn.run(['drift', '--env', 'local', '--accept', '--into-base'], repo.root);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toBe(
      [
        `accepted systems/${id('multi')}.yaml: description, environments.local.clientId`,
        `accepted systems/${id('payroll')}.yaml: name, clientId, allowedRedirectUrls`,
        '',
        'Wrote live values from local into 2 files; review the diff and open a pull request.',
        '',
      ].join('\n'),
    );

    const after = await snapshotFolder(path.join(repo.root, 'systems'));
    const diffs = Object.keys(before)
      .map((file) =>
        before[file] === after[file]
          ? ''
          : `--- ${file}\n${renderLineDiff(before[file] ?? '', after[file] ?? '')}`,
      )
      .join('');
    expectGolden(path.join(GOLDEN, 'accept-drift.diff'), diffs);
    expect(after[`${id('steady')}.yaml`]).toBe(STEADY);

    const plan = await altinn.run(['plan', '--env', 'local', '--detailed-exitcode'], repo.root);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect((await altinn.run(['drift', '--env', 'local', '--detailed-exitcode'], repo.root)).code).toBe(0);
    // Nothing left to accept: a second run changes nothing.
    const again = await altinn.run(['drift', '--env', 'local', '--accept'], repo.root);
    expect(again.stdout).toContain('No drift to accept from local.');
    expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual(after);
  });
});

describe('sysreg drift --accept, what it leaves', () => {
  let altinn: AdoptAltinn;
  let repo: ScratchRepo;

  beforeAll(async () => {
    altinn = await startAdoptAltinn();
    repo = await createScratchRepo();
    await repo.write(`systems/${id('payroll')}.yaml`, PAYROLL);
    await repo.write(`systems/${id('steady')}.yaml`, STEADY);
    await repo.write(`systems/${id('ghost')}.yaml`, STEADY.replaceAll(id('steady'), id('ghost')));
    await repo.write(
      `systems/${id('zombie')}.yaml`,
      `${STEADY.replaceAll(id('steady'), id('zombie'))}isDeleted: true\n`,
    );
    await altinn.create(id('payroll'), { clientId: ['payroll-a'] });
    await altinn.create(id('steady'));
    await altinn.create(id('zombie'));
    await altinn.create(id('stray'));
  }, 30_000);

  afterAll(async () => {
    await altinn?.close();
    await repo?.remove();
  });

  it('accepts only the systems named with --only', async () => {
    await altinn.update(id('payroll'), buildSystem(id('payroll'), { clientId: ['payroll-z'] }));
    await altinn.update(id('steady'), buildSystem(id('steady'), { isVisible: false }));
    const result = await altinn.run(
      ['drift', '--env', 'local', '--accept', '--only', id('steady'), '--only', id('ghost-free')],
      repo.root,
    );
    expect(result.code).toBe(0);
    // A value only local has goes into local's override, and says so: the base, which tt02 and
    // prod read, keeps its value.
    expect(result.stdout).toContain(
      `accepted systems/${id('steady')}.yaml: environments.local.isVisible\n` +
        '         only in local: prod, tt02 keep the base value. --into-base writes the base, for every environment.\n',
    );
    expect(result.stdout).toContain(`no drift ${id('ghost-free')}`);
    expect(result.stdout).not.toContain(id('payroll'));
    expect(await readFile(path.join(repo.root, 'systems', `${id('payroll')}.yaml`), 'utf8')).toBe(PAYROLL);
    const steady = await readFile(path.join(repo.root, 'systems', `${id('steady')}.yaml`), 'utf8');
    expect(steady).toBe(`${STEADY}environments:\n  local:\n    isVisible: false\n`);
  });

  it('leaves drift a field edit cannot settle, and says why', async () => {
    const before = await snapshotFolder(path.join(repo.root, 'systems'));
    const result = await altinn.run(['drift', '--env', 'local', '--accept'], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `left     systems/${id('ghost')}.yaml (missing-in-altinn): it is missing in local; 'sysreg apply' creates it`,
    );
    expect(result.stdout).toContain(
      `left     systems/${id('zombie')}.yaml (changed-outside-git): its file says it must not exist in local, but it is live there`,
    );
    expect(result.stdout).toContain(
      `left     ${id('stray')} (unmanaged-in-altinn): no file describes it; 'sysreg import --env local --only ${id('stray')}' adopts it.`,
    );
    const after = await snapshotFolder(path.join(repo.root, 'systems'));
    expect(Object.keys(after).filter((file) => after[file] !== before[file])).toEqual([
      `${id('payroll')}.yaml`,
    ]);
  });

  it('settles the missing system and the live tombstone with the import it names', async () => {
    const left = await altinn.run(['drift', '--env', 'local', '--accept'], repo.root);
    for (const name of ['ghost', 'zombie'])
      expect(left.stdout).toContain(`'sysreg import --env local --only ${id(name)}'`);
    const imported = await altinn.run(
      ['import', '--env', 'local', '--only', `${id('ghost')},${id('zombie')}`],
      repo.root,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const ghost = await readFile(path.join(repo.root, 'systems', `${id('ghost')}.yaml`), 'utf8');
    expect(ghost).toMatch(/\nenvironments:\n {2}local:\n {4}isDeleted: true\n$/);
    const zombie = await readFile(path.join(repo.root, 'systems', `${id('zombie')}.yaml`), 'utf8');
    expect(zombie).toMatch(/\nisDeleted: true\nenvironments:\n {2}local:\n {4}isDeleted: false\n$/);
    const drift = await altinn.run(['drift', '--env', 'local', '--format', 'json'], repo.root);
    const items = (JSON.parse(drift.stdout) as DriftReport).items;
    expect(items.map((item) => [item.systemId, item.kind])).toEqual([[id('stray'), 'unmanaged-in-altinn']]);
  });

  it('refuses --only without --accept', async () => {
    const result = await altinn.run(['drift', '--env', 'local', '--only', id('payroll')], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--only goes with --accept');
  });
});
