/**
 * The wording of every rule, in-process: each fixture under fixtures/rules/ validated, and what a
 * vendor reads (severity, message, hint) pinned as one golden. rule-fixtures.test.ts asserts where
 * each diagnostic lands; this asserts what it says. Rewrite after an intended change with
 * `UPDATE_GOLDEN=1 npx vitest run test/systems/rule-messages.test.ts`, then review the diff.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { discoverSystemFiles } from '../../src/systems/discover.ts';
import { loadSystemFiles } from '../../src/systems/load.ts';
import { validateSystems } from '../../src/systems/validate.ts';
import { expectGolden } from '../support/golden.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'rules');

describe('rule messages', () => {
  it('says what each rule found, as the golden has it', async () => {
    const lines: string[] = [];
    for (const ruleId of readdirSync(FIXTURES).sort()) {
      const root = path.join(FIXTURES, ruleId);
      const discovered = discoverSystemFiles(root, ['.']);
      const files = loadSystemFiles(discovered.files);
      lines.push(`## ${ruleId}`);
      for (const diagnostic of validateSystems(files, {
        catalogue: DEFAULT_CATALOGUE,
        checkResources: true,
      })) {
        const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
        const environment = diagnostic.environment ? ` [${diagnostic.environment}]` : '';
        lines.push(
          `${where} ${diagnostic.severity} ${diagnostic.ruleId}${environment}: ${diagnostic.message}`,
        );
        if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
      }
    }
    expectGolden(path.join(import.meta.dirname, 'golden', 'rule-messages.txt'), `${lines.join('\n')}\n`);
  });
});
