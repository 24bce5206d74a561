/**
 * Contract suite: the local Altinn's system register over real HTTP, one case per rule, error code
 * and quirk of shared/altinn-system-register.md; each case names the section it checks.
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

let h: Harness;
let counter = 0;
/** A fresh system id for the vendor, so cases do not depend on each other. */
const freshId = (stem = 'sys') => `${VENDOR_ORG}_${stem}${++counter}`;
const V = `${REGISTER}/vendor`;

async function create(id: string, overrides: Record<string, unknown> = {}, token?: string) {
  const reply = await h.call('POST', V, {
    body: buildSystem(id, overrides),
    ...(token !== undefined ? { token } : {}),
  });
  expect(reply.status, reply.text).toBe(200);
  return reply;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('§1.1 authorization', () => {
  it('§1.1: no token → 401 with an empty body', async () => {
    const reply = await h.call('GET', V, { token: null });
    expect(reply.status).toBe(401);
    expect(reply.text).toBe('');
  });

  it('§1.1: a token that does not validate → 401 with an empty body', async () => {
    const [header, payload] = h.tokens.vendor.split('.');
    const reply = await h.call('GET', V, { token: `${header}.${payload}.AAAA` });
    expect(reply.status).toBe(401);
    expect(reply.text).toBe('');
  });

  it('§1.1: a valid token without the write or admin scope → 403 with an empty body', async () => {
    const reply = await h.call('POST', V, { token: h.tokens.noScope, body: buildSystem(freshId()) });
    expect(reply.status).toBe(403);
    expect(reply.text).toBe('');
  });

  it('§1.1: not the owner → 403 on GET /vendor/{id}', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('GET', `${V}/${id}`, { token: h.tokens.other });
    expect(reply.status).toBe(403);
    expect(reply.text).toBe('');
  });

  it('§1.1: the admin scope may act on any vendor’s system', async () => {
    const id = freshId();
    await create(id);
    expect((await h.call('GET', `${V}/${id}`, { token: h.tokens.admin })).status).toBe(200);
    const put = await h.call('PUT', `${V}/${id}`, {
      token: h.tokens.admin,
      body: buildSystem(id, { isVisible: false }),
    });
    expect(put.status).toBe(200);
  });

  it('§3.3 step 6 / §5.2: the admin creates for another vendor (its consumer org differs)', async () => {
    const reply = await h.call('POST', V, { token: h.tokens.admin, body: buildSystem(freshId('admin')) });
    expect(reply.status).toBe(200);
  });

  it('§1.2 #9: portal reads need altinn:portal/enduser; a vendor token gets 403, none gets 401', async () => {
    expect((await h.call('GET', `${REGISTER}/`, { token: h.tokens.vendor })).status).toBe(403);
    expect((await h.call('GET', `${REGISTER}/`, { token: null })).status).toBe(401);
    expect((await h.call('GET', `${REGISTER}/`, { token: h.tokens.portal })).status).toBe(200);
  });

  it('§5.1: the token exchange answers text/plain with an Altinn token the register accepts', async () => {
    const exchanged = await h.call('GET', '/authentication/api/v1/exchange/maskinporten');
    expect(exchanged.status).toBe(200);
    expect(exchanged.contentType).toMatch(/^text\/plain/);
    const altinnToken = exchanged.text;
    const claims = JSON.parse(Buffer.from(altinnToken.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims['urn:altinn:orgNumber']).toBe(VENDOR_ORG);
    expect(claims.iss).toBe(`${h.url}/authentication/api/v1/openid/`);
    expect(claims.scope).toBe('altinn:authentication/systemregister.write');
    const id = freshId('exchanged');
    expect((await h.call('POST', V, { token: altinnToken, body: buildSystem(id) })).status).toBe(200);
    const changelog = await h.call('GET', `${V}/${id}/changelog`, { token: altinnToken });
    expect((changelog.json as { clientId: string }[])[0]?.clientId).toBe(h.clients.vendor.clientId);
  });

  it('§5.1: the exchange answers 401 without a token and 410 for enterprise-user authentication', async () => {
    expect(
      (await h.call('GET', '/authentication/api/v1/exchange/maskinporten', { token: null })).status,
    ).toBe(401);
    const gone = await h.call('GET', '/authentication/api/v1/exchange/maskinporten', {
      headers: { 'X-Altinn-EnterpriseUser-Authentication': 'x' },
    });
    expect(gone.status).toBe(410);
  });
});

describe('§1.2 endpoints and §2 bodies', () => {
  it('§1.2 #1 / §1.3: POST answers 200 with a JSON string holding the internal GUID, not the system id', async () => {
    const id = freshId();
    const reply = await create(id);
    expect(reply.contentType).toBe('application/json; charset=utf-8');
    expect(reply.json).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(reply.json).not.toBe(id);
  });

  it('§2.2: GET /vendor/{id} returns the full model without authority or internal fields', async () => {
    const id = freshId();
    await create(id, {
      vendor: { ID: `0192:${VENDOR_ORG}`, authority: 'iso6523-actorid-upis' },
      clientId: [`c-${id}`],
    });
    const reply = await h.call('GET', `${V}/${id}`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      id,
      vendor: { ID: `0192:${VENDOR_ORG}` },
      name: { en: 'Payroll', nb: 'Lønn', nn: 'Løn' },
      description: { en: 'Runs payroll', nb: 'Kjører lønn', nn: 'Køyrer løn' },
      rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] }],
      accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
      isDeleted: false,
      clientId: [`c-${id}`],
      isVisible: true,
      allowedRedirectUrls: ['https://vendor.example/callback'],
    });
  });

  it('§1.2 #2: GET of an unknown id → 404 with an empty body', async () => {
    const reply = await h.call('GET', `${V}/${VENDOR_ORG}_never`);
    expect(reply.status).toBe(404);
    expect(reply.text).toBe('');
  });

  it('§2.2: allowedRedirectUrls come back normalised (https://altinn.no → https://altinn.no/)', async () => {
    const id = freshId();
    await create(id, { allowedRedirectUrls: ['https://altinn.no', 'https://EXAMPLE.com:443/a%20b'] });
    const reply = await h.call('GET', `${V}/${id}`);
    expect((reply.json as { allowedRedirectUrls: string[] }).allowedRedirectUrls).toEqual([
      'https://altinn.no/',
      'https://example.com/a b',
    ]);
  });

  it('§2.2: array order is preserved for client ids, rights and access packages', async () => {
    const id = freshId();
    const packages = [
      { urn: 'urn:altinn:accesspackage:lonn' },
      { urn: 'urn:altinn:accesspackage:ansettelsesforhold' },
    ];
    const rights = [
      { resource: [{ id: 'urn:altinn:resource', value: 'ttd-systemuser-resource' }] },
      { action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] },
    ];
    await create(id, { clientId: [`z-${id}`, `a-${id}`], accessPackages: packages, rights });
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect(live.clientId).toEqual([`z-${id}`, `a-${id}`]);
    expect(live.accessPackages).toEqual(packages);
    expect(live.rights).toEqual(rights);
  });

  it('§1.2 #3 / §2.3: GET /vendor lists the caller’s non-deleted systems, invisible ones included, as DTOs, no-store', async () => {
    const visible = freshId();
    const hidden = freshId();
    const deleted = freshId();
    await create(visible);
    await create(hidden, { isVisible: false });
    await create(deleted);
    await h.call('DELETE', `${V}/${deleted}`);
    await h.call('POST', V, {
      token: h.tokens.other,
      body: buildSystem(`${OTHER_ORG}_mine`, { vendor: { ID: `0192:${OTHER_ORG}` } }),
    });
    const reply = await h.call('GET', V);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const list = reply.json as Record<string, unknown>[];
    const ids = list.map((s) => s.systemId);
    expect(ids).toContain(visible);
    expect(ids).toContain(hidden);
    expect(ids).not.toContain(deleted);
    expect(ids).not.toContain(`${OTHER_ORG}_mine`);
    const dto = list.find((s) => s.systemId === visible);
    expect(Object.keys(dto ?? {}).sort()).toEqual(
      [
        'accessPackages',
        'description',
        'isVisible',
        'name',
        'rights',
        'systemId',
        'systemVendorOrgName',
        'systemVendorOrgNumber',
      ].sort(),
    );
    expect(dto?.systemVendorOrgNumber).toBe(VENDOR_ORG);
    expect(dto?.systemVendorOrgName).toBe('');
  });

  it('§1.2 #9 / §4.1: the portal list holds visible, non-deleted systems of every vendor', async () => {
    const visible = freshId();
    const hidden = freshId();
    const deleted = freshId();
    await create(visible);
    await create(hidden, { isVisible: false });
    await create(deleted);
    await h.call('DELETE', `${V}/${deleted}`);
    const ids = (
      (await h.call('GET', REGISTER, { token: h.tokens.portal })).json as { systemId: string }[]
    ).map((s) => s.systemId);
    expect(ids).toContain(visible);
    expect(ids).toContain(`${OTHER_ORG}_mine`);
    expect(ids).not.toContain(hidden);
    expect(ids).not.toContain(deleted);
  });

  it('§1.2 #10: GET /{id} returns the DTO, deleted systems included; unknown → 404 empty', async () => {
    const id = freshId();
    await create(id, { clientId: [`c-${id}`] });
    await h.call('DELETE', `${V}/${id}`);
    const reply = await h.call('GET', `${REGISTER}/${id}`, { token: h.tokens.portal });
    expect(reply.status).toBe(200);
    expect((reply.json as { systemId: string }).systemId).toBe(id);
    const missing = await h.call('GET', `${REGISTER}/${VENDOR_ORG}_nope`, { token: h.tokens.portal });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('');
  });

  it('§1.2 #11: rights of an unknown system are []; useOldFormatForApp splits app_{org}_{app}', async () => {
    const unknown = await h.call('GET', `${REGISTER}/${VENDOR_ORG}_nope/rights`, { token: h.tokens.portal });
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual([]);
    const id = freshId();
    await create(id, {
      rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'app_ttd_endring-av-navn-v2' }] }],
    });
    const old = await h.call('GET', `${REGISTER}/${id}/rights?useOldFormatForApp=true`, {
      token: h.tokens.portal,
    });
    expect(old.json).toEqual([
      {
        resource: [
          { id: 'urn:altinn:org', value: 'ttd' },
          { id: 'urn:altinn:app', value: 'endring-av-navn-v2' },
        ],
      },
    ]);
    const current = await h.call('GET', `${REGISTER}/${id}/rights`, { token: h.tokens.portal });
    expect(current.json).toEqual([
      { resource: [{ id: 'urn:altinn:resource', value: 'app_ttd_endring-av-navn-v2' }] },
    ]);
  });

  it('§1.2 #12: access packages of an unknown system are []', async () => {
    const unknown = await h.call('GET', `${REGISTER}/${VENDOR_ORG}_nope/accesspackages`, {
      token: h.tokens.portal,
    });
    expect(unknown.json).toEqual([]);
    const id = freshId();
    await create(id);
    const known = await h.call('GET', `${REGISTER}/${id}/accesspackages`, { token: h.tokens.portal });
    expect(known.json).toEqual([{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }]);
  });

  it('§1.2 notes: trailing slashes are accepted', async () => {
    const id = freshId();
    expect((await h.call('POST', `${V}/`, { body: buildSystem(id) })).status).toBe(200);
    expect((await h.call('GET', `${V}/${id}/`)).status).toBe(200);
  });

  it('§1.2 notes: GET /vendor/{id}/rights (the route the docs give) does not exist → 405', async () => {
    const id = freshId();
    await create(id);
    expect((await h.call('GET', `${V}/${id}/rights`)).status).toBe(405);
  });

  it('§2.1 / §4.3: property names match case-insensitively and unknown fields are ignored', async () => {
    const id = freshId();
    const reply = await h.call('POST', V, {
      body: {
        Id: id,
        Vendor: { id: `0192:${VENDOR_ORG}` },
        Name: { en: 'a', nb: 'b', nn: 'c' },
        description: { en: 'a', nb: 'b', nn: 'c' },
        ClientId: [`c-${id}`],
        allowedredirecturls: ['https://altinn.no'],
        softDeleted: true,
        isDeleted: true,
        systemVendorOrgNumber: OTHER_ORG,
      },
    });
    expect(reply.status, reply.text).toBe(200);
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect(live.clientId).toEqual([`c-${id}`]);
    expect(live.allowedRedirectUrls).toEqual(['https://altinn.no/']);
    expect(live.isDeleted).toBe(false);
  });

  it('§2.1: omitted optional fields take the model defaults (isVisible true, lists empty)', async () => {
    const id = freshId();
    const reply = await h.call('POST', V, {
      body: {
        id,
        vendor: { ID: `0192:${VENDOR_ORG}` },
        name: { en: 'a', nb: 'b', nn: 'c' },
        description: { en: 'a', nb: 'b', nn: 'c' },
      },
    });
    expect(reply.status).toBe(200);
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect(live).toMatchObject({
      isVisible: true,
      rights: [],
      accessPackages: [],
      clientId: [],
      allowedRedirectUrls: [],
    });
  });

  it('§2.1: accessPackages: null is stored as NULL and GET omits the property', async () => {
    const id = freshId();
    await create(id, { accessPackages: null });
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect('accessPackages' in live).toBe(false);
  });

  it('§2.1: rights: null on POST → 500 text (a NullReferenceException inside the try/catch)', async () => {
    const id = freshId();
    const reply = await h.call('POST', V, { body: buildSystem(id, { rights: null }) });
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^text\/plain/);
    expect((await h.call('GET', `${V}/${id}`)).status).toBe(404);
  });

  it('§3.3 step 2 / §3.1: a missing required property → 400 ASP.NET problem without AUTH codes', async () => {
    const body = buildSystem(freshId());
    delete body.name;
    const reply = await h.call('POST', V, { body });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    const problem = reply.json as {
      type: string;
      errors: Record<string, string[]>;
      validationErrors?: unknown;
    };
    expect(problem.type).toBe('https://tools.ietf.org/html/rfc9110#section-15.5.1');
    expect(Object.keys(problem.errors).length).toBeGreaterThan(0);
    expect(problem.validationErrors).toBeUndefined();
  });

  it('§2.1 / §3.3 step 2: isVisible "" (as in the docs templates) fails binding → 400', async () => {
    const reply = await h.call('POST', V, { body: buildSystem(freshId(), { isVisible: '' }) });
    expect(reply.status).toBe(400);
    expect(readCodes(reply)).toEqual([]);
    expect((reply.json as { errors: object }).errors).toHaveProperty(['$.isVisible']);
  });

  it('§3.1: malformed JSON → 400 ASP.NET problem', async () => {
    const reply = await h.call('POST', V, { raw: '{"id": ' });
    expect(reply.status).toBe(400);
    expect((reply.json as { title: string }).title).toBe('One or more validation errors occurred.');
  });

  it('§3.3 step 2: null in a non-nullable property (clientId) → 400', async () => {
    const reply = await h.call('POST', V, { body: buildSystem(freshId(), { clientId: null }) });
    expect(reply.status).toBe(400);
    expect((reply.json as { errors: object }).errors).toHaveProperty('ClientId');
  });
});

