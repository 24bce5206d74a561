/**
 * Deletes with their cost (§8.3): the plan of a delete reads the system's system users, following
 * Altinn's pages, and says how many customers lose their integration and which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/plan-types.ts';
import { startAdoptAltinn, type AdoptAltinn } from '../adopt/adopt-fixture.ts';
import { OTHER_ORG, VENDOR_ORG } from '../support/emulator-harness.ts';
import { createScratchRepo, type ScratchRepo } from '../support/scratch-repo.ts';

const BY_SYSTEM = '/authentication/api/v1/systemuser/vendor/bysystem';
const CUSTOMERS = ['310000001', '310000002', '310000003'];
const id = (name: string) => `${VENDOR_ORG}_${name}`;

function tombstone(name: string): string {
  return [
    `id: ${id(name)}`,
    'vendor:',
    `  ID: '0192:${VENDOR_ORG}'`,
    `name: { nb: ${name}, nn: ${name}, en: ${name} }`,
    `description: { nb: ${name}, nn: ${name}, en: ${name} }`,
    'isDeleted: true',
    '',
  ].join('\n');
}

async function addSystemUsers(url: string, users: unknown): Promise<Response> {
  return fetch(`${url}/_emulator/system-users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(users),
  });
}

let altinn: AdoptAltinn;
let repo: ScratchRepo;

beforeAll(async () => {
  // Two per page, so three system users take two pages and the plan must follow links.next.
  altinn = await startAdoptAltinn({ systemUserPageSize: 2 });
  await altinn.create(id('payroll'), { clientId: ['payroll-client'] });
  await altinn.create(id('unused'), { clientId: ['unused-client'] });
  const added = await addSystemUsers(
    altinn.url,
    CUSTOMERS.map((org) => ({
      systemId: id('payroll'),
      reporteeOrgNo: org,
      integrationTitle: `Payroll for ${org}`,
    })),
  );
  expect(added.status).toBe(200);
  repo = await createScratchRepo();
  await repo.write(`systems/${id('payroll')}.yaml`, tombstone('payroll'));
  await repo.write(`systems/${id('unused')}.yaml`, tombstone('unused'));
}, 30_000);

afterAll(async () => {
  await altinn?.close();
  await repo?.remove();
});

describe('the local Altinn serves system users by system, paginated as Altinn does', () => {
  it('answers { links: { next }, data } pages and ends with next: null', async () => {
    const first = await altinn.harness.call('GET', `${BY_SYSTEM}/${id('payroll')}`);
    expect(first.status).toBe(200);
    const page = first.json as { links: { next: string | null }; data: Record<string, unknown>[] };
    expect(page.data.map((user) => user.reporteeOrgNo)).toEqual(CUSTOMERS.slice(0, 2));
    expect(page.data[0]).toMatchObject({
      systemId: id('payroll'),
      integrationTitle: 'Payroll for 310000001',
    });
    expect(page.links.next).toMatch(new RegExp(`^${altinn.url}${BY_SYSTEM}/${id('payroll')}\\?token=`));
    const next = new URL(page.links.next ?? '');
    const second = await altinn.harness.call('GET', `${next.pathname}${next.search}`);
    expect(second.json).toMatchObject({ links: { next: null }, data: [{ reporteeOrgNo: '310000003' }] });
  });

  it('another vendor’s system is 404, no token is 401, and unknown systems cannot get users', async () => {
    const foreign = await altinn.harness.call('GET', `${BY_SYSTEM}/${id('payroll')}`, {
      token: altinn.harness.tokens.other,
    });
    expect(foreign.status).toBe(404);
    expect((await altinn.harness.call('GET', `${BY_SYSTEM}/${id('payroll')}`, { token: null })).status).toBe(
      401,
    );
    expect(
      (await addSystemUsers(altinn.url, [{ systemId: `${OTHER_ORG}_nope`, reporteeOrgNo: '310000009' }]))
        .status,
    ).toBe(400);
  });
});

describe('plan of a delete', () => {
  it('says how many system users stop working and whose, in text, Markdown and JSON', async () => {
    const text = await altinn.run(['plan', '--env', 'local'], repo.root);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(`3 system users stop working: customers ${CUSTOMERS.join(', ')}.`);
    expect(text.stdout).toContain('It has no system users: no customer loses an integration.');

    const markdown = await altinn.run(['plan', '--env', 'local', '--format', 'markdown'], repo.root);
    // As GitHub shows it: the renderer writes Markdown punctuation as character references.
    const shown = markdown.stdout.replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code)),
    );
    expect(shown).toContain(`**3 system users stop working: customers ${CUSTOMERS.join(', ')}.**`);

    const json = await altinn.run(['plan', '--env', 'local', '--format', 'json'], repo.root);
    const plan = JSON.parse(json.stdout) as Plan;
    const payroll = plan.changes.find((change) => change.systemId === id('payroll'));
    expect(payroll).toMatchObject({ action: 'delete', systemUsers: 3, systemUserCustomers: CUSTOMERS });
    expect(plan.changes.find((change) => change.systemId === id('unused'))).toMatchObject({
      action: 'delete',
      systemUsers: 0,
      systemUserCustomers: [],
    });
  });

  it('names the first five customers and counts the rest', async () => {
    const more = Array.from({ length: 4 }, (_, i) => ({
      systemId: id('payroll'),
      reporteeOrgNo: `31000001${i}`,
    }));
    expect((await addSystemUsers(altinn.url, more)).status).toBe(200);
    const text = await altinn.run(['plan', '--env', 'local'], repo.root);
    expect(text.stdout).toContain(
      '7 system users stop working: customers 310000001, 310000002, 310000003, 310000010, 310000011, and 2 more.',
    );
  });

  it('applies the reviewed plan although system users were read for it and not by apply', async () => {
    const out = `${repo.root}/../sysreg-plan.json`;
    expect((await altinn.run(['plan', '--env', 'local', '--out', out], repo.root)).code).toBe(0);
    const applied = await altinn.run(
      ['apply', '--env', 'local', '--plan', out, '--allow-delete', '--force'],
      repo.root,
    );
    expect(applied.code, applied.stderr).toBe(0);
    const lookup = await altinn.harness.call(
      'GET',
      `/authentication/api/v1/systemregister/vendor/${id('payroll')}`,
    );
    expect(lookup.json).toMatchObject({ isDeleted: true });
  });
});
