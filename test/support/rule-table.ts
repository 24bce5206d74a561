/** The README's rule table, rendered from the rules themselves so the docs cannot drift. */
import { REPOSITORY_RULES, SYSTEM_RULES } from '../../src/systems/rules.ts';

export function renderRuleTable(): string {
  const rows = [...SYSTEM_RULES, ...REPOSITORY_RULES].map(
    (rule) =>
      `| \`${rule.ruleId}\` | ${rule.altinnCode ?? ''} | ${rule.summary}${'needsResources' in rule && rule.needsResources ? ' Online, or against a pulled snapshot.' : ''} |`,
  );
  return ['| Rule | Altinn code | Checks |', '| --- | --- | --- |', ...rows].join('\n');
}
