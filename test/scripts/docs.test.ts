/**
 * The README's generated parts (rule table, AUTH.VLD troubleshooting, command reference) match the
 * code, and every AUTH.VLD code the register can send has a troubleshooting entry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATION_CODES, findValidationCodeHelp } from '../../src/altinn/error-codes.ts';
import { REPOSITORY_RULES, SYSTEM_RULES } from '../../src/systems/rules.ts';
import { README_PATH, renderReadme, replaceGeneratedBlocks } from '../../scripts/docs.ts';

/** The codes of contract §4.5 that the register endpoints return (10 does not exist; 14–16 are system-user codes). */
const REGISTER_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 17, 18].map(
  (n) => `AUTH.VLD-${String(n).padStart(5, '0')}`,
);

describe('README.md generated sections', () => {
  it('are up to date (run `npm run docs` and commit README.md)', async () => {
    const current = readFileSync(README_PATH, 'utf8');
    expect(await renderReadme(current)).toBe(current);
  });

  it('holds a troubleshooting entry, with a fix, for every code the register can send', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(VALIDATION_CODES.map((entry) => entry.code)).toEqual(REGISTER_CODES);
    for (const code of REGISTER_CODES) {
      const help = findValidationCodeHelp(code);
      expect(help?.fix.length, code).toBeGreaterThan(20);
      expect(readme).toContain(`#### ${code}`);
    }
    expect(findValidationCodeHelp('AUTH.VLD-00010')).toBeUndefined();
  });

  it('cites only codes that have an entry from the rules', () => {
    for (const rule of [...SYSTEM_RULES, ...REPOSITORY_RULES]) {
      if (rule.altinnCode) expect(findValidationCodeHelp(rule.altinnCode), rule.ruleId).toBeDefined();
    }
  });

  it('refuses a README without a marker pair instead of silently dropping a section', () => {
    expect(() => replaceGeneratedBlocks('# x\n', { rules: 'table' })).toThrow(/generated:rules/);
    expect(replaceGeneratedBlocks('a<!-- generated:x -->old<!-- /generated:x -->b', { x: 'new' })).toBe(
      'a<!-- generated:x -->\n\nnew\n\n<!-- /generated:x -->b',
    );
  });
});
