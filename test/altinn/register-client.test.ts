/** Writes and every error shape of the contract (§3.1, §4.1, §4.4), over HTTP to the local Altinn. */
import { describe, expect, it, onTestFinished } from 'vitest';
import { AltinnError } from '../../src/altinn/errors.ts';
import { fetchCatalogue } from '../../src/altinn/catalogue-client.ts';
import type { RegisterSystemRequest } from '../../src/model/wire.ts';
import {
  listStoredSystems,
  makeLiveSystem,
  openLocalAltinnSession,
  readRequestLog,
  seedSystems,
  setFaults,
} from '../support/local-altinn.ts';

async function setUp() {
  const { altinn, client, connection, close } = await openLocalAltinnSession({
    transport: { requestTimeoutMs: 2_000, retry: { baseDelayMs: 10, totalTimeMs: 10_000 } },
  });
  onTestFinished(close);
  return { altinn, client, register: connection.client, tokens: connection.tokens };
}

function request(
  orgNumber: string,
  suffix: string,
  overrides: Partial<RegisterSystemRequest> = {},
): RegisterSystemRequest {
  return {
    id: `${orgNumber}_${suffix}`,
    vendor: { ID: `0192:${orgNumber}` },
    name: { en: 'A system', nb: 'Et system', nn: 'Eit system' },
    description: { en: 'd', nb: 'd', nn: 'd' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] }],
    accessPackages: [],
    clientId: [`${suffix}-client`],
    allowedRedirectUrls: ['https://example.com'],
    isVisible: true,
    ...overrides,
  };
}

async function expectAltinnError(promise: Promise<unknown>): Promise<AltinnError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AltinnError);
  return error as AltinnError;
}

