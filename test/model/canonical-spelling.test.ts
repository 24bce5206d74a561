/**
 * The canonical form item by item: what Altinn does to a value when it stores it (URLs un-escaped as
 * .NET does, empty client ids dropped, a right's null action left out), the one JSON spelling every
 * comparison and checksum uses, and the field changes a diff reports.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalFromLive,
  canonicalFromRequest,
  canonicalFromSpec,
  holdsRequest,
  isSameCanonicalValue,
  listDifferingFields,
  sortSetItems,
  storedRedirectUrl,
  unescapeLikeDotNet,
} from '../../src/model/canonical.ts';
import { stringifyCanonicalJson } from '../../src/model/canonical-json.ts';
import { describeCreatedSystem, diffCanonicalSystems } from '../../src/model/diff.ts';
import type { Right, SystemSpec } from '../../src/model/system.ts';
import type { LiveSystem, RegisterSystemRequest } from '../../src/model/wire.ts';
import { buildSpec, storeAsAltinn } from '../support/system-builders.ts';

const spec = buildSpec('alpha');

function requestOf(system: SystemSpec): RegisterSystemRequest {
  const { isDeleted: _deleted, ...request } = system;
  return request;
}

describe('unescapeLikeDotNet', () => {
  it.each([
    ['%41%42c', 'ABc'],
    ['%7e%7E', '~~'],
    ['a%2fb%2Fc', 'a/b/c'],
    ['%20', ' '],
    ['%c3%a6%C3%B8', 'æø'],
    ['%23%3F%25', '%23%3F%25'],
    ['%23%3f%25', '%23%3F%25'],
    ['%41%23%42', 'A%23B'],
    ['%E2%82', '%E2%82'],
    ['%41 %E2%82 %42', 'A %E2%82 B'],
    ['%4', '%4'],
    ['%zz%41', '%zzA'],
    ['no escapes', 'no escapes'],
    // Only runs of escapes are rewritten: a private-use character as written stays.
    ['\ue000%41', '\ue000A'],
  ])('%s → %s', (input, expected) => {
    expect(unescapeLikeDotNet(input)).toBe(expected);
  });
});

describe('storedRedirectUrl', () => {
  it('is .NET’s spelling of a URL: WHATWG href, then un-escaped', () => {
    expect(storedRedirectUrl('HTTPS://Example.NO:443')).toBe('https://example.no/');
    expect(storedRedirectUrl('https://example.no/v%c3%a6r/%7Eu?q=a%2Fb%23c')).toBe(
      'https://example.no/vær/~u?q=a/b%23c',
    );
    expect(storedRedirectUrl('https://example.no/a%20b')).toBe('https://example.no/a b');
  });

  it('keeps a value that is not a URL as written', () => {
    expect(storedRedirectUrl('vg.no/%41')).toBe('vg.no/%41');
    expect(storedRedirectUrl('')).toBe('');
  });
});

describe('canonical form, item by item', () => {
  it('drops empty client ids, as Altinn does reading its text[] back', () => {
    expect(canonicalFromSpec({ ...spec, clientId: ['', 'b', 'a', ''] }).clientId).toEqual(['a', 'b']);
  });

  it('leaves out a right’s null or missing action, keeps a given one, and keeps only id and value', () => {
    const pair = { id: 'urn:altinn:resource', value: 'x', extra: 'dropped' };
    const rights = [
      { action: null, resource: [pair] },
      { resource: [pair] },
      { action: 'read', resource: [pair] },
      { action: 'write' },
    ] as unknown as Right[];
    expect(canonicalFromSpec({ ...spec, rights }).rights).toEqual([
      { action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'x' }] },
      { action: 'write', resource: [] },
      { resource: [{ id: 'urn:altinn:resource', value: 'x' }] },
    ]);
  });

  it('keeps only the urn of an access package', () => {
    const accessPackages = [{ urn: 'urn:b', name: 'x' }, { urn: 'urn:a' }] as SystemSpec['accessPackages'];
    expect(canonicalFromSpec({ ...spec, accessPackages }).accessPackages).toEqual([
      { urn: 'urn:a' },
      { urn: 'urn:b' },
    ]);
  });

  it('sorts a language map by language and takes a missing one as empty', () => {
    const live = { ...storeAsAltinn(spec), name: { nn: 'N', en: 'E', nb: 'B' } } as LiveSystem;
    expect(Object.keys(canonicalFromLive(live).name)).toEqual(['en', 'nb', 'nn']);
    const partial = { ...storeAsAltinn(spec) } as Partial<LiveSystem>;
    delete partial.description;
    delete partial.allowedRedirectUrls;
    delete partial.vendor;
    const canonical = canonicalFromLive(partial as LiveSystem);
    expect(canonical.description).toEqual({});
    expect(canonical.allowedRedirectUrls).toEqual([]);
    expect(canonical.vendor).toEqual({ ID: '' });
    expect(canonical.isDeleted).toBe(false);
  });

  it('spells a URL as Altinn stores it, then as WHATWG does, and keeps a non-URL', () => {
    const allowedRedirectUrls = ['https://Example.no/v%c3%a6r', 'vg.no', 'https://example.no/v%C3%A6r'];
    expect(canonicalFromSpec({ ...spec, allowedRedirectUrls }).allowedRedirectUrls).toEqual([
      'https://example.no/v%C3%A6r',
      'vg.no',
    ]);
  });

  it('sorts set items by their canonical JSON and keeps one of each', () => {
    const items = [{ b: 1, a: 2 }, { a: 1 }, { a: 2, b: 1 }];
    expect(sortSetItems(items)).toEqual([{ a: 1 }, { a: 2, b: 1 }]);
    expect(sortSetItems(['b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(sortSetItems([])).toEqual([]);
  });
});

describe('holdsRequest and the field list', () => {
  it('a body is never a tombstone, so a deleted system never holds it', () => {
    expect(canonicalFromRequest(requestOf(spec)).isDeleted).toBe(false);
    expect(holdsRequest(storeAsAltinn(spec), requestOf(spec))).toBe(true);
    expect(holdsRequest(storeAsAltinn(spec, { deleted: true }), requestOf(spec))).toBe(false);
  });

  it('lists every differing field in canonical order, identity fields included', () => {
    const other = canonicalFromSpec({
      ...spec,
      id: 'other',
      isVisible: false,
      clientId: ['x'],
      name: { ...spec.name, en: 'x' },
    });
    expect(listDifferingFields(canonicalFromSpec(spec), other)).toEqual([
      'id',
      'name',
      'clientId',
      'isVisible',
    ]);
    expect(listDifferingFields(other, other)).toEqual([]);
  });

  it('compares values by their canonical JSON', () => {
    expect(isSameCanonicalValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(isSameCanonicalValue([1, 2], [2, 1])).toBe(false);
    expect(isSameCanonicalValue({ a: undefined }, {})).toBe(true);
    expect(isSameCanonicalValue('1', 1)).toBe(false);
  });
});

describe('stringifyCanonicalJson', () => {
  it('sorts keys at every depth, leaves out undefined members, and keeps array order', () => {
    expect(stringifyCanonicalJson({ b: { d: 1, c: [{ z: 1, y: undefined, x: null }] }, a: undefined })).toBe(
      '{"b":{"c":[{"x":null,"z":1}],"d":1}}',
    );
    expect(stringifyCanonicalJson([undefined, 2, 'x'])).toBe('[null,2,"x"]');
    expect(stringifyCanonicalJson(null)).toBe('null');
    expect(stringifyCanonicalJson('s')).toBe('"s"');
  });

  it('indents when asked', () => {
    expect(stringifyCanonicalJson({ b: 1, a: [2] }, 2)).toBe('{\n  "a": [\n    2\n  ],\n  "b": 1\n}');
  });
});

describe('field changes', () => {
  it('reports only fields a PUT can change, with items added and removed for sets', () => {
    const before = canonicalFromSpec(spec);
    const after = canonicalFromSpec({
      ...spec,
      vendor: { ID: '0192:000000000' },
      clientId: ['client-alpha', 'new'],
      allowedRedirectUrls: [],
      isVisible: false,
      description: { ...spec.description, en: 'Changed' },
    });
    expect(diffCanonicalSystems(before, after)).toEqual([
      {
        field: 'description',
        kind: 'languageMap',
        before: before.description,
        after: after.description,
      },
      {
        field: 'clientId',
        kind: 'set',
        before: ['client-alpha'],
        after: ['client-alpha', 'new'],
        added: ['new'],
        removed: [],
      },
      {
        field: 'allowedRedirectUrls',
        kind: 'set',
        before: ['https://alpha.example.no/callback'],
        after: [],
        added: [],
        removed: ['https://alpha.example.no/callback'],
      },
      { field: 'isVisible', kind: 'scalar', before: true, after: false },
    ]);
    expect(diffCanonicalSystems(before, before)).toEqual([]);
  });

  it('describes a created system as every changeable field from nothing', () => {
    const created = canonicalFromSpec(spec);
    const changes = describeCreatedSystem(created);
    expect(changes.map((change) => change.field)).toEqual([
      'name',
      'description',
      'rights',
      'accessPackages',
      'clientId',
      'allowedRedirectUrls',
      'isVisible',
    ]);
    expect(changes.find((change) => change.field === 'clientId')).toEqual({
      field: 'clientId',
      kind: 'set',
      before: null,
      after: ['client-alpha'],
      added: ['client-alpha'],
      removed: [],
    });
    expect(changes.find((change) => change.field === 'name')).toEqual({
      field: 'name',
      kind: 'languageMap',
      before: null,
      after: created.name,
    });
  });
});