describe('§3.3 POST /vendor: validation in the service’s order', () => {
  it('§3.3 step 4: vendor prefix not 0192 → only AUTH.VLD-00000 (short-circuit)', async () => {
    const reply = await h.call('POST', V, {
      body: buildSystem('the matrix', {
        vendor: { ID: `9908:${VENDOR_ORG}` },
        allowedRedirectUrls: ['vg.no'],
      }),
    });
    expect(reply.status).toBe(400);
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00000']);
    const error = (reply.json as { validationErrors: { paths: string[]; title: string }[] })
      .validationErrors[0];
    expect(error?.paths).toEqual(['/registersystemrequest/vendor/id']);
    expect(error?.title).toBe('the org number identifier is not valid ISO6523 identifier');
  });

  it('§3.1: the validation problem is application/problem+json with STD-00000 around the AUTH codes', async () => {
    const reply = await h.call('POST', V, { body: buildSystem(freshId(), { vendor: { ID: 'x:1' } }) });
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.json).toMatchObject({ type: 'urn:altinn:error:STD-00000', status: 400, code: 'STD-00000' });
  });

  it('§3.3 step 4: vendor.ID "0192" without a colon → 500', async () => {
    const reply = await h.call('POST', V, { body: buildSystem(freshId(), { vendor: { ID: '0192' } }) });
    expect(reply.status).toBe(500);
  });

  it('§3.3 step 3: id and vendor.ID are trimmed', async () => {
    const id = freshId();
    const reply = await h.call('POST', V, {
      body: buildSystem(`  ${id} `, { vendor: { ID: ` 0192:${VENDOR_ORG}  ` } }),
    });
    expect(reply.status).toBe(200);
    expect((await h.call('GET', `${V}/${id}`)).status).toBe(200);
  });

  it('§3.3 step 5: a space inside the id → AUTH.VLD-00013', async () => {
    const reply = await h.call('POST', V, { body: buildSystem(`${VENDOR_ORG}_a b`) });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00013']);
  });

  it('§3.3 step 5: id not prefixed by the org number → AUTH.VLD-00001; no underscore at all passes', async () => {
    expect(readCodes(await h.call('POST', V, { body: buildSystem('the_matrix') }))).toEqual([
      'AUTH.VLD-00001',
    ]);
    expect(readCodes(await h.call('POST', V, { body: buildSystem(`${VENDOR_ORG}-x`) }))).toEqual([
      'AUTH.VLD-00001',
    ]);
    const bare = await h.call('POST', V, { body: buildSystem(VENDOR_ORG) });
    expect(bare.status).toBe(200);
  });

  it('§3.3 step 5: an existing id → AUTH.VLD-00002 (case-sensitive: another casing is a new id)', async () => {
    const id = freshId('Case');
    await create(id);
    expect(readCodes(await h.call('POST', V, { body: buildSystem(id) }))).toEqual(['AUTH.VLD-00002']);
    expect((await h.call('POST', V, { body: buildSystem(id.toLowerCase()) })).status).toBe(200);
  });

  it('§3.3 step 5: redirect URLs must be absolute https → AUTH.VLD-00005; an empty list passes', async () => {
    for (const url of ['vg.no', 'http://vg.no']) {
      const reply = await h.call('POST', V, { body: buildSystem(freshId(), { allowedRedirectUrls: [url] }) });
      expect(readCodes(reply), url).toEqual(['AUTH.VLD-00005']);
    }
    expect(
      (await h.call('POST', V, { body: buildSystem(freshId(), { allowedRedirectUrls: [] }) })).status,
    ).toBe(200);
  });

  it('§3.3 step 5: a client id held by any vendor’s active system → AUTH.VLD-00004; another casing is free', async () => {
    const clientId = `shared-${freshId()}`;
    const other = await h.call('POST', V, {
      token: h.tokens.other,
      body: buildSystem(`${OTHER_ORG}_holder${counter}`, {
        vendor: { ID: `0192:${OTHER_ORG}` },
        clientId: [clientId],
      }),
    });
    expect(other.status).toBe(200);
    expect(
      readCodes(await h.call('POST', V, { body: buildSystem(freshId(), { clientId: [clientId] }) })),
    ).toEqual(['AUTH.VLD-00004']);
    expect(
      (await h.call('POST', V, { body: buildSystem(freshId(), { clientId: [clientId.toUpperCase()] }) }))
        .status,
    ).toBe(200);
  });

  it('§3.3 step 5 (quirk): duplicate client ids inside one body → 409 "The System already exist" and nothing stored', async () => {
    const id = freshId();
    const reply = await h.call('POST', V, { body: buildSystem(id, { clientId: ['dup-1', 'dup-1'] }) });
    expect(reply.status).toBe(409);
    expect(reply.contentType).toMatch(/^text\/plain/);
    expect(reply.text).toBe(`The System already exist: ${id}`);
    expect((await h.call('GET', `${V}/${id}`)).status).toBe(404);
  });

  it('§3.3 step 5 rights: attribute id not urn:altinn:resource → AUTH.VLD-00009 with the value in the extension', async () => {
    const reply = await h.call('POST', V, {
      body: buildSystem(freshId(), {
        rights: [{ resource: [{ id: 'urn:altinn:resource:x', value: 'ske-krav-og-betalinger' }] }],
      }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00009']);
    const error = (reply.json as { validationErrors: Record<string, unknown>[] }).validationErrors[0];
    expect(error?.['Invalid Resource Id Details : ']).toBe('ske-krav-og-betalinger');
    expect(error?.paths).toEqual(['/registersystemrequest/rights/resource']);
  });

  it('§3.3 step 5 rights: a resource not in the resource registry → AUTH.VLD-00003', async () => {
    const reply = await h.call('POST', V, {
      body: buildSystem(freshId(), {
        rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'no-such-resource' }] }],
      }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00003']);
    expect(
      (reply.json as { validationErrors: Record<string, unknown>[] }).validationErrors[0]?.[
        'ResourceIds Not Found : '
      ],
    ).toBe('no-such-resource');
  });

  it('§3.3 step 5 rights: MaskinportenSchema, Altinn2Service and Consent resources → AUTH.VLD-00017', async () => {
    for (const value of ['ske-innrapportering-boligsameie', 'se_2802_2203', 'ttd-samtykke-skattegrunnlag']) {
      const reply = await h.call('POST', V, {
        body: buildSystem(freshId(), { rights: [{ resource: [{ id: 'urn:altinn:resource', value }] }] }),
      });
      expect(readCodes(reply), value).toEqual(['AUTH.VLD-00017']);
    }
  });

  it('§3.3 step 5 rights: two identical rights → AUTH.VLD-00006; same pair twice in one right, or another action, is fine', async () => {
    const pair = { id: 'urn:altinn:resource', value: 'authentication-e2e-test' };
    const duplicate = await h.call('POST', V, {
      body: buildSystem(freshId(), { rights: [{ resource: [pair] }, { resource: [pair] }] }),
    });
    expect(readCodes(duplicate)).toEqual(['AUTH.VLD-00006']);
    const insideOne = await h.call('POST', V, {
      body: buildSystem(freshId(), { rights: [{ resource: [pair, pair] }] }),
    });
    expect(insideOne.status).toBe(200);
    const actions = await h.call('POST', V, {
      body: buildSystem(freshId(), {
        rights: [
          { action: 'read', resource: [pair] },
          { action: 'write', resource: [pair] },
        ],
      }),
    });
    expect(actions.status).toBe(200);
  });

  it('§3.3 step 5 packages: bad format, not found and not delegable → one AUTH.VLD-00008 with details', async () => {
    const reply = await h.call('POST', V, {
      body: buildSystem(freshId(), {
        isVisible: false,
        accessPackages: [
          { urn: 'urn:altinn:x' },
          { urn: 'urn:altinn:accesspackage:nope' },
          { urn: 'urn:altinn:accesspackage:eksplisitt' },
        ],
      }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00008']);
    expect(
      (reply.json as { validationErrors: Record<string, unknown>[] }).validationErrors[0]?.[
        'Invalid Urn Details : '
      ],
    ).toBe(
      'Invalid format: urn:altinn:x | Not found: urn:altinn:accesspackage:nope | Not possible to delegate: urn:altinn:accesspackage:eksplisitt',
    );
  });

  it('§3.3 step 5 packages: admin packages (isDelegable false, isAssignable true) are valid', async () => {
    const reply = await h.call('POST', V, {
      body: buildSystem(freshId(), {
        accessPackages: [{ urn: 'urn:altinn:accesspackage:klientadministrator' }],
      }),
    });
    expect(reply.status).toBe(200);
  });

  it('§3.3 step 5 packages: the same urn twice → AUTH.VLD-00007', async () => {
    const urn = 'urn:altinn:accesspackage:lonn';
    expect(
      readCodes(
        await h.call('POST', V, { body: buildSystem(freshId(), { accessPackages: [{ urn }, { urn }] }) }),
      ),
    ).toEqual(['AUTH.VLD-00007']);
  });

  it('§3.3 step 5 packages: a client-relationship package with isVisible true → AUTH.VLD-00018; invisible is fine', async () => {
    const accessPackages = [{ urn: 'urn:altinn:accesspackage:regnskapsforer-lonn' }];
    expect(
      readCodes(
        await h.call('POST', V, { body: buildSystem(freshId(), { accessPackages, isVisible: true }) }),
      ),
    ).toEqual(['AUTH.VLD-00018']);
    expect(
      (await h.call('POST', V, { body: buildSystem(freshId(), { accessPackages, isVisible: false }) }))
        .status,
    ).toBe(200);
  });

  it('§3.3 step 5: all errors are merged into one problem', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('POST', V, {
      body: buildSystem(id, {
        allowedRedirectUrls: ['http://x.no'],
        rights: [{ resource: [{ id: 'bad', value: 'v' }] }],
        accessPackages: [{ urn: 'bad' }],
      }),
    });
    expect(readCodes(reply)).toEqual([
      'AUTH.VLD-00002',
      'AUTH.VLD-00005',
      'AUTH.VLD-00009',
      'AUTH.VLD-00008',
    ]);
  });

  it('§3.3 step 5: missing nn in name fails at INSERT → 500 text with the constraint', async () => {
    const id = freshId();
    const reply = await h.call('POST', V, { body: buildSystem(id, { name: { en: 'a', nb: 'b' } }) });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('translated_text_contains_nn');
    expect((await h.call('GET', `${V}/${id}`)).status).toBe(404);
  });

  it('§3.3 step 5: an id over 255 characters → 500 from the database', async () => {
    const reply = await h.call('POST', V, { body: buildSystem(`${VENDOR_ORG}_${'x'.repeat(250)}`) });
    expect(reply.status).toBe(500);
  });

  it('§3.3 step 6: ownership wins over validation errors → 403', async () => {
    const reply = await h.call('POST', V, {
      token: h.tokens.other,
      body: buildSystem(`${VENDOR_ORG}_a b`, { allowedRedirectUrls: ['http://x'] }),
    });
    expect(reply.status).toBe(403);
    expect(reply.text).toBe('');
  });
});

describe('§3.4 PUT /vendor/{id}', () => {
  it('§3.4 step 2: an unknown id → 404 text', async () => {
    const id = `${VENDOR_ORG}_nothere`;
    const reply = await h.call('PUT', `${V}/${id}`, { body: buildSystem(id) });
    expect(reply.status).toBe(404);
    expect(reply.text).toBe(`System with ID '${id}' not found.`);
  });

  it('§3.4 step 3: ownership against the stored vendor → 403', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, { token: h.tokens.other, body: buildSystem(id) });
    expect(reply.status).toBe(403);
  });

  it('§3.4 step 4: body vendor.ID differs from the stored vendor → 404 text', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, {
      token: h.tokens.admin,
      body: buildSystem(id, { vendor: { ID: `0192:${OTHER_ORG}` } }),
    });
    expect(reply.status).toBe(404);
    expect(reply.text).toBe(`System with ID '${id}' not found.`);
  });

  it('§3.4 step 5: body id ≠ path id → only AUTH.VLD-00012', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(`${id}x`, { allowedRedirectUrls: ['vg.no'], accessPackages: [{ urn: 'x' }] }),
    });
    expect(reply.status).toBe(400);
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00012']);
  });

  it('§3.4 step 6: a deleted system → 400 text "Cannot update a system marked as deleted."', async () => {
    const id = freshId();
    await create(id);
    await h.call('DELETE', `${V}/${id}`);
    const reply = await h.call('PUT', `${V}/${id}`, { body: buildSystem(id) });
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Cannot update a system marked as deleted.');
  });

  it('§3.4 step 7: duplicate client ids, case-insensitively → AUTH.VLD-00011', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(id, { clientId: [`a-${id}`, `A-${id}`] }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00011']);
  });

  it('§3.4 step 7: a client id of a different active system → AUTH.VLD-00004 per id; its own ids are fine', async () => {
    const holder = freshId();
    const id = freshId();
    await create(holder, { clientId: [`h1-${holder}`, `h2-${holder}`] });
    await create(id, { clientId: [`own-${id}`] });
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(id, { clientId: [`own-${id}`, `h1-${holder}`, `h2-${holder}`] }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00004', 'AUTH.VLD-00004']);
    expect(
      (await h.call('PUT', `${V}/${id}`, { body: buildSystem(id, { clientId: [`own-${id}`, 'new'] }) }))
        .status,
    ).toBe(200);
  });

  it('§3.4 step 7: rights and packages are validated (00003, 00018 with the body’s isVisible)', async () => {
    const id = freshId();
    await create(id, { isVisible: false });
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(id, {
        isVisible: true,
        rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'nope' }] }],
        accessPackages: [{ urn: 'urn:altinn:accesspackage:ansvarlig-revisor' }],
      }),
    });
    expect(readCodes(reply)).toEqual(['AUTH.VLD-00003', 'AUTH.VLD-00018']);
  });

  it('§3.4: PUT does not check https (00005): http:// redirect URLs are accepted', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(id, { allowedRedirectUrls: ['http://localhost:8080'] }),
    });
    expect(reply.status).toBe(200);
    expect(
      ((await h.call('GET', `${V}/${id}`)).json as { allowedRedirectUrls: string[] }).allowedRedirectUrls,
    ).toEqual(['http://localhost:8080/']);
  });

  it('§3.4: a URL that fails the DB domain, or a missing language, → 500 and the update rolls back', async () => {
    const id = freshId();
    await create(id);
    for (const body of [
      buildSystem(id, { allowedRedirectUrls: ['htts://vg.no'], isVisible: false }),
      buildSystem(id, { name: { en: 'only' }, isVisible: false }),
    ]) {
      const reply = await h.call('PUT', `${V}/${id}`, { body });
      expect(reply.status).toBe(500);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
    }
    expect(((await h.call('GET', `${V}/${id}`)).json as { isVisible: boolean }).isVisible).toBe(true);
  });

  it('§3.4: rights: null on PUT → 500 (unhandled) and nothing changes', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(id, { rights: null, isVisible: false }),
    });
    expect(reply.status).toBe(500);
    expect(((await h.call('GET', `${V}/${id}`)).json as { isVisible: boolean }).isVisible).toBe(true);
  });

  it('§4.2: PUT replaces the whole document: omitted fields take defaults and released client ids are free', async () => {
    const id = freshId();
    await create(id, { isVisible: false, clientId: [`moving-${id}`] });
    const minimal = {
      id,
      vendor: { ID: `0192:${VENDOR_ORG}` },
      name: { en: 'n', nb: 'n', nn: 'n' },
      description: { en: 'd', nb: 'd', nn: 'd' },
    };
    expect((await h.call('PUT', `${V}/${id}`, { body: minimal })).json).toEqual({ succeeded: true });
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect(live).toMatchObject({
      isVisible: true,
      rights: [],
      accessPackages: [],
      clientId: [],
      allowedRedirectUrls: [],
    });
    expect(
      (await h.call('POST', V, { body: buildSystem(freshId(), { clientId: [`moving-${id}`] }) })).status,
    ).toBe(200);
  });
});

