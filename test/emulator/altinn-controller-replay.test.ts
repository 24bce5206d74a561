/**
 * Altinn's own controller tests, replayed against the local Altinn: one case per test of
 * `test/Altinn.Platform.Authentication.Tests/Controllers/SystemRegisterControllerTests.cs`
 * (Altinn/altinn-authentication), named after it, with the same request sequence and the same asserted
 * outcome. The bodies are written here, shaped like the data files those tests send; the catalogue is
 * the one their mocks answer with (ResourceRegistryClientMock, AccessManagementClientMock and
 * Data/Packages/packages.json). Each Altinn test starts from an empty database; each case here starts
 * from an empty register.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/catalogue/default-catalogue.ts';
import type { Harness, Reply } from '../support/emulator-harness.ts';
import { ADMIN, PORTAL, REGISTER, WRITE, startHarness } from '../support/emulator-harness.ts';
import { createTestClient, fetchAccessToken, registerTestClient } from '../support/maskinporten-grant.ts';

const VALID_ORG = '991825827';
const INVALID_ORG = '965714643';
const MATRIX = `${VALID_ORG}_the_matrix`;
const V = `${REGISTER}/vendor`;
const KRAV = 'ske-krav-og-betalinger';

/** What the mocks of Altinn's controller tests know. */
const urn = (name: string) => `urn:altinn:accesspackage:${name}`;
const MOCK_CATALOGUE: Catalogue = {
  resources: [
    // kravogbetaling.json has no resourceType: the enum's default.
    ...[KRAV, `${KRAV}-2`, `${KRAV}-3`, `${KRAV}-subres`].map((identifier) => ({
      identifier,
      resourceType: 'Default',
    })),
    { identifier: 'app_ttd_endring-av-navn-v2', resourceType: 'AltinnApp' },
    { identifier: 'ttd-am-k6', resourceType: 'MaskinportenSchema' },
  ],
  accessPackages: [
    ...[
      'skatt-naering',
      'skattegrunnlag',
      'merverdiavgift',
      'motorvognavgift',
      'regnskap-okonomi-rapport',
      'krav-og-utlegg',
      'revisorattesterer',
      'saeravgifter',
      'kreditt-og-oppgjoer',
      'toll',
      'jordbruk',
    ].map((name) => ({ urn: urn(name), isDelegable: true, isAssignable: true })),
    ...[
      'forretningsforer-eiendom',
      'regnskapsforer-med-signeringsrettighet',
      'regnskapsforer-uten-signeringsrettighet',
      'regnskapsforer-lonn',
      'ansvarlig-revisor',
      'revisormedarbeider',
    ].map((name) => ({ urn: urn(name), isDelegable: true, isAssignable: false })),
    ...[
      'klientadministrator',
      'tilgangsstyrer',
      'hovedadministrator',
      'maskinporten-administrator',
      'konkursbo-tilgangsstyrer',
    ].map((name) => ({ urn: urn(name), isDelegable: false, isAssignable: true })),
    { urn: urn('eksplisitt'), isDelegable: false, isAssignable: false },
  ],
};

/** `ValidationErrors.cs` titles of the codes these tests assert. */
const TITLES: Record<string, string> = {
  'AUTH.VLD-00000': 'the org number identifier is not valid ISO6523 identifier',
  'AUTH.VLD-00001': 'The system id does not match the format orgnumber_xxxx...',
  'AUTH.VLD-00002': 'The system id already exists',
  'AUTH.VLD-00003': "One or more resources specified in rights were not found in Altinn's resource register.",
  'AUTH.VLD-00005':
    'One or more of the redirect urls format is not valid. The valid format is https://xxx.xx',
  'AUTH.VLD-00006': 'One or more duplicate rights found',
  'AUTH.VLD-00007': 'One or more duplicate access package(s) found',
  'AUTH.VLD-00008':
    "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
  'AUTH.VLD-00009': 'One or more resource id is in wrong format. The valid format is urn:altinn:resource',
  'AUTH.VLD-00013': 'System ID cannot have spaces in id (leading, trailing or in between the id)',
  'AUTH.VLD-00017': 'One or more resources specified in rights is of resource type which is not delegable.',
  'AUTH.VLD-00018':
    "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true",
};
const PATH = {
  systemId: '/registersystemrequest/systemid',
  vendorId: '/registersystemrequest/vendor/id',
  rights: '/registersystemrequest/rights/resource',
  packages: '/registersystemrequest/accesspackages',
  urls: '/registersystemrequest/allowedredirecturls',
};

// ---------------------------------------------------------------------------------------------------
// Bodies, shaped like the tests' data files (written here; lower-case `allowedredirecturls` as there)

const right = (...values: string[]) => ({
  resource: values.map((value) => ({ id: 'urn:altinn:resource', value })),
});
const texts = (text: string) => ({ nb: text, nn: text, en: text });

