/**
 * `npm run docs`: regenerates the parts of README.md that code already knows, between markers
 * `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`:
 *   rules     the rule table, from SYSTEM_RULES and REPOSITORY_RULES (src/systems/rules.ts)
 *   codes     the AUTH.VLD troubleshooting, from VALIDATION_CODES (src/altinn/error-codes.ts)
 *   commands  the command reference, from each verb's usage text (src/cli.ts COMMANDS)
 * The result is formatted with the repository's Prettier settings. `--check` writes nothing and
 * exits 1 when README.md is stale; test/scripts/docs.test.ts runs the same check.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import * as prettier from 'prettier';
import { VALIDATION_CODES } from '../src/altinn/error-codes.ts';
import { COMMANDS } from '../src/cli.ts';
import { createCommandLine, declareVerb } from '../src/commands/shared/command-line.ts';
import { SYSREG_VERSION } from '../src/release.ts';
import { REPOSITORY_RULES, SYSTEM_RULES } from '../src/systems/rules.ts';

export const README_PATH = path.resolve(import.meta.dirname, '..', 'README.md');

const ALL_RULES = [...SYSTEM_RULES, ...REPOSITORY_RULES];

export function renderRuleTable(): string {
  const rows = ALL_RULES.map((rule) => {
    const online =
      'needsResources' in rule && rule.needsResources ? ' Online, or against a pulled snapshot.' : '';
    return `| \`${rule.ruleId}\` | ${rule.altinnCode ?? ''} | ${rule.summary}${online} |`;
  });
  return ['| Rule | Altinn code | Checks |', '| --- | --- | --- |', ...rows].join('\n');
}

export function renderTroubleshooting(): string {
  return VALIDATION_CODES.map((entry) => {
    const rules = ALL_RULES.filter((rule) => rule.altinnCode === entry.code).map((rule) => {
      const online =
        'needsResources' in rule && rule.needsResources ? ' (online, or against a pulled snapshot)' : '';
      return `\`${rule.ruleId}\`${online}`;
    });
    const caught =
      rules.length > 0
        ? `\`sysreg validate\` checks for it: ${rules.join(', ')}.`
        : 'Only Altinn can tell; no offline rule sees it.';
    return [
      `#### ${entry.code}`,
      '',
      `${entry.meaning} Sent on ${entry.sentOn}. ${caught}`,
      '',
      `**Fix:** ${entry.fix}`,
    ].join('\n');
  }).join('\n\n');
}

export async function renderCommandReference(): Promise<string> {
  const sections: string[] = [];
  let help = '';
  const capture = { write: (text: string) => (help += text) };
  const program = createCommandLine(COMMANDS, { stdout: capture, stderr: capture }, SYSREG_VERSION);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const { command } = await entry.load();
    help = '';
    // As `sysreg <verb> --help` prints it, with the text after the options.
    declareVerb(program, command).outputHelp();
    sections.push(
      [`### \`sysreg ${name}\``, '', entry.summary, '', '```text', help.trimEnd(), '```'].join('\n'),
    );
  }
  return sections.join('\n\n');
}

/** Replaces the body of each marked block; a marker pair missing from the text is an error. */
export function replaceGeneratedBlocks(text: string, blocks: Record<string, string>): string {
  let result = text;
  for (const [name, body] of Object.entries(blocks)) {
    const open = `<!-- generated:${name} -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = result.indexOf(open);
    const end = result.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README.md has no ${open} … ${close} block`);
    result = `${result.slice(0, start + open.length)}\n\n${body}\n\n${result.slice(end)}`;
  }
  return result;
}

/** README.md as `npm run docs` would write it. */
export async function renderReadme(current: string): Promise<string> {
  const updated = replaceGeneratedBlocks(current, {
    rules: renderRuleTable(),
    codes: renderTroubleshooting(),
    commands: await renderCommandReference(),
  });
  const options = (await prettier.resolveConfig(README_PATH)) ?? {};
  return prettier.format(updated, { ...options, filepath: README_PATH });
}

async function runDocs(check: boolean): Promise<number> {
  const current = await readFile(README_PATH, 'utf8');
  const wanted = await renderReadme(current);
  if (wanted === current) {
    process.stdout.write('README.md is up to date.\n');
    return 0;
  }
  if (check) {
    process.stderr.write('README.md is stale: run `npm run docs` and commit the result.\n');
    return 1;
  }
  await writeFile(README_PATH, wanted);
  process.stdout.write('README.md: generated sections updated.\n');
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = await runDocs(process.argv.includes('--check'));
  } catch (error) {
    process.stderr.write(`docs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