describe('system register client', () => {
  it('creates, reads, updates, reads the changelog and deletes', async () => {
    const { client, register } = await setUp();
    const body = request(client.orgNumber, 'crud');
    const created = await register.createSystem(body);
    expect(created.confirmedByRead).toBe(false);
    expect(created.internalId).toMatch(/^[0-9a-f-]{36}$/);
    const found = await register.getSystem(body.id);
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(found.system.allowedRedirectUrls).toEqual(['https://example.com/']);
    await register.updateSystem(body.id, { ...body, isVisible: false });
    const changelog = await register.getChangelog(body.id);
    expect(changelog.map((c) => c.changeType)).toEqual(['update', 'create']);
    await register.deleteSystem(body.id);
    const deleted = await register.getSystem(body.id);
    expect(deleted.status === 'found' && deleted.system.isDeleted).toBe(true);
    expect(await register.listVendorSystems()).toEqual([]);
  });

  it('treats a 400 from DELETE as done when the read shows the system deleted (§4.1)', async () => {
    const { altinn, client, register } = await setUp();
    const system = makeLiveSystem(client.orgNumber, 'no-clients', { clientId: [] });
    await seedSystems(altinn.url, [system]);
    await register.deleteSystem(system.id);
    await register.deleteSystem(system.id);
    const deletes = (await readRequestLog(altinn.url)).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.status)).toEqual([400, 400]);
    const lookup = await register.getSystem(system.id);
    expect(lookup.status === 'found' && lookup.system.isDeleted).toBe(true);
  });

  it('does not create twice when the answer to a create was lost', async () => {
    const { altinn, client, register, tokens } = await setUp();
    await tokens.getToken();
    // Every request is reset after it ran: the create commits and its answer is lost.
    await setFaults(altinn.url, { resetRate: 1 });
    const body = request(client.orgNumber, 'lost-answer');
    const pending = register.createSystem(body);
    // Let the POST through the reset, then heal the network for the read that follows.
    await waitFor(async () => (await readRequestLog(altinn.url)).some((r) => r.method === 'POST'));
    await setFaults(altinn.url, {});
    const result = await pending;
    expect(result.confirmedByRead).toBe(true);
    const log = await readRequestLog(altinn.url);
    const posts = log.filter((r) => r.method === 'POST' && r.path.endsWith('/systemregister/vendor'));
    expect(posts).toHaveLength(1);
    expect(log.flatMap((r) => r.codes ?? [])).not.toContain('AUTH.VLD-00002');
    expect((await listStoredSystems(altinn.url)).filter((s) => s.id === body.id)).toHaveLength(1);
  });

  /** Sends `body` with every answer lost after the request ran, then heals the network for the read. */
  async function createWithLostAnswer(
    session: Awaited<ReturnType<typeof setUp>>,
    body: RegisterSystemRequest,
  ): Promise<unknown> {
    await session.tokens.getToken();
    await setFaults(session.altinn.url, { resetRate: 1 });
    const pending = session.register.createSystem(body).then(
      (result) => result,
      (error: unknown) => error,
    );
    await waitFor(async () => (await readRequestLog(session.altinn.url)).some((r) => r.method === 'POST'));
    await setFaults(session.altinn.url, {});
    return pending;
  }

  it('counts a lost create as done when Altinn stored it with its URLs unescaped (one comparison)', async () => {
    const session = await setUp();
    const body = request(session.client.orgNumber, 'escaped', {
      clientId: ['b-client', 'a-client'],
      allowedRedirectUrls: [
        'https://kvittering.example/v%c3%a6r/cb',
        'https://kvittering.example/%7Euser',
        'https://kvittering.example/%41pp',
      ],
    });
    const outcome = await createWithLostAnswer(session, body);
    expect(outcome).toEqual({ internalId: undefined, confirmedByRead: true });
    const stored = (await listStoredSystems(session.altinn.url)).find((s) => s.id === body.id);
    expect(stored?.allowedRedirectUrls).toContain('https://kvittering.example/vær/cb');
  });

  it('does not count a lost create as done when the read finds another system under its id', async () => {
    const session = await setUp();
    const body = request(session.client.orgNumber, 'taken');
    // Another writer got there first: the same id and vendor, other content.
    await seedSystems(session.altinn.url, [
      makeLiveSystem(session.client.orgNumber, 'taken', { clientId: ['someone-else'] }),
    ]);
    const outcome = await createWithLostAnswer(session, body);
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).not.toHaveProperty('confirmedByRead');
  });

  it('creates again after a 503 that did not run, and never twice', async () => {
    const { altinn, client, register, tokens } = await setUp();
    await tokens.getToken();
    await setFaults(altinn.url, { errorRate: 0.3, seed: 3 });
    const bodies = Array.from({ length: 6 }, (_, i) => request(client.orgNumber, `retry${i}`));
    for (const body of bodies) await register.createSystem(body);
    await setFaults(altinn.url, {});
    const stored = await listStoredSystems(altinn.url);
    for (const body of bodies) expect(stored.filter((s) => s.id === body.id)).toHaveLength(1);
    const log = await readRequestLog(altinn.url);
    expect(log.some((r) => r.method === 'POST' && r.status === 503)).toBe(true);
    expect(log.flatMap((r) => r.codes ?? [])).not.toContain('AUTH.VLD-00002');
  });

  it('reads 404 as absent and 403 as forbidden', async () => {
    const { altinn, client, register } = await setUp();
    await seedSystems(altinn.url, [makeLiveSystem('310000002', 'foreign')]);
    expect(await register.getSystem(`${client.orgNumber}_nothing`)).toEqual({ status: 'absent' });
    expect(await register.getSystem('310000002_foreign')).toEqual({ status: 'forbidden' });
  });

  it('fetches the live catalogue for the ids and urns asked', async () => {
    const { register } = await setUp();
    const catalogue = await fetchCatalogue(register, {
      resourceIds: ['ske-krav-og-betalinger', 'ske-innrapportering-boligsameie', 'no-such-resource'],
      accessPackageUrns: [
        'urn:altinn:accesspackage:skattegrunnlag',
        'urn:altinn:accesspackage:ansvarlig-revisor',
        'urn:altinn:accesspackage:nope',
      ],
    });
    expect(catalogue.resources).toEqual([
      { identifier: 'ske-krav-og-betalinger', resourceType: 'GenericAccessResource' },
      { identifier: 'ske-innrapportering-boligsameie', resourceType: 'MaskinportenSchema' },
    ]);
    expect(catalogue.accessPackages).toEqual([
      { urn: 'urn:altinn:accesspackage:skattegrunnlag', isDelegable: true, isAssignable: true },
      { urn: 'urn:altinn:accesspackage:ansvarlig-revisor', isDelegable: true, isAssignable: false },
    ]);
  });
});