/** Like `SystemRegister.json`: one right, one client id, three redirect URLs, visible. */
function matrix(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: MATRIX,
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VALID_ORG}` },
    name: texts('The Matrix'),
    description: texts('Test system'),
    rights: [right(KRAV)],
    softDeleted: false,
    clientId: ['4f1c2a9e-0b6d-4c57-9e1a-7d3b8f2c6a01'],
    allowedredirecturls: ['https://vg.no', 'https://nrk.no', 'https://altinn.no'],
    isVisible: true,
    ...overrides,
  };
}

/** `matrix()` without rights, as `SystemRegisterWithoutRight.json`. */
function matrixWithoutRights(): Record<string, unknown> {
  const { rights: _rights, ...body } = matrix();
  return body;
}

/** Like `SystemRegisterUpdateRequest.json`: new names, three new client ids, invisible, one package. */
function matrixUpdate(): Record<string, unknown> {
  return {
    ...matrix(),
    name: texts('Updated Name'),
    description: texts('Updated description'),
    accesspackages: [{ urn: urn('skatt-naering') }],
    clientId: ['UPDATED CLIENT ID', 'ANOTHER UPDATED CLIENT ID', 'GUID_SOMETHING'],
    isVisible: false,
    allowedredirecturls: ['https://vg.no'],
  };
}

/** The test class's `CreateSystemRegisterRequest`. */
function putRequest(id: string, clientId: string[], isVisible = false, redirectUrl = 'https://altinn.no') {
  return {
    id,
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VALID_ORG}` },
    name: texts('The Matrix'),
    description: texts('Test system for Put'),
    rights: [right(KRAV)],
    clientId,
    allowedRedirectUrls: ['https://vg.no', 'https://nrk.no', redirectUrl],
    isVisible,
  };
}

/** `changedData` of the create of `matrix()`, in the order Altinn's jsonb column gives it back. */
function createdData(overrides: { rights?: unknown; clientId?: string[] } = {}) {
  return {
    Id: MATRIX,
    Name: { en: 'The Matrix', nb: 'The Matrix', nn: 'The Matrix' },
    Rights: overrides.rights ?? [{ Action: null, Resource: [{ id: 'urn:altinn:resource', value: KRAV }] }],
    Vendor: { ID: `0192:${VALID_ORG}` },
    ClientId: overrides.clientId ?? ['4f1c2a9e-0b6d-4c57-9e1a-7d3b8f2c6a01'],
    IsVisible: true,
    Description: { en: 'Test system', nb: 'Test system', nn: 'Test system' },
    AccessPackages: [],
    AllowedRedirectUrls: ['https://vg.no', 'https://nrk.no', 'https://altinn.no'],
  };
}

const UPDATED_DATA = {
  Id: MATRIX,
  Name: { en: 'Updated Name', nb: 'Updated Name', nn: 'Updated Name' },
  Rights: [{ Action: null, Resource: [{ id: 'urn:altinn:resource', value: KRAV }] }],
  Vendor: { ID: `0192:${VALID_ORG}` },
  ClientId: ['UPDATED CLIENT ID', 'ANOTHER UPDATED CLIENT ID', 'GUID_SOMETHING'],
  IsVisible: false,
  Description: { en: 'Updated description', nb: 'Updated description', nn: 'Updated description' },
  AccessPackages: [{ Urn: urn('skatt-naering') }],
  AllowedRedirectUrls: ['https://vg.no'],
};
const RIGHTS_UPDATE_DATA = [{ Action: null, Resource: [{ id: 'urn:altinn:resource', value: KRAV }] }];
const PACKAGES_UPDATE_DATA = [{ Urn: urn('skatt-naering') }];

// ---------------------------------------------------------------------------------------------------
// The harness: tokens as `PrincipalUtil.GetOrgToken(…, org, scope)` gives them

let h: Harness;
const tokens = new Map<string, string>();

