import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFieldEdits } from '../../src/systems/edit-system-yaml.ts';
import { readMeaning } from '../../src/systems/format.ts';
import type { FieldEdit } from '../../src/systems/field-edit.ts';
import { expectGolden } from '../support/golden.ts';
import { renderLineDiff } from '../support/line-diff.ts';
import { applyToData } from '../support/apply-to-data.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden', 'edit');
const cases = readdirSync(GOLDEN).sort();

describe('applyFieldEdits goldens', () => {
  it.each(cases)('%s', (name) => {
    const input = readFileSync(path.join(GOLDEN, name, 'input.yaml'), 'utf8');
    const edits = JSON.parse(readFileSync(path.join(GOLDEN, name, 'edits.json'), 'utf8')) as FieldEdit[];
    const output = applyFieldEdits(input, edits);
    expectGolden(path.join(GOLDEN, name, 'expected.yaml'), output);
    expectGolden(path.join(GOLDEN, name, 'expected.diff'), renderLineDiff(input, output));
    // The data is exactly the edited data, field aliases read as their canonical names.
    expect(readMeaning(parseDocument(output))).toEqual(
      edits.reduce(applyToData, readMeaning(parseDocument(input))),
    );
    // Every comment of the input is still there, unless it sat on a line the edit removed.
    const removed = renderLineDiff(input, output, 0)
      .split('\n')
      .filter((line) => line.startsWith('- '));
    for (const line of input.split('\n').filter((text) => text.includes('# '))) {
      if (!removed.includes(`- ${line}`)) expect(output).toContain(line.slice(line.indexOf('#')));
    }
  });

  it('returns the text unchanged when the values already match', () => {
    const input = readFileSync(path.join(GOLDEN, 'drift-lists', 'input.yaml'), 'utf8');
    expect(
      applyFieldEdits(input, [
        { path: ['clientId'], value: ['first-client', 'second-client', 'third-client'] },
        { path: ['isVisible'], value: true },
        { path: ['environments', 'prod'] },
      ]),
    ).toBe(input);
  });

  it('keeps CRLF line endings', () => {
    const input = readFileSync(path.join(GOLDEN, 'drift-scalars', 'input.yaml'), 'utf8');
    const edits = JSON.parse(
      readFileSync(path.join(GOLDEN, 'drift-scalars', 'edits.json'), 'utf8'),
    ) as FieldEdit[];
    const expected = readFileSync(path.join(GOLDEN, 'drift-scalars', 'expected.yaml'), 'utf8');
    const toCrlf = (text: string) => text.replace(/\n/g, '\r\n');
    expect(applyFieldEdits(toCrlf(input), edits)).toBe(toCrlf(expected));
  });

  it('refuses a file that does not parse and a path through a scalar, with a clear error', () => {
    expect(() => applyFieldEdits('id: [x\n', [{ path: ['id'], value: 'y' }])).toThrow(/does not parse/);
    expect(() => applyFieldEdits('id: x\n', [{ path: ['id', 'deeper'], value: 'y' }])).toThrow(
      /id is not a map or list/,
    );
  });
});
