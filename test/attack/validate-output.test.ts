/**
 * Attack cases on validate's output (issue: hardening): a file with tens of thousands of mistakes is
 * reported in a bounded form, and nothing a file holds reaches a terminal or a CI log unescaped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let repo: ScratchRepo;
beforeEach(async () => {
  repo = await createScratchRepo();
});
afterEach(() => repo.remove());

/** A valid system followed by `count` keys the schema does not know. */
function withUnknownKeys(count: number): string {
  const keys = Array.from({ length: count }, (_, index) => `unknown${index}: x`);
  return `${renderValidSystem('flood')}${keys.join('\n')}\n`;
}

describe('validate with thousands of problems in one file (real CLI)', () => {
  it('prints the first 100 per file and counts the rest, in text', async () => {
    await repo.write('systems/314159268_flood.yaml', withUnknownKeys(5_000));
    const result = await runCli(['validate'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout.match(/ error {2}field-unknown /g)).toHaveLength(100);
    expect(result.stdout).toContain(
      'systems/314159268_flood.yaml: 4,900 more diagnostics not shown (the first 100 are).',
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('5000 errors in 1 of 1 file.');
  });

  it('caps JSON too, with the whole count in the summary and the rest in summary.omitted', async () => {
    await repo.write('systems/314159268_flood.yaml', withUnknownKeys(5_000));
    const result = await runCli(['validate', '--format', 'json'], repo.root);
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number; omitted?: number };
      diagnostics: unknown[];
    };
    expect(report.summary).toMatchObject({ errors: 5_000, omitted: 4_900 });
    expect(report.diagnostics).toHaveLength(100);
  });

  it('caps workflow annotations, with a notice for the rest', async () => {
    await repo.write('systems/314159268_flood.yaml', withUnknownKeys(500));
    const result = await runCli(['validate', '--format', 'github'], repo.root);
    expect(result.stdout.match(/^::error /gm)).toHaveLength(100);
    expect(result.stdout).toContain('::notice title=sysreg validate::systems/314159268_flood.yaml: 400 more');
  });

  it('reports every duplicate key of a large map', async () => {
    const keys = Array.from({ length: 300 }, () => 'same: x');
    await repo.write('systems/314159268_dup.yaml', `${renderValidSystem('dup')}${keys.join('\n')}\n`);
    const result = await runCli(['validate', '--format', 'json'], repo.root);
    const report = JSON.parse(result.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(299);
  });
});

describe('validate escapes what files hold (real CLI)', () => {
  const hostile = [
    renderValidSystem('hostile').trimEnd(),
    '"##[error]k\\n::error::inkey": 1',
    '"title\\e]0;owned\\aend": 2',
    '"clear\\e[2J\\e[Hscreen\\u202ereversed": 3',
    '',
  ].join('\n');

  it('text output: no line starts a workflow command, no ESC, BEL or bidi control is printed', async () => {
    await repo.write('systems/314159268_hostile.yaml', hostile);
    const result = await runCli(['validate'], repo.root);
    expect(result.code).toBe(1);
    for (const line of result.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(result.stdout).toContain('##[error]k\\u000a::error::inkey');
    expect(result.stdout).toContain('title\\u001b]0;owned\\u0007end');
  });

  it('source lines under diagnostics are escaped too, with the caret still under the span', async () => {
    await repo.write('systems/314159268_raw.yaml', `${renderValidSystem('raw')}bell\u0007key: 1\n`);
    const result = await runCli(['validate'], repo.root);
    expect(result.stdout).not.toContain('\u0007');
    const lines = result.stdout.split('\n');
    const source = lines.findIndex((line) => line.includes('| bell\\u0007key: 1'));
    expect(source).toBeGreaterThan(0);
    expect(lines[source + 1]).toMatch(/\| \^{13}$/);
  });
});