async function tokenFor(scope: string, org: string): Promise<string> {
  const key = `${scope} ${org}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const client = await createTestClient({ orgNumber: org, scopes: [scope] });
  await registerTestClient(h.url, client);
  const token = await fetchAccessToken(h.url, client);
  tokens.set(key, token);
  return token;
}

const admin = () => tokenFor(ADMIN, VALID_ORG);
const write = (org = VALID_ORG) => tokenFor(WRITE, org);
const portal = () => tokenFor(PORTAL, '313367002');

async function send(method: string, path: string, token: string, body?: unknown): Promise<Reply> {
  return h.call(method, path, { token, ...(body === undefined ? {} : { body }) });
}
const create = async (body: unknown, token?: string) => send('POST', `${V}/`, token ?? (await admin()), body);
const put = async (id: string, body: unknown, token?: string) =>
  send('PUT', `${V}/${id}/`, token ?? (await admin()), body);
const putRights = async (id: string, body: unknown, token?: string) =>
  send('PUT', `${V}/${id}/rights`, token ?? (await admin()), body);
const putPackages = async (id: string, body: unknown, token?: string) =>
  send('PUT', `${V}/${id}/accesspackages`, token ?? (await admin()), body);
const remove = async (id: string, token?: string) => send('DELETE', `${V}/${id}/`, token ?? (await admin()));
const getSystem = async (id: string, token?: string) => send('GET', `${V}/${id}`, token ?? (await admin()));

async function createOk(body: unknown): Promise<void> {
  const reply = await create(body);
  expect(reply.status, reply.text).toBe(200);
}

interface ValidationError {
  code: string;
  title: string;
  paths: string[];
  [extension: string]: unknown;
}

function errorsOf(reply: Reply): ValidationError[] {
  expect(reply.status, reply.text).toBe(400);
  const problem = reply.json as { validationErrors?: ValidationError[] };
  expect(problem.validationErrors).toBeDefined();
  return problem.validationErrors ?? [];
}

/** `Errors.Single(code)` (or `First`), with its path and title, as the tests assert them. */
function expectError(errors: ValidationError[], code: string, path: string): ValidationError {
  const matching = errors.filter((error) => error.code === code);
  expect(matching, JSON.stringify(errors)).toHaveLength(1);
  const error = matching[0]!;
  expect(error.paths.filter((p) => p === path)).toEqual([path]);
  expect(error.title).toBe(TITLES[code]);
  return error;
}

/** `SystemRegisterTestHelper.GetAndAssertSystemChangeLog`: same count, and per change type the same org and changedData, serialised. */
async function expectChangeLog(
  id: string,
  token: string,
  expected: { changeType: string; changedData: unknown }[],
): Promise<void> {
  const reply = await send('GET', `${V}/${id}/changelog`, token);
  expect(reply.status).toBe(200);
  const actual = reply.json as { changeType: string; changedByOrgNumber: string; changedData?: unknown }[];
  expect(actual).toHaveLength(expected.length);
  for (const entry of expected) {
    const found = actual.find((a) => a.changeType === entry.changeType);
    expect(found, entry.changeType).toBeDefined();
    expect(found!.changedByOrgNumber).toBe(VALID_ORG);
    // Serialised: key order counts, as in the C# helper's string comparison.
    expect(JSON.stringify(found!.changedData)).toBe(JSON.stringify(entry.changedData));
  }
}

beforeAll(async () => {
  h = await startHarness({ catalogue: MOCK_CATALOGUE, tokenLifetimeSeconds: 3600 });
}, 30_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  const reply = await fetch(`${h.url}/_emulator/systems`, { method: 'DELETE' });
  expect(reply.status).toBe(204);
});

describe('SystemRegisterControllerTests: create', () => {
  it('SystemRegister_Create_Success', async () => {
    await createOk(matrix());
    await expectChangeLog(MATRIX, await write(), [{ changeType: 'create', changedData: createdData() }]);
  });

  it('SystemRegister_Create_WithApp_Success', async () => {
    await createOk(
      matrix({ id: `${VALID_ORG}_system_with_app`, rights: [right('app_ttd_endring-av-navn-v2')] }),
    );
  });

  it('SystemRegister_Create_WithResourceAndApp_Success', async () => {
    await createOk(
      matrix({
        id: `${VALID_ORG}_system_with_app_and_resource`,
        rights: [right('app_ttd_endring-av-navn-v2'), right(KRAV)],
      }),
    );
  });

  it('SystemRegister_Create_WithAccessPackage_Success', async () => {
    await createOk(
      matrix({
        accessPackages: [
          { urn: urn('skatt-naering') },
          { urn: urn('konkursbo-tilgangsstyrer') },
          { urn: urn('regnskapsforer-lonn') },
        ],
        isVisible: false,
      }),
    );
  });

  it('SystemRegister_Create_BadRequest', async () => {
    // `systemId` is no member of the request: without `id` the body does not bind.
    const reply = await create({
      systemId: 'the_matrix',
      systemVendorOrgNumber: VALID_ORG,
      systemNameInvalid: 'The Matrix',
      rights: [right(KRAV)],
      clientId: ['8c0e7b52-3f4d-4a61-b2c9-5e7f1a0d9b33'],
      isVisible: true,
    });
    expect(reply.status).toBe(400);
  });

  it('SystemRegister_Create_BadRequest_SystemId', async () => {
    const reply = await create(matrix({ id: `${VALID_ORG}_the matrix` }));
    expect(reply.status).toBe(400);
    expectError(errorsOf(reply), 'AUTH.VLD-00013', PATH.systemId);
  });

  it('SystemRegister_Create_DuplicateSystem_BadRequest', async () => {
    await createOk(matrix());
    const again = await create(matrix());
    expectError(errorsOf(again), 'AUTH.VLD-00002', PATH.systemId);
  });

  it('SystemRegister_Create_InvalidSystemIdFormat_BadRequest', async () => {
    const errors = errorsOf(await create(matrix({ id: 'the_matrix' })));
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00001', PATH.systemId);
  });

  it('SystemRegister_Create_InvalidResourceIdFormat_BadRequest', async () => {
    const errors = errorsOf(
      await create(matrix({ rights: [{ resource: [{ id: 'urn:altinn:app', value: KRAV }] }] })),
    );
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00009', PATH.rights);
  });

  it('SystemRegister_Create_InvalidResourceId_BadRequest', async () => {
    const errors = errorsOf(await create(matrix({ rights: [right('ske-krav-og-betaling')] })));
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00003', PATH.rights);
  });

  it('SystemRegister_Create_InvalidResourceType_BadRequest', async () => {
    const errors = errorsOf(
      await create(
        matrix({
          rights: [
            right('ttd-am-k6'),
            { resource: [{ id: 'urn:altinn:res', value: 'ttd-am-invalidresformat' }] },
          ],
        }),
      ),
    );
    expect(errors).toHaveLength(2);
    expect(expectError(errors, 'AUTH.VLD-00017', PATH.rights)['ResourceIds Not Delegable : ']).toBe(
      'ttd-am-k6',
    );
    expect(expectError(errors, 'AUTH.VLD-00009', PATH.rights)['Invalid Resource Id Details : ']).toBe(
      'ttd-am-invalidresformat',
    );
  });

  it('SystemRegister_Create_InvalidAccessPackages_BadRequest', async () => {
    const errors = errorsOf(await create(matrix({ accessPackages: [{ urn: urn('sjøfart') }] })));
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00008', PATH.packages);
  });

  it('SystemRegister_Create_DuplicateResource_BadRequest', async () => {
    const errors = errorsOf(await create(matrix({ rights: [right(KRAV), right(KRAV)] })));
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00006', PATH.rights);
  });

  it('SystemRegister_Create_DuplicateAccessPackage_BadRequest', async () => {
    const errors = errorsOf(
      await create(
        matrix({ accessPackages: [{ urn: urn('skatt-naering') }, { urn: urn('skatt-naering') }] }),
      ),
    );
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00007', PATH.packages);
  });

  it('SystemRegister_Create_InvalidRedirectUrl_BadRequest', async () => {
    const errors = errorsOf(await create(matrix({ allowedredirecturls: ['vg.no'] })));
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00005', PATH.urls);
  });

  it('SystemRegister_Create_InvalidOrgIdentifier_BadRequest', async () => {
    const reply = await create(
      matrix({ vendor: { authority: 'iso6523-actorid-upis', ID: `0198:${VALID_ORG}` } }),
    );
    expectError(errorsOf(reply), 'AUTH.VLD-00000', PATH.vendorId);
  });

  it('SystemRegister_Create_WrongScope_Forbidden', async () => {
    const reply = await create(matrix(), await tokenFor('altinn:authentication/systemregister', '974761076'));
    expect(reply.status).toBe(403);
  });

  it('SystemRegister_Create_WriteScope_OrgMismatch_Forbidden', async () => {
    expect((await create(matrix(), await write('974761076'))).status).toBe(403);
  });

  it('SystemRegister_Create_WriteScope_SystemOwner_Success', async () => {
    expect((await create(matrix(), await write())).status).toBe(200);
  });

  it('SystemRegister_Create_NotDelegableAccessPackage_BadRequest', async () => {
    const reply = await create(
      matrix({ accessPackages: [{ urn: urn('eksplisitt') }], isVisible: false }),
      await write(),
    );
    const errors = errorsOf(reply);
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00008', PATH.packages);
  });

  it('SystemRegister_Create_IsVisibleWithNonAssignableAccessPackage_BadRequest', async () => {
    const reply = await create(
      matrix({
        id: `${VALID_ORG}_test_visible_nonassignable`,
        accessPackages: [{ urn: urn('jordbruk') }, { urn: urn('forretningsforer-eiendom') }],
      }),
      await write(),
    );
    expectError(errorsOf(reply), 'AUTH.VLD-00018', PATH.packages);
  });
});

describe('SystemRegisterControllerTests: rights and access packages', () => {
  it('SystemRegister_Update_Rights_Success', async () => {
    await createOk(matrixWithoutRights());
    expect((await putRights(MATRIX, [right(KRAV)])).status).toBe(200);
    await expectChangeLog(MATRIX, await write(), [
      { changeType: 'create', changedData: createdData({ rights: [] }) },
      { changeType: 'rightsupdate', changedData: RIGHTS_UPDATE_DATA },
    ]);
  });

  it('SystemRegister_Update_Rights_DeletedSystem_ReturnsBadRequest', async () => {
    await createOk(matrixWithoutRights());
    expect((await remove(MATRIX)).status).toBe(200);
    const reply = await putRights(MATRIX, [right(KRAV)]);
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Cannot update a system marked as deleted.');
  });

  it('SystemRegister_Update_AccessPackage_Success_Admin', async () => {
    // As in Altinn's test of this name: after a delete, the update is refused.
    await createOk(matrixWithoutRights());
    expect((await remove(MATRIX)).status).toBe(200);
    const reply = await putPackages(MATRIX, [{ urn: urn('skatt-naering') }]);
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Cannot update a system marked as deleted.');
  });

  it('SystemRegister_Update_AccessPackage_DeletedSystem_ReturnsBadRequest', async () => {
    // As in Altinn's test of this name: no delete, the update succeeds and is logged.
    await createOk(matrixWithoutRights());
    expect((await putPackages(MATRIX, [{ urn: urn('skatt-naering') }])).status).toBe(200);
    await expectChangeLog(MATRIX, await admin(), [
      { changeType: 'create', changedData: createdData({ rights: [] }) },
      { changeType: 'accesspackageupdate', changedData: PACKAGES_UPDATE_DATA },
    ]);
  });

  it('SystemRegister_Update_AccessPackage_Success_Owner_NotAdmin', async () => {
    await createOk(matrixWithoutRights());
    expect((await putPackages(MATRIX, [{ urn: urn('skatt-naering') }], await write())).status).toBe(200);
    await expectChangeLog(MATRIX, await write(), [
      { changeType: 'create', changedData: createdData({ rights: [] }) },
      { changeType: 'accesspackageupdate', changedData: PACKAGES_UPDATE_DATA },
    ]);
  });

  it('SystemRegister_Update_AccessPackage_Forbid_NotOwner_NotAdmin', async () => {
    await createOk(matrixWithoutRights());
    const reply = await putPackages(MATRIX, [{ urn: urn('skatt-naering') }], await write('974761076'));
    expect(reply.status).toBe(403);
  });

  it('SystemRegister_Update_BadRequest', async () => {
    await createOk(matrix());
    // An object where the rights endpoint takes a list: model binding refuses it.
    const reply = await putRights(MATRIX, right('ske_kravogbetaling'));
    expect(reply.status).toBe(400);
  });

  it('SystemRegister_Update_DuplicateResource_BadRequest', async () => {
    await createOk(matrix());
    expectError(errorsOf(await putRights(MATRIX, [right(KRAV), right(KRAV)])), 'AUTH.VLD-00006', PATH.rights);
  });

  it('SystemRegister_Update_DuplicateAccessPackage_BadRequest', async () => {
    await createOk(matrix());
    const reply = await putPackages(MATRIX, [{ urn: urn('skatt-naering') }, { urn: urn('skatt-naering') }]);
    expectError(errorsOf(reply), 'AUTH.VLD-00007', PATH.packages);
  });

  it('SystemRegister_Update_ResourceIdDoesNotExist_BadRequest', async () => {
    await createOk(matrix());
    const errors = errorsOf(await putRights(MATRIX, [right('ske_krav-og-betalinger')]));
    expect(errors).toHaveLength(1);
    expectError(errors, 'AUTH.VLD-00003', PATH.rights);
  });
});

describe('SystemRegisterControllerTests: reads', () => {
  it('SystemRegister_Get_ListofAll', async () => {
    await createOk(matrix());
    await createOk(
      matrix({
        id: `${MATRIX}_01`,
        clientId: ['4f1c2a9e-0b6d-4c57-9e1a-7d3b8f2c6a02'],
        allowedredirecturls: [],
      }),
    );
    await createOk(
      matrix({
        id: `${MATRIX}_ap_null`,
        accessPackages: null,
        clientId: ['6a2d9c41-7e3b-4f08-a5d6-1c9e0b7f3a24'],
      }),
    );
    const reply = await send('GET', REGISTER, await portal());
    expect(reply.json).toHaveLength(3);
  });

  it('SystemRegister_Get_ListofAll_NoData', async () => {
    const reply = await send('GET', REGISTER, await portal());
    expect(reply.json).toEqual([]);
  });

  it('SystemRegister_Get_ListofAll_For_Vendor', async () => {
    await createOk(matrix());
    await createOk(matrix({ id: `${MATRIX}_01`, clientId: ['4f1c2a9e-0b6d-4c57-9e1a-7d3b8f2c6a02'] }));
    await createOk(
      matrix({
        id: '312529750_the_altinn',
        vendor: { authority: 'iso6523-actorid-upis', ID: '0192:312529750' },
        clientId: ['b7e0f3d2-95a1-4c6e-8f24-0d3c7a9b1e55'],
      }),
    );
    await createOk(
      matrix({
        id: `${MATRIX}_ap_null`,
        accessPackages: null,
        clientId: ['6a2d9c41-7e3b-4f08-a5d6-1c9e0b7f3a24'],
      }),
    );
    const reply = await send('GET', V, await write('312529750'));
    expect(reply.json).toHaveLength(1);
  });

  it('SystemRegister_Get_Systems_Vendor_NoData', async () => {
    const reply = await send('GET', V, await write('312529750'));
    expect(reply.json).toEqual([]);
  });

  it('SystemRegister_Get', async () => {
    await createOk(matrix());
    const reply = await getSystem(MATRIX);
    // AssertionUtil.AssertRegisteredSystem: id, vendor, name, description, rights, client ids, redirect URLs, visibility.
    expect(reply.json).toMatchObject({
      id: MATRIX,
      vendor: { ID: `0192:${VALID_ORG}` },
      name: texts('The Matrix'),
      description: texts('Test system'),
      rights: [right(KRAV)],
      clientId: ['4f1c2a9e-0b6d-4c57-9e1a-7d3b8f2c6a01'],
      allowedRedirectUrls: ['https://vg.no/', 'https://nrk.no/', 'https://altinn.no/'],
      isVisible: true,
    });
  });

  it('SystemRegister_Get_Forbid_IfNotOwner', async () => {
    await createOk(matrix());
    expect((await getSystem(MATRIX, await write('974761076'))).status).toBe(403);
  });

  it('SystemRegisterDTO_Get', async () => {
    await createOk(matrix());
    const reply = await send('GET', `${REGISTER}/${MATRIX}`, await portal());
    expect(reply.json).toMatchObject({
      systemId: MATRIX,
      systemVendorOrgNumber: VALID_ORG,
      systemVendorOrgName: '',
      name: texts('The Matrix'),
      description: texts('Test system'),
      rights: [right(KRAV)],
    });
  });

  it('SystemRegister_Get_NotFound', async () => {
    expect((await getSystem(MATRIX)).status).toBe(404);
  });

  it('SystemRegister_Get_ProductDefaultRights', async () => {
    await createOk(matrix());
    const reply = await send('GET', `${REGISTER}/${MATRIX}/rights`, await portal());
    expect(reply.json).toEqual([right(KRAV)]);
  });

  it('SystemRegister_Get_ProductDefaultRights_App', async () => {
    const id = `${VALID_ORG}_system_with_app`;
    await createOk(matrix({ id, rights: [right('app_ttd_endring-av-navn-v2')] }));
    const reply = await send('GET', `${REGISTER}/${id}/rights`, await portal());
    expect(reply.json).toEqual([right('app_ttd_endring-av-navn-v2')]);
  });

  it('SystemRegister_Get_ProductDefaultRights_App_OldFormat', async () => {
    const id = `${VALID_ORG}_system_with_app`;
    await createOk(matrix({ id, rights: [right('app_ttd_endring-av-navn-v2')] }));
    // The query name in lower case, as the test sends it.
    const reply = await send('GET', `${REGISTER}/${id}/rights?useoldformatforapp=true`, await portal());
    expect(reply.json).toEqual([
      {
        resource: [
          { id: 'urn:altinn:org', value: 'ttd' },
          { id: 'urn:altinn:app', value: 'endring-av-navn-v2' },
        ],
      },
    ]);
  });

  it('SystemRegister_Get_ProductDefaultRights_App_Resource', async () => {
    const id = `${VALID_ORG}_system_with_app_and_resource`;
    await createOk(matrix({ id, rights: [right('app_ttd_endring-av-navn-v2'), right(KRAV)] }));
    const reply = await send('GET', `${REGISTER}/${id}/rights`, await portal());
    expect(reply.json).toEqual([right('app_ttd_endring-av-navn-v2'), right(KRAV)]);
  });

  it('SystemRegister_Get_ProductDefaultRights_App_Resource_OldAppFormat', async () => {
    const id = `${VALID_ORG}_system_with_app_and_resource`;
    await createOk(matrix({ id, rights: [right('app_ttd_endring-av-navn-v2'), right(KRAV)] }));
    const reply = await send('GET', `${REGISTER}/${id}/rights?useoldformatforapp=true`, await portal());
    expect(reply.json).toEqual([
      {
        resource: [
          { id: 'urn:altinn:org', value: 'ttd' },
          { id: 'urn:altinn:app', value: 'endring-av-navn-v2' },
        ],
      },
      right(KRAV),
    ]);
  });

  it('SystemRegister_Get_ProductDefaultRights_NoRights', async () => {
    await createOk(matrixWithoutRights());
    const reply = await send('GET', `${REGISTER}/${MATRIX}/rights`, await portal());
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('[]');
  });

  it('SystemRegister_Get_AccessPackages', async () => {
    await createOk(
      matrix({
        accessPackages: [
          { urn: urn('skatt-naering') },
          { urn: urn('konkursbo-tilgangsstyrer') },
          { urn: urn('regnskapsforer-lonn') },
        ],
        isVisible: false,
      }),
    );
    const reply = await send('GET', `${REGISTER}/${MATRIX}/accesspackages`, await portal());
    const list = reply.json as { urn: string }[];
    expect(list).toHaveLength(3);
    expect(list[0]!.urn).toBe(urn('skatt-naering'));
  });

  it('SystemRegister_Get_AccessPackages_NoAccessPackages', async () => {
    await createOk(matrix());
    const reply = await send('GET', `${REGISTER}/${MATRIX}/accesspackages`, await portal());
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('[]');
  });
});

describe('SystemRegisterControllerTests: delete', () => {
  it('SystemRegister_Delete_System', async () => {
    await createOk(matrix());
    expect((await remove(MATRIX)).status).toBe(200);
  });

  it('SystemRegister_Delete_System_BadRequest', async () => {
    await createOk(matrix());
    expect((await remove(`${MATRIX}x`)).status).toBe(400);
  });

  it('SystemRegister_Delete_System_BySystemOwner', async () => {
    await createOk(matrix());
    expect((await remove(MATRIX, await write())).status).toBe(200);
  });

  it('SystemRegister_Delete_System_BySystemOwner_WrongScope', async () => {
    await createOk(matrix());
    const reply = await remove(
      MATRIX,
      await tokenFor('altinn:authentication/systemregister.read', VALID_ORG),
    );
    expect(reply.status).toBe(403);
  });

  it('SystemRegister_Delete_System_BySystemOwner_MismatchInOrg', async () => {
    await createOk(matrix());
    expect((await remove(MATRIX, await write('991825826'))).status).toBe(403);
  });

  it('SystemRegister_Delete_Several_Clients_Test', async () => {
    await createOk(
      putRequest(MATRIX, ['f5d441dc-e4fe-482b-b8ff-164951689c9d', '0d767db9-1713-47cb-bac5-ce3439f450c2']),
    );
    expect((await put(MATRIX, putRequest(MATRIX, [], true))).status).toBe(200);
    const reply = await getSystem(MATRIX);
    expect(reply.status).toBe(200);
    expect((reply.json as { clientId: string[] }).clientId).toEqual([]);
  });
});

describe('SystemRegisterControllerTests: update', () => {
  it('SystemRegister_Update_System', async () => {
    await createOk(matrix());
    expect((await put(MATRIX, matrixUpdate())).status).toBe(200);
    const reply = await getSystem(MATRIX);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      id: MATRIX,
      name: texts('Updated Name'),
      description: texts('Updated description'),
      rights: [right(KRAV)],
      clientId: ['UPDATED CLIENT ID', 'ANOTHER UPDATED CLIENT ID', 'GUID_SOMETHING'],
      isVisible: false,
      allowedRedirectUrls: ['https://vg.no/'],
    });
    await expectChangeLog(MATRIX, await write(), [
      { changeType: 'create', changedData: createdData() },
      { changeType: 'update', changedData: UPDATED_DATA },
    ]);
    // The client id the update released can be claimed by a new system.
    await createOk(matrix({ id: `${VALID_ORG}_client_ids_should_be_deleted` }));
  });

  it('SystemRegister_Update_System_BadRequest', async () => {
    await createOk(matrix());
    const reply = await put(
      MATRIX,
      matrix({
        accesspackages: [{ urn: urn('skatt-naering') }, { urn: urn('skatt-naering') }],
        rights: [right('ske-krav-og-betalinge')],
        isVisible: false,
        allowedredirecturls: ['https://vg.no'],
      }),
    );
    const errors = errorsOf(reply);
    expect(errors).toHaveLength(2);
    expectError(errors, 'AUTH.VLD-00003', PATH.rights);
    expectError(errors, 'AUTH.VLD-00007', PATH.packages);
  });

  it('SystemRegister_Update_System_InvalidRequest', async () => {
    await createOk(matrix());
    const reply = await put(MATRIX, {
      systemIdd: MATRIX,
      systemVendorOrgNumber: VALID_ORG,
      systemName: 'The Matrix',
      rights: [right(KRAV)],
      clientId: ['4f1c2a9e-0b6d-4c57-9e1a-7d3b8f2c6a01'],
      isVisible: false,
    });
    expect(reply.status).toBe(400);
  });

  it('SystemRegister_Update_System_NotOwner_ReturnsForbidden', async () => {
    await createOk(matrix());
    const body = {
      ...putRequest(MATRIX, []),
      vendor: { authority: 'iso6523-actorid-upis', ID: '0192:974761076' },
    };
    expect((await put(MATRIX, body, await write('974761076'))).status).toBe(403);
  });

  it('SystemRegister_Update_System_MismatchedBodyVendor_ReturnsNotFound', async () => {
    await createOk(matrix());
    const body = {
      ...putRequest(MATRIX, []),
      vendor: { authority: 'iso6523-actorid-upis', ID: '0192:974761076' },
    };
    expect((await put(MATRIX, body)).status).toBe(404);
  });

  it('SystemRegister_Update_System_UnchangedClientId_Test', async () => {
    const clientIds = [
      'c1a5e9d0-1111-4e2b-9f3c-0a1b2c3d4e51',
      'c1a5e9d0-2222-4e2b-9f3c-0a1b2c3d4e52',
      'c1a5e9d0-3333-4e2b-9f3c-0a1b2c3d4e53',
    ];
    await createOk(putRequest(MATRIX, clientIds));
    expect((await put(MATRIX, putRequest(MATRIX, clientIds, true))).status).toBe(200);
    const reply = await getSystem(MATRIX);
    expect(reply.status).toBe(200);
    const system = reply.json as { clientId: string[]; isVisible: boolean };
    expect(system.clientId).toHaveLength(clientIds.length);
    expect(system.clientId[0]).toContain(clientIds[0]);
    expect(system.isVisible).toBe(true);
  });

  it('SystemRegister_Rollback_Test', async () => {
    const first = ['d2b6f0e1-4444-4c3d-8e2f-1b2c3d4e5f61'];
    await createOk(putRequest(MATRIX, first, false));
    const valid = ['d2b6f0e1-5555-4c3d-8e2f-1b2c3d4e5f62', 'd2b6f0e1-6666-4c3d-8e2f-1b2c3d4e5f63'];
    const reply = await put(MATRIX, putRequest(MATRIX, valid, true, 'htts://vg.no'));
    // The update failed in PostgreSQL, on the URI domain's check.
    expect(reply.text).toContain('Npgsql.PostgresException');
    expect(reply.text).toContain('uri_scheme_check');
    const after = await getSystem(MATRIX);
    expect(after.status).toBe(200);
    const system = after.json as { clientId: string[]; isVisible: boolean };
    expect(system.isVisible).toBe(false);
    expect(system.clientId).toEqual(first);
  });

  it('SystemRegister_DuplicateClientIds_Test', async () => {
    await createOk(
      putRequest(MATRIX, ['09f040c6-dfc8-4a96-bd74-11bb2708ef81', 'bc2df960-1d22-40be-a39f-b3b698bb2868']),
    );
    const duplicate = ['09f040c6-dfc8-4a96-bd74-11bb2708ef81', '09f040c6-dfc8-4a96-bd74-11bb2708ef81'];
    const errors = errorsOf(await put(MATRIX, putRequest(MATRIX, duplicate)));
    expect(errors.map((error) => error.code)).toContain('AUTH.VLD-00011');
  });

  it('SystemRegister_EmptyClientId_Test', async () => {
    await createOk(putRequest(MATRIX, []));
    const proposed = ['dcbebc87-1e84-4ace-928a-220d4e557bb4', '070bebf2-c1b6-4efb-9e6b-be1927c473d8'];
    expect((await put(MATRIX, putRequest(MATRIX, proposed))).status).toBe(200);
    const reply = await getSystem(MATRIX);
    expect(reply.status).toBe(200);
    expect((reply.json as { clientId: string[] }).clientId).toEqual(proposed);
  });

  it('SystemRegister_UnmatchedRequestBodyAndSystemId', async () => {
    await createOk(putRequest(MATRIX, ['e3c7a1f2-7777-4d4e-9f30-2c3d4e5f6a71']));
    const reply = await put(
      MATRIX,
      putRequest(`${VALID_ORG}_a_different_system`, ['e3c7a1f2-8888-4d4e-9f30-2c3d4e5f6a72']),
    );
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('The system ID in the request body does not match the system ID in the URL');
  });

  it('SystemRegister_SystemNotFound_Test', async () => {
    await createOk(putRequest(MATRIX, ['f4d8b2a3-9999-4e5f-a041-3d4e5f6a7b81']));
    const missing = 'SystemIdThatDoesNotExist';
    const reply = await put(missing, putRequest(missing, ['f4d8b2a3-aaaa-4e5f-a041-3d4e5f6a7b82']));
    expect(reply.status).toBe(404);
    expect(reply.text).toBe(`System with ID '${missing}' not found.`);
  });

  it('SystemRegister_ClientIdExists_Test', async () => {
    await createOk(
      putRequest(MATRIX, ['fda56404-f022-46e8-929c-f38b6de2c195', 'a0ac009e-0d0b-44bd-b713-95f88355b14b']),
    );
    await createOk(putRequest(`${VALID_ORG}_snowman`, ['f204bf11-c92b-4ba1-a3ca-278dd290efdc']));
    const reply = await put(
      MATRIX,
      putRequest(MATRIX, ['1cd178af-806e-40db-b050-46e60c1d112c', 'f204bf11-c92b-4ba1-a3ca-278dd290efdc']),
    );
    expect(errorsOf(reply).map((error) => error.code)).toContain('AUTH.VLD-00004');
  });

  it('SystemRegister_Update_DeletedSystem_ReturnsBadRequest', async () => {
    await createOk(matrix());
    expect((await remove(MATRIX)).status).toBe(200);
    const reply = await put(MATRIX, matrixUpdate());
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Cannot update a system marked as deleted.');
  });
});

describe('SystemRegisterControllerTests: changelog', () => {
  it('GetSystemChangeLog_ValidOrg_ReturnsOk', async () => {
    expect((await create(matrix(), await write())).status).toBe(200);
    expect((await put(MATRIX, matrixUpdate(), await write())).status).toBe(200);
    expect((await putRights(MATRIX, [right(KRAV)], await write())).status).toBe(200);
    expect((await putPackages(MATRIX, [{ urn: urn('skatt-naering') }], await write())).status).toBe(200);
    await expectChangeLog(MATRIX, await write(), [
      { changeType: 'create', changedData: createdData() },
      { changeType: 'update', changedData: UPDATED_DATA },
      { changeType: 'rightsupdate', changedData: RIGHTS_UPDATE_DATA },
      { changeType: 'accesspackageupdate', changedData: PACKAGES_UPDATE_DATA },
    ]);
  });

  it('GetSystemChangeLog_InvalidOrg_ReturnsForbidden', async () => {
    expect((await create(matrix(), await write())).status).toBe(200);
    const reply = await send('GET', `${V}/${MATRIX}/changelog`, await write(INVALID_ORG));
    expect(reply.status).toBe(403);
  });

  it('GetSystemChangeLog_Admin_ReturnsOk', async () => {
    expect((await create(matrix(), await write())).status).toBe(200);
    await expectChangeLog(MATRIX, await admin(), [{ changeType: 'create', changedData: createdData() }]);
  });

  it('GetSystemChangeLog_InvalidSystemId_ReturnsNotFound', async () => {
    const reply = await send('GET', `${V}/${MATRIX}/changelog`, await write());
    expect(reply.status).toBe(404);
  });
});
