import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFieldEdits } from '../../src/systems/edit-system-yaml.ts';
import type { FieldEdit } from '../../src/systems/field-edit.ts';
import { FIELD_RULES } from '../../src/model/fields.ts';
import { renderSystemYaml } from '../../src/systems/write-system-yaml.ts';
import { systemDocument } from '../support/system-arbitraries.ts';
import { applyToData } from '../support/apply-to-data.ts';

const OVERRIDABLE = FIELD_RULES.filter((rule) => rule.overridable).map((rule) => rule.key);

/** A file as `import` writes it, with a comment above every top-level key as a vendor might add. */
function commentedFile(text: string): string {
  return text.replace(/^([A-Za-z]+):/gm, '# about $1\n$1:');
}

/** The lines of one top-level key's block: its comment, the key and everything indented under it. */
function blockOf(text: string, key: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.indexOf(`# about ${key}`);
  if (start === -1) return undefined;
  let end = start + 2;
  while (end < lines.length && /^(\s|-)/.test(lines[end] as string)) end += 1;
  return lines.slice(start, end).join('\n');
}

describe('applyFieldEdits properties', () => {
  it('produces exactly the edited data and leaves every other field byte-identical', () => {
    const scenario = fc
      .tuple(systemDocument, systemDocument, fc.subarray(OVERRIDABLE, { minLength: 1 }), fc.boolean())
      .map(([system, live, fields, deleteSome]) => {
        const edits: FieldEdit[] = fields.map((field, index) =>
          deleteSome && index % 2 === 1 ? { path: [field] } : { path: [field], value: live[field] },
        );
        const environment = Object.keys(live.environments)[0];
        if (environment) {
          edits.push({ path: ['environments', environment, 'clientId'], value: live.clientId });
        }
        return { text: commentedFile(renderSystemYaml(system)), edits, fields };
      });
    fc.assert(
      fc.property(scenario, ({ text, edits, fields }) => {
        const output = applyFieldEdits(text, edits);
        expect(parse(output)).toEqual(edits.reduce(applyToData, parse(text)));
        const untouched = ['id', 'vendor', ...OVERRIDABLE.filter((field) => !fields.includes(field))];
        for (const key of untouched) expect(blockOf(output, key)).toBe(blockOf(text, key));
      }),
      { numRuns: 150 },
    );
  });
});