describe('§3.5 PUT rights and access packages', () => {
  it('§3.5 (quirk): PUT /rights on an unknown id → 500', async () => {
    const reply = await h.call('PUT', `${V}/${VENDOR_ORG}_ghost/rights`, { body: [] });
    expect(reply.status).toBe(500);
  });

  it('§3.5 (quirk): PUT /accesspackages on an unknown id → 500', async () => {
    const reply = await h.call('PUT', `${V}/${VENDOR_ORG}_ghost/accesspackages`, { body: [] });
    expect(reply.status).toBe(500);
  });

  it('§1.2 #5: an object instead of an array → 400 model binding', async () => {
    const id = freshId();
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}/rights`, { body: { resource: [] } });
    expect(reply.status).toBe(400);
    expect((reply.json as { errors: object }).errors).toBeDefined();
  });

  it('§3.5: rights are replaced, validated (00009/00003/00017/00006), and nothing else changes', async () => {
    const id = freshId();
    await create(id, { clientId: [`r-${id}`] });
    const bad = await h.call('PUT', `${V}/${id}/rights`, {
      body: [{ resource: [{ id: 'urn:altinn:resource', value: 'se_2802_2203' }] }],
    });
    expect(readCodes(bad)).toEqual(['AUTH.VLD-00017']);
    const rights = [
      { action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'ttd-systemuser-resource' }] },
    ];
    const ok = await h.call('PUT', `${V}/${id}/rights`, { body: rights });
    expect(ok.json).toEqual({ succeeded: true });
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect(live.rights).toEqual(rights);
    expect(live.clientId).toEqual([`r-${id}`]);
    expect((await h.call('PUT', `${V}/${id}/rights`, { body: [] })).status).toBe(200);
    expect(((await h.call('GET', `${V}/${id}`)).json as { rights: unknown[] }).rights).toEqual([]);
  });

  it('§3.5: access packages use the stored isVisible for 00018', async () => {
    const visible = freshId();
    const hidden = freshId();
    await create(visible, { isVisible: true });
    await create(hidden, { isVisible: false });
    const body = [{ urn: 'urn:altinn:accesspackage:revisormedarbeider' }];
    expect(readCodes(await h.call('PUT', `${V}/${visible}/accesspackages`, { body }))).toEqual([
      'AUTH.VLD-00018',
    ]);
    expect((await h.call('PUT', `${V}/${hidden}/accesspackages`, { body })).status).toBe(200);
  });

  it('§3.5: the owner check (403) and the deleted check (400 text) apply to both', async () => {
    const id = freshId();
    await create(id);
    expect((await h.call('PUT', `${V}/${id}/rights`, { body: [], token: h.tokens.other })).status).toBe(403);
    await h.call('DELETE', `${V}/${id}`);
    const reply = await h.call('PUT', `${V}/${id}/accesspackages`, { body: [] });
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Cannot update a system marked as deleted.');
  });
});

describe('§4.1 delete', () => {
  it('§4.1: DELETE with client ids → 200 {succeeded:true}; the system stays readable as deleted and its ids are released', async () => {
    const id = freshId();
    await create(id, { clientId: [`d-${id}`] });
    const reply = await h.call('DELETE', `${V}/${id}`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ succeeded: true });
    const live = (await h.call('GET', `${V}/${id}`)).json as Record<string, unknown>;
    expect(live).toMatchObject({ isDeleted: true, clientId: [`d-${id}`] });
    expect(
      (await h.call('POST', V, { body: buildSystem(freshId(), { clientId: [`d-${id}`] }) })).status,
    ).toBe(200);
  });

  it('§4.1 (quirk): DELETE of a system without client ids → 400 empty, but the delete is committed', async () => {
    const id = freshId();
    await create(id, { clientId: [] });
    const reply = await h.call('DELETE', `${V}/${id}`);
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('');
    expect(((await h.call('GET', `${V}/${id}`)).json as { isDeleted: boolean }).isDeleted).toBe(true);
  });

  it('§4.1 (quirk): a second DELETE → 400 and another changelog entry', async () => {
    const id = freshId();
    await create(id, { clientId: [`2-${id}`] });
    expect((await h.call('DELETE', `${V}/${id}`)).status).toBe(200);
    const second = await h.call('DELETE', `${V}/${id}`);
    expect(second.status).toBe(400);
    const types = ((await h.call('GET', `${V}/${id}/changelog`)).json as { changeType: string }[]).map(
      (c) => c.changeType,
    );
    expect(types).toEqual(['delete', 'delete', 'create']);
  });

  it('§4.1 (quirk): DELETE of an unknown id → 400 ASP.NET problem "System not found"', async () => {
    const reply = await h.call('DELETE', `${V}/${VENDOR_ORG}_unknown`);
    expect(reply.status).toBe(400);
    expect((reply.json as { errors: Record<string, string[]> }).errors).toEqual({
      return: ['System not found'],
    });
  });

  it('§4.1: a deleted id is burned: POST with it → AUTH.VLD-00002', async () => {
    const id = freshId();
    await create(id);
    await h.call('DELETE', `${V}/${id}`);
    expect(readCodes(await h.call('POST', V, { body: buildSystem(id) }))).toEqual(['AUTH.VLD-00002']);
  });

  it('§4.1: DELETE by another vendor → 403 and nothing changes', async () => {
    const id = freshId();
    await create(id);
    expect((await h.call('DELETE', `${V}/${id}`, { token: h.tokens.other })).status).toBe(403);
    expect(((await h.call('GET', `${V}/${id}`)).json as { isDeleted: boolean }).isDeleted).toBe(false);
  });
});

describe('§2.4 changelog', () => {
  it('§2.4 / §1.2 #8: entries are newest first, typed, PascalCase as sent, delete without changedData', async () => {
    const id = freshId();
    await create(id, { clientId: [`cl-${id}`], allowedRedirectUrls: ['https://altinn.no'] });
    await h.call('PUT', `${V}/${id}`, { body: buildSystem(id, { clientId: [`cl-${id}`] }) });
    await h.call('PUT', `${V}/${id}/rights`, { body: [] });
    await h.call('PUT', `${V}/${id}/accesspackages`, { body: [] });
    await h.call('DELETE', `${V}/${id}`);
    const reply = await h.call('GET', `${V}/${id}/changelog`);
    expect(reply.status).toBe(200);
    const entries = reply.json as Record<string, unknown>[];
    expect(entries.map((e) => e.changeType)).toEqual([
      'delete',
      'accesspackageupdate',
      'rightsupdate',
      'update',
      'create',
    ]);
    const createEntry = entries[4] as {
      changedData: Record<string, unknown>;
      changedByOrgNumber: string;
      clientId: string;
      systemInternalId: string;
    };
    expect(Object.keys(createEntry.changedData).sort()).toEqual(
      [
        'AccessPackages',
        'AllowedRedirectUrls',
        'ClientId',
        'Description',
        'Id',
        'IsVisible',
        'Name',
        'Rights',
        'Vendor',
      ].sort(),
    );
    expect(createEntry.changedData.AllowedRedirectUrls).toEqual(['https://altinn.no']);
    expect(createEntry.changedByOrgNumber).toBe(VENDOR_ORG);
    expect(createEntry.clientId).toBe(h.clients.vendor.clientId);
    expect(entries[2]?.changedData).toEqual([]);
    expect('changedData' in (entries[0] ?? {})).toBe(false);
    expect(new Set(entries.map((e) => e.systemInternalId)).size).toBe(1);
  });

  it('§1.2 #8: changelog of an unknown id → 404 text; of another vendor’s system → 403', async () => {
    const missing = await h.call('GET', `${V}/${VENDOR_ORG}_none/changelog`);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(`System with ID ${VENDOR_ORG}_none not found.`);
    const id = freshId();
    await create(id);
    expect((await h.call('GET', `${V}/${id}/changelog`, { token: h.tokens.other })).status).toBe(403);
  });
});

describe('catalogues (§3.3 look-ups)', () => {
  it('§3.3: the resource registry answers resourceType; unknown → 404', async () => {
    const found = await h.call('GET', '/resourceregistry/api/v1/resource/ske-innrapportering-boligsameie', {
      token: null,
    });
    expect(found.json).toMatchObject({
      identifier: 'ske-innrapportering-boligsameie',
      resourceType: 'MaskinportenSchema',
    });
    expect((await h.call('GET', '/resourceregistry/api/v1/resource/nope', { token: null })).status).toBe(404);
  });

  it('§3.3: access packages answer isDelegable/isAssignable by URL-encoded urn; unknown → 404', async () => {
    const urn = encodeURIComponent('urn:altinn:accesspackage:regnskapsforer-lonn');
    const found = await h.call(
      'GET',
      `/accessmanagement/api/v1/meta/info/accesspackages/package/urn/${urn}`,
      { token: null },
    );
    expect(found.json).toMatchObject({
      urn: 'urn:altinn:accesspackage:regnskapsforer-lonn',
      isDelegable: true,
      isAssignable: false,
    });
    const missing = await h.call(
      'GET',
      `/accessmanagement/api/v1/meta/info/accesspackages/package/urn/${encodeURIComponent('urn:altinn:accesspackage:x')}`,
      {
        token: null,
      },
    );
    expect(missing.status).toBe(404);
  });
});

describe('§9 details Altinn’s own tests pin down', () => {
  it('§9: empty-string client ids are stored: a second create with [""] is AUTH.VLD-00004; deleting the first answers 200', async () => {
    const first = freshId('empty');
    await create(first, { clientId: [''] });
    const second = await h.call('POST', V, { body: buildSystem(freshId('empty'), { clientId: [''] }) });
    expect(second.status).toBe(400);
    expect(readCodes(second)).toEqual(['AUTH.VLD-00004']);
    // GET leaves empty strings out of the array, but the client row is there for DELETE to remove.
    expect((await h.call('GET', `${V}/${first}`)).json).toMatchObject({ clientId: [] });
    expect((await h.call('DELETE', `${V}/${first}`)).status).toBe(200);
  });

  it('§9: the old app format drops pairs that are not resources and app values that are not app_{org}_{app}', async () => {
    const id = `${VENDOR_ORG}_oldformat`;
    const seeded = await fetch(`${h.url}/_emulator/systems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          ...buildSystem(id),
          rights: [
            {
              resource: [
                { id: 'urn:altinn:resource', value: 'app_ttd' },
                { id: 'urn:altinn:org', value: 'ttd' },
                { id: 'urn:altinn:resource', value: 'authentication-e2e-test' },
              ],
            },
          ],
        },
      ]),
    });
    expect(seeded.status).toBe(200);
    const old = await h.call('GET', `${REGISTER}/${id}/rights?USEOLDFORMATFORAPP=True`, {
      token: h.tokens.portal,
    });
    expect(old.json).toEqual([
      { resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] },
    ]);
  });

  it('§9: a redirect URL that breaks the database domain on PUT is a 500 naming uri_scheme_check', async () => {
    const id = freshId('uri');
    await create(id);
    const reply = await h.call('PUT', `${V}/${id}`, {
      body: buildSystem(id, { allowedRedirectUrls: ['htts://vendor.example'] }),
    });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('uri_scheme_check');
  });
});
