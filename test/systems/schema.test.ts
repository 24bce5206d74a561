/** The committed schema is current, `sysreg schema` prints it, and it agrees with the example files. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../../src/model/fields.ts';
import { buildSystemSchema, renderSystemSchema, SYSTEM_SCHEMA_PATH } from '../../src/systems/schema.ts';
import { renderRuleTable } from '../support/rule-table.ts';
import { EXAMPLE_SYSTEMS, REPO_ROOT } from '../support/run-cli.ts';

const SYSTEMS = EXAMPLE_SYSTEMS;
const examples = readdirSync(SYSTEMS)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('system schema', () => {
  it('is committed as generated (run `npm run sysreg -- schema > .sysreg/system.schema.json`)', () => {
    expect(readFileSync(path.join(REPO_ROOT, SYSTEM_SCHEMA_PATH), 'utf8')).toBe(renderSystemSchema());
  });

  it('is printed by `sysreg schema`', async () => {
    let out = '';
    const code = await main({
      argv: ['schema'],
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: () => true },
      env: {},
      cwd: REPO_ROOT,
    });
    expect(code).toBe(0);
    expect(out).toBe(renderSystemSchema());
  });

  it('lists the fields in canonical order, requires the required ones and accepts aliases as deprecated', () => {
    const schema = buildSystemSchema() as {
      required: string[];
      properties: Record<string, { deprecated?: boolean }>;
    };
    const keys = Object.keys(schema.properties);
    expect(keys.slice(0, FIELD_RULES.length)).toEqual(FIELD_RULES.map((rule) => rule.key));
    expect(keys).toContain(ENVIRONMENTS_KEY);
    expect(schema.required).toEqual(['id', 'vendor', 'name', 'description']);
    expect(schema.properties.allowedredirecturls?.deprecated).toBe(true);
  });

  it('accepts every example, and each example names the schema for editors', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, SYSTEM_SCHEMA_PATH), 'utf8')));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const name of examples) {
      const text = readFileSync(path.join(SYSTEMS, name), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../.sysreg/system.schema.json');
      expect(validate(parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects what the register would refuse to bind', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(buildSystemSchema());
    expect(validate({ id: 'x', vendor: { ID: '0192:1' }, name: {}, description: {}, isVisible: '' })).toBe(
      false,
    );
    expect(validate({ id: 'x', vendor: { ID: '0192:1' }, name: {}, description: {}, rights: null })).toBe(
      false,
    );
    expect(validate({ id: 'x', vendor: { ID: '0192:1' }, name: {}, description: {} })).toBe(true);
  });
});

describe('README', () => {
  it('lists every register rule as the code declares it', () => {
    // Prettier pads the table's cells; compare cell by cell.
    const normalise = (text: string) =>
      text
        .split('\n')
        .map((line) =>
          line.startsWith('|')
            ? line
                .split('|')
                .map((cell) => cell.trim().replace(/^-+$/, '---'))
                .join('|')
            : line,
        )
        .join('\n');
    expect(normalise(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'))).toContain(
      normalise(renderRuleTable()),
    );
  });
});
