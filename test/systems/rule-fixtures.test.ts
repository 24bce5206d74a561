/**
 * One folder per rule under fixtures/rules/<rule-id>/: system files that break that rule and nothing
 * else, and expected.json with where each diagnostic must land. Wording is not asserted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { discoverSystemFiles } from '../../src/systems/discover.ts';
import { loadSystemFiles } from '../../src/systems/load.ts';
import { PARSE_RULE_IDS } from '../../src/systems/parse.ts';
import { REPOSITORY_RULES, SYSTEM_RULES } from '../../src/systems/rules.ts';
import { validateSystems } from '../../src/systems/validate.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'rules');
const folders = readdirSync(FIXTURES).sort();
const ALTINN_CODE = new Map(
  [...SYSTEM_RULES, ...REPOSITORY_RULES].map((rule) => [rule.ruleId, rule.altinnCode]),
);

interface Expected {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  environment?: string;
}

describe('rule fixtures', () => {
  it('has a fixture folder for every rule the register checks and every structural rule', () => {
    const ruleIds = [...SYSTEM_RULES, ...REPOSITORY_RULES].map((rule) => rule.ruleId);
    for (const ruleId of [...ruleIds, ...PARSE_RULE_IDS]) expect(folders).toContain(ruleId);
  });

  it.each(folders)('%s: yields exactly that rule, at the expected places', async (ruleId) => {
    const root = path.join(FIXTURES, ruleId);
    const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected[];
    const discovered = discoverSystemFiles(root, ['.']);
    expect(discovered.diagnostics).toEqual([]);
    const files = await loadSystemFiles(discovered.files);
    const diagnostics = validateSystems(files, { catalogue: DEFAULT_CATALOGUE, checkResources: true });

    expect(
      diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        ruleId: d.ruleId,
        ...(d.environment ? { environment: d.environment } : {}),
      })),
    ).toEqual(expected);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.altinnCode).toBe(ALTINN_CODE.get(ruleId));
      expect(diagnostic.message.length).toBeGreaterThan(10);
    }
  });
});
