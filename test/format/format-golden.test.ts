import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatSystemYaml, readMeaning } from '../../src/systems/format.ts';
import { expectGolden } from '../support/golden.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden', 'fmt');
const cases = readdirSync(GOLDEN).sort();

describe('formatSystemYaml goldens', () => {
  it.each(cases)('%s', (name) => {
    const input = readFileSync(path.join(GOLDEN, name, 'input.yaml'), 'utf8');
    const result = formatSystemYaml(input);
    expect(result.problems).toEqual([]);
    expectGolden(path.join(GOLDEN, name, 'expected.yaml'), result.text);
    expect(result.changed).toBe(result.text !== input);
    // Idempotent, and the meaning (aliases resolved) is the same before and after.
    const again = formatSystemYaml(result.text);
    expect(again).toEqual({ text: result.text, changed: false, problems: [] });
    expect(readMeaning(parseDocument(result.text))).toEqual(readMeaning(parseDocument(input)));
  });

  it('writes LF line endings, with the same meaning, for a CRLF file', () => {
    const input = readFileSync(path.join(GOLDEN, 'canonical-unchanged', 'input.yaml'), 'utf8');
    const result = formatSystemYaml(input.replace(/\n/g, '\r\n'));
    expect(result).toEqual({ text: input, changed: true, problems: [] });
  });

  it('leaves a canonical file byte for byte', () => {
    const input = readFileSync(path.join(GOLDEN, 'canonical-unchanged', 'input.yaml'), 'utf8');
    expect(formatSystemYaml(input)).toEqual({ text: input, changed: false, problems: [] });
  });

  it('keeps every comment of the input, each with the key it was written above', () => {
    const input = readFileSync(path.join(GOLDEN, 'reorder-with-comments', 'input.yaml'), 'utf8');
    const output = formatSystemYaml(input).text;
    const comments = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.includes('#'))
        .map((line) => line.slice(line.indexOf('#')).trim())
        .sort();
    expect(comments(output)).toEqual(
      [...comments(input), '# yaml-language-server: $schema=../.sysreg/system.schema.json'].sort(),
    );
    const lines = output.split('\n');
    expect(lines[lines.indexOf('# One client per environment; see environments below.') + 1]).toBe(
      'clientId:',
    );
    expect(lines[lines.indexOf('# Shown to customers in the Altinn portal.') + 1]).toBe('description:');
    expect(lines[lines.indexOf('  # Bokmål and nynorsk are the same here.') + 1]).toBe('  nn: Lønn');
    expect(output).toContain('id: 991825827_payroll # must equal the file name\n');
  });
});
