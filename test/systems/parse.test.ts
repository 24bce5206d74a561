import { describe, expect, it } from 'vitest';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { suggestName } from '../../src/systems/suggest-name.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

const minimal = [
  'id: 314159268_min',
  'vendor: { ID: "0192:314159268", authority: iso6523-actorid-upis }',
  'name: { nb: a, nn: b, en: c }',
  'description: { nb: a, nn: b, en: c }',
  '',
].join('\n');

describe('parseSystemFile', () => {
  it('fills defaults from FIELD_RULES and drops what Altinn ignores', () => {
    const parsed = parseSystemFile('systems/314159268_min.yaml', minimal);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.document).toEqual({
      id: '314159268_min',
      vendor: { ID: '0192:314159268' },
      name: { nb: 'a', nn: 'b', en: 'c' },
      description: { nb: 'a', nn: 'b', en: 'c' },
      rights: [],
      accessPackages: [],
      clientId: [],
      allowedRedirectUrls: [],
      isVisible: true,
      isDeleted: false,
      environments: {},
    });
  });

  it('maps paths to positions: scalars at the value, collections at their key, missing at the nearest ancestor', () => {
    const parsed = parseSystemFile('f.yaml', renderValidSystem('pos'));
    expect(parsed.positionOf(['id'])).toMatchObject({ file: 'f.yaml', line: 1, column: 5 });
    expect(parsed.positionOf(['id'], 'key')).toMatchObject({ line: 1, column: 1 });
    expect(parsed.positionOf(['name'])).toMatchObject({ line: 4, column: 1 });
    expect(parsed.positionOf(['rights', 0, 'resource', 0, 'value'])).toMatchObject({
      line: 15,
      column: 16,
      endLine: 15,
      endColumn: 38,
    });
    expect(parsed.positionOf(['clientId', 7])).toMatchObject({ line: 18, column: 1 });
    expect(parsed.isWritten(['clientId', 0])).toBe(true);
    expect(parsed.isWritten(['clientId', 7])).toBe(false);
    expect(parsed.isWritten(['isDeleted'])).toBe(false);
  });

  it('accepts alias spellings with a warning, and positions follow the written spelling', () => {
    const parsed = parseSystemFile(
      'f.yaml',
      `${minimal}ClientId: [x]\nenvironments:\n  tt02:\n    allowedredirecturls: [https://a.example]\n`,
    );
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      ['field-alias', 'warning', 5, 1],
      ['field-alias', 'warning', 8, 5],
    ]);
    expect(parsed.diagnostics[0]?.message).toContain('`clientId`');
    expect(parsed.document?.clientId).toEqual(['x']);
    expect(parsed.document?.environments.tt02).toEqual({ allowedRedirectUrls: ['https://a.example'] });
    expect(parsed.positionOf(['clientId', 0])).toMatchObject({ line: 5, column: 12 });
  });

  it('collects every structural problem of a file, not only the first', () => {
    const parsed = parseSystemFile(
      'f.yaml',
      minimal.replace('name: { nb: a, nn: b, en: c }', 'name: [a]') + 'isVisible: "true"\nclientIDs: []\n',
    );
    expect(parsed.document).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['field-type', 3],
      ['field-type', 5],
      ['field-unknown', 6],
    ]);
    expect(parsed.diagnostics[2]?.message).toContain('did you mean `clientId`?');
  });

  it('reads `yes` as a string (YAML 1.2), so a boolean field says so', () => {
    const parsed = parseSystemFile('f.yaml', `${minimal}isVisible: yes\n`);
    expect(parsed.diagnostics).toMatchObject([{ ruleId: 'field-type', line: 5, column: 12 }]);
  });

  it('never throws, whatever the bytes', () => {
    for (const text of [
      '\u0000',
      ':',
      '- - -',
      '{',
      '"',
      '? ? ?',
      '&a *a',
      '!!binary x',
      '\ufeffid: x',
      'a: *b',
    ]) {
      expect(() => parseSystemFile('f.yaml', text)).not.toThrow();
      expect(parseSystemFile('f.yaml', text).diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('suggestName', () => {
  it('finds case variants and near misses, and nothing for far-off names', () => {
    expect(suggestName('clientid', ['id', 'clientId'])).toBe('clientId');
    expect(suggestName('descriptoin', ['name', 'description'])).toBe('description');
    expect(suggestName('isVisable', ['isVisible', 'isDeleted'])).toBe('isVisible');
    expect(suggestName('colour', ['id', 'vendor', 'name'])).toBeUndefined();
  });
});
