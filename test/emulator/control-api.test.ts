/**
 * The `/_emulator/` control surface: seeding live systems (drift and legacy state), extending the
 * catalogues, registering clients, the request log and reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/emulator-harness.ts';
import {
  OTHER_ORG,
  REGISTER,
  VENDOR_ORG,
  buildSystem,
  readCodes,
  startHarness,
} from '../support/emulator-harness.ts';
import { createTestClient, fetchAccessToken } from '../support/maskinporten-grant.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const legacy = {
  id: `${VENDOR_ORG}_legacy`,
  vendor: { ID: `0192:${VENDOR_ORG}` },
  name: { en: 'Legacy', nb: 'Gammel' },
  description: { en: 'Made before the rules' },
  rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'se_2802_2203' }] }],
  clientId: ['legacy-client'],
  allowedRedirectUrls: ['http://old.example'],
  isVisible: true,
  isDeleted: false,
};

describe('/_emulator/ control API', () => {
  it('POST /_emulator/systems stores systems as given, bypassing validation; GET returns them in the GET shape', async () => {
    const seeded = await h.call('POST', '/_emulator/systems', { token: null, body: [legacy] });
    expect(seeded.status).toBe(200);
    const live = await h.call('GET', `${REGISTER}/vendor/${legacy.id}`);
    expect(live.json).toEqual({ ...legacy, isDeleted: false });
    expect('accessPackages' in (live.json as object)).toBe(false);
    const all = (await h.call('GET', '/_emulator/systems', { token: null })).json as { id: string }[];
    expect(all.map((s) => s.id)).toContain(legacy.id);
  });

  it('seeded client ids are held: a create that claims one gets AUTH.VLD-00004', async () => {
    const reply = await h.call('POST', `${REGISTER}/vendor`, {
      body: buildSystem(`${VENDOR_ORG}_claims`, { clientId: ['legacy-client'] }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00004']);
  });

  it('seeding a client id held by another system → 409 with a message', async () => {
    const reply = await h.call('POST', '/_emulator/systems', {
      token: null,
      body: [{ ...legacy, id: `${OTHER_ORG}_thief`, vendor: { ID: `0192:${OTHER_ORG}` } }],
    });
    expect(reply.status).toBe(409);
    expect((reply.json as { error: string }).error).toContain('legacy-client');
  });

  it('seeding refuses a malformed system with 400 naming the field', async () => {
    const reply = await h.call('POST', '/_emulator/systems', {
      token: null,
      body: [{ ...legacy, vendor: { ID: VENDOR_ORG } }],
    });
    expect(reply.status).toBe(400);
    expect((reply.json as { error: string }).error).toContain('[0].vendor.ID');
  });

  it('POST /_emulator/resources and /_emulator/accesspackages extend the catalogues the register checks', async () => {
    const id = `${VENDOR_ORG}_catalogue`;
    const body = buildSystem(id, {
      rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'vendor-own-resource' }] }],
      accessPackages: [{ urn: 'urn:altinn:accesspackage:new-package' }],
    });
    expect(readCodes(await h.call('POST', `${REGISTER}/vendor`, { body }))).toEqual([
      'AUTH.VLD-00003',
      'AUTH.VLD-00008',
    ]);
    expect(
      (
        await h.call('POST', '/_emulator/resources', {
          token: null,
          body: [{ identifier: 'vendor-own-resource', resourceType: 'Default' }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.call('POST', '/_emulator/accesspackages', {
          token: null,
          body: [{ urn: 'urn:altinn:accesspackage:new-package', isDelegable: true, isAssignable: true }],
        })
      ).status,
    ).toBe(200);
    expect((await h.call('POST', `${REGISTER}/vendor`, { body })).status).toBe(200);
  });

  it('POST /_emulator/clients refuses a private key, a missing kid or a bad org number', async () => {
    const client = await createTestClient();
    const { kid: _kid, ...noKid } = client.publicJwk;
    for (const body of [
      { clientId: 'x', orgNumber: VENDOR_ORG, scopes: [], jwk: noKid },
      { clientId: 'x', orgNumber: VENDOR_ORG, scopes: [], jwk: { ...client.publicJwk, d: 'secret' } },
      { clientId: 'x', orgNumber: '12', scopes: [], jwk: client.publicJwk },
    ]) {
      const reply = await h.call('POST', '/_emulator/clients', { token: null, body });
      expect(reply.status).toBe(400);
      expect(reply.text).not.toContain('secret');
    }
  });

  it('GET /_emulator/requests logs method, path, status, AUTH.VLD codes and time', async () => {
    await h.call('POST', `${REGISTER}/vendor`, { body: buildSystem('the_matrix') });
    const log = (await h.call('GET', '/_emulator/requests', { token: null })).json as Record<
      string,
      unknown
    >[];
    const last = log.filter((e) => e.method === 'POST' && e.path === `${REGISTER}/vendor`).at(-1);
    expect(last).toMatchObject({ status: 400, codes: ['AUTH.VLD-00001'] });
    expect(new Date(last?.time as string).toString()).not.toBe('Invalid Date');
    expect(log.some((e) => String(e.path).startsWith('/_emulator/'))).toBe(false);
  });

  it('each request log entry names its systemId: the path id, the POST body id, or null', async () => {
    await h.call('DELETE', '/_emulator/requests', { token: null });
    const id = `${VENDOR_ORG}_logged`;
    const odd = `${VENDOR_ORG}_with space`;
    await h.call('POST', `${REGISTER}/vendor`, { body: buildSystem(` ${id} `) });
    await h.call('POST', `${REGISTER}/vendor`, { raw: '{"id": "not json' });
    await h.call('POST', `${REGISTER}/vendor`, { body: [id] });
    await h.call('GET', `${REGISTER}/vendor/${id}`);
    await h.call('PUT', `${REGISTER}/vendor/${id}`, { body: buildSystem(id, { isVisible: false }) });
    await h.call('PUT', `${REGISTER}/vendor/${id}/rights`, { body: [] });
    await h.call('GET', `${REGISTER}/vendor/${encodeURIComponent(odd)}?x=1`);
    await h.call('GET', `${REGISTER}/${id}`);
    await h.call('DELETE', `${REGISTER}/vendor/${id}`);
    await h.call('GET', `${REGISTER}/vendor`);
    await h.call('GET', '/resourceregistry/api/v1/resource/authentication-e2e-test', { token: null });
    const log = (await h.call('GET', '/_emulator/requests', { token: null })).json as Record<
      string,
      unknown
    >[];
    expect(log.map((e) => [e.method, e.systemId])).toEqual([
      // The service trims the body id before it stores it; the log names the stored id.
      ['POST', id],
      ['POST', null],
      ['POST', null],
      ['GET', id],
      ['PUT', id],
      ['PUT', id],
      ['GET', odd],
      ['GET', id],
      ['DELETE', id],
      ['GET', null],
      ['GET', null],
    ]);
    expect(log[0]?.status).toBe(200);
  });

  it('POST /_emulator/reset clears systems, clients and the catalogue additions', async () => {
    expect((await h.call('POST', '/_emulator/reset', { token: null })).status).toBe(204);
    expect((await h.call('GET', '/_emulator/systems', { token: null })).json).toEqual([]);
    expect(
      (await h.call('GET', '/resourceregistry/api/v1/resource/vendor-own-resource', { token: null })).status,
    ).toBe(404);
    await expect(fetchAccessToken(h.url, h.clients.vendor)).rejects.toThrow(/invalid_client/);
  });

  it('an unknown control route → 404 with a message', async () => {
    const reply = await h.call('GET', '/_emulator/nothing', { token: null });
    expect(reply.status).toBe(404);
    expect((reply.json as { error: string }).error).toContain('/_emulator/nothing');
  });
});
