import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { Document, isCollection, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIELD_RULES } from '../../src/model/fields.ts';
import { formatSystemYaml, readMeaning } from '../../src/systems/format.ts';
import { systemDocument } from '../support/system-arbitraries.ts';

/** Writes a document as a vendor might: shuffled keys, alias spellings, any quoting, flow or block, comments. */
const vendorText = fc
  .tuple(
    systemDocument,
    fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
    fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<
      'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'
    >,
    fc.constantFrom(0, 1, 2, 3, 8),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([document, randoms, stringType, flowLevel, useAliases, indentSeq]) => {
    const random = randoms[Symbol.iterator]();
    const next = () => random.next().value as number;
    const shuffle = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(shuffle);
      if (typeof value !== 'object' || value === null) return value;
      const entries = Object.entries(value).map(([key, item]) => [key, shuffle(item)] as const);
      entries.sort(() => next() - 0.5);
      return Object.fromEntries(entries);
    };
    const spell = (fields: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(fields).map(([key, item]) => {
          const aliases = FIELD_RULES.find((rule) => rule.key === key)?.aliases ?? [];
          const alias =
            useAliases && aliases.length > 0 ? aliases[Math.floor(next() * aliases.length)] : undefined;
          return [alias ?? key, item];
        }),
      );
    const shuffled = shuffle(document) as Record<string, unknown>;
    const environments = shuffled.environments as Record<string, Record<string, unknown>>;
    shuffled.environments = Object.fromEntries(
      Object.entries(environments).map(([name, overrides]) => [name, spell(overrides)]),
    );
    const yamlDocument = new Document(spell(shuffled));
    if (flowLevel > 0) {
      visit(yamlDocument, {
        Collection(_key, node, path) {
          if (path.filter((ancestor) => isCollection(ancestor)).length >= flowLevel) node.flow = true;
        },
      });
    }
    const text = yamlDocument.toString({ defaultStringType: stringType, indentSeq, lineWidth: 40 });
    // A comment above every top-level key, so comments are in play as keys move.
    return text.replace(/^(\S[^:\n]*:)/gm, '# about $1\n$1');
  });

describe('formatSystemYaml properties', () => {
  it('never changes meaning, and formatting twice equals formatting once', () => {
    fc.assert(
      fc.property(vendorText, (text) => {
        // The yaml library itself writes an empty list as an invalid `key:\n[]` with indentSeq off.
        fc.pre(parseDocument(text).errors.length === 0);
        const once = formatSystemYaml(text);
        expect(once.problems).toEqual([]);
        expect(
          isDeepStrictEqual(readMeaning(parseDocument(once.text)), readMeaning(parseDocument(text))),
        ).toBe(true);
        const twice = formatSystemYaml(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.changed).toBe(false);
        // Every comment survives.
        const comments = (value: string) => (value.match(/# about \S+/g) ?? []).sort();
        expect(comments(once.text)).toEqual(comments(text));
      }),
      { numRuns: 150 },
    );
  });
});

describe('formatSystemYaml problems', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed YAML', 'id: [unclosed\nvendor: x\n', /./],
    ['a duplicate key', 'id: a\nid: b\n', /unique|duplicate/i],
    ['an alias and its field together', 'clientId: [a]\nclientid: [b]\n', /'clientid' and 'clientId'/],
    [
      'an alias and its field in one environment',
      'environments:\n  prod:\n    isVisible: true\n    isvisible: false\n',
      /under environments\.prod/,
    ],
    ['a list at the top', '- id: a\n', /mapping/],
    ['an empty file', '', /mapping/],
    ['two documents', 'id: a\n---\nid: b\n', /./],
    ['a tab for indentation', 'name:\n\tnb: x\n', /./],
  ];
  it.each(cases)('leaves the text untouched and reports %s', (_label, text, pattern) => {
    const result = formatSystemYaml(text);
    expect(result.changed).toBe(false);
    expect(result.text).toBe(text);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.join('\n')).toMatch(pattern);
  });

  it('reports a problem with its line', () => {
    const result = formatSystemYaml('id: a\nname:\n  nb: x\n  nb: y\n');
    expect(result.problems.join('\n')).toMatch(/line 4/);
  });
});