describe('every error shape becomes an AltinnError', () => {
  it('Altinn validation problem, with its AUTH.VLD codes', async () => {
    const { client, register } = await setUp();
    const error = await expectAltinnError(
      register.createSystem(
        request(client.orgNumber, 'bad-url', { allowedRedirectUrls: ['http://insecure.example'] }),
      ),
    );
    expect([error.status, error.method, error.problemKind]).toEqual([400, 'POST', 'altinn-problem']);
    expect(error.path).toBe('/authentication/api/v1/systemregister/vendor');
    expect(error.codes).toEqual(['AUTH.VLD-00005']);
  });

  it('AUTH.VLD-00002 for a burned id', async () => {
    const { altinn, client, register } = await setUp();
    await seedSystems(altinn.url, [makeLiveSystem(client.orgNumber, 'burned', { isDeleted: true })]);
    const error = await expectAltinnError(register.createSystem(request(client.orgNumber, 'burned')));
    expect(error.codes).toContain('AUTH.VLD-00002');
  });

  it('ASP.NET validation problem for DELETE of an unknown id', async () => {
    const { client, register } = await setUp();
    const error = await expectAltinnError(register.deleteSystem(`${client.orgNumber}_unknown`));
    expect([error.status, error.method, error.problemKind]).toEqual([400, 'DELETE', 'aspnet-problem']);
    expect(error.fieldErrors).toEqual({ return: ['System not found'] });
  });

  it('plain text for PUT of an unknown id and of a deleted system', async () => {
    const { altinn, client, register } = await setUp();
    const unknown = request(client.orgNumber, 'unknown');
    const notFound = await expectAltinnError(register.updateSystem(unknown.id, unknown));
    expect([notFound.status, notFound.problemKind]).toEqual([404, 'text']);
    expect(notFound.bodyExcerpt).toBe(`System with ID '${unknown.id}' not found.`);
    await seedSystems(altinn.url, [makeLiveSystem(client.orgNumber, 'gone', { isDeleted: true })]);
    const gone = request(client.orgNumber, 'gone');
    const deleted = await expectAltinnError(register.updateSystem(gone.id, gone));
    expect([deleted.status, deleted.problemKind, deleted.bodyExcerpt]).toEqual([
      400,
      'text',
      'Cannot update a system marked as deleted.',
    ]);
  });

  it('409 text for duplicate client ids in one create body', async () => {
    const { client, register } = await setUp();
    const error = await expectAltinnError(
      register.createSystem(request(client.orgNumber, 'dup', { clientId: ['same', 'same'] })),
    );
    expect([error.status, error.problemKind]).toEqual([409, 'text']);
    expect(error.bodyExcerpt).toContain('The System already exist');
  });

  it('empty body for a 403 on another vendor', async () => {
    const { altinn, register } = await setUp();
    await seedSystems(altinn.url, [makeLiveSystem('310000003', 'other')]);
    const error = await expectAltinnError(register.getChangelog('310000003_other'));
    expect([error.status, error.problemKind, error.bodyExcerpt]).toEqual([403, 'empty', '']);
    expect(error.message).toContain('answered 403');
  });

  it('500 text from a create that the database refused, after bounded re-reads', async () => {
    const { altinn, client, register } = await setUp();
    const error = await expectAltinnError(
      register.createSystem(request(client.orgNumber, 'no-nn', { name: { en: 'x', nb: 'y' } })),
    );
    expect([error.status, error.problemKind]).toEqual([500, 'text']);
    const posts = (await readRequestLog(altinn.url)).filter(
      (r) => r.method === 'POST' && r.path.includes('systemregister'),
    );
    expect(posts.length).toBe(4);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
