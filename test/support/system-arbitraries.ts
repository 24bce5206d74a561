/**
 * fast-check generators for system documents: the model's shapes with awkward strings (YAML 1.1
 * booleans, numbers, colons, hashes, newlines, non-ASCII), optional environments and extra languages.
 */
import fc from 'fast-check';
import type { EnvironmentOverrides, SystemDocument } from '../../src/model/system.ts';

const awkwardText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'yes',
    'No',
    'on',
    'OFF',
    'y',
    'true',
    'null',
    '~',
    '123',
    '0x1F',
    '1e3',
    '1:30',
    '2024-01-01',
    '.inf',
    'a: b',
    '# hash',
    'x #y',
    '- dash',
    '? q',
    '"quoted"',
    "it's",
    ' lead',
    'trail ',
    'line\nbreak',
    'two\n\nblank',
    'æøå ÆØÅ',
    '@at',
    '*star',
    '&amp',
    '!bang',
    '%pct',
    '{brace}',
    '[bracket]',
    '',
  ),
);

const languageMap = fc
  .record({ nb: awkwardText, nn: awkwardText, en: awkwardText }, { requiredKeys: ['nb', 'nn', 'en'] })
  .chain((base) =>
    fc
      .dictionary(fc.constantFrom('se', 'de', 'fr', 'sv'), awkwardText, { maxKeys: 2 })
      .map((extra) => ({ ...extra, ...base })),
  );

const right = fc.record(
  {
    action: fc.constantFrom('read', 'write', 'sign'),
    resource: fc.array(fc.record({ id: fc.constant('urn:altinn:resource'), value: awkwardText }), {
      minLength: 1,
      maxLength: 2,
    }),
  },
  { requiredKeys: ['resource'] },
);

const overrides: fc.Arbitrary<EnvironmentOverrides> = fc.record(
  {
    name: languageMap,
    clientId: fc.array(awkwardText, { maxLength: 3 }),
    allowedRedirectUrls: fc.array(fc.webUrl({ validSchemes: ['https'] }), { maxLength: 2 }),
    isVisible: fc.boolean(),
    rights: fc.array(right, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

export const systemDocument: fc.Arbitrary<SystemDocument> = fc.record({
  id: fc.stringMatching(/^[0-9]{9}_[A-Za-z0-9._-]{1,12}$/),
  vendor: fc.record({ ID: fc.stringMatching(/^0192:[0-9]{9}$/) }),
  name: languageMap,
  description: languageMap,
  rights: fc.array(right, { maxLength: 3 }),
  accessPackages: fc.array(
    fc.record({
      urn: fc.constantFrom('urn:altinn:accesspackage:skattegrunnlag', 'urn:altinn:accesspackage:lonn'),
    }),
    { maxLength: 2 },
  ),
  clientId: fc.array(awkwardText, { maxLength: 3 }),
  allowedRedirectUrls: fc.array(fc.webUrl({ validSchemes: ['https'] }), { maxLength: 3 }),
  isVisible: fc.boolean(),
  isDeleted: fc.boolean(),
  environments: fc.dictionary(fc.constantFrom('tt02', 'prod', 'at22', 'yt01'), overrides, { maxKeys: 3 }),
});
