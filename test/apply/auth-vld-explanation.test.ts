/**
 * An AUTH.VLD refusal at apply, through the real CLI (a child process) against the local Altinn:
 * the output carries Altinn's code and the explanation the README gives for it, so the vendor does
 * not have to look the code up.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLiveSystem, seedSystems } from '../support/local-altinn.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';
import { buildSystemSpec, startApplyBench, type ApplyBench } from './apply-fixtures.ts';

/** Another vendor: its systems are outside what this vendor can read or plan against. */
const OTHER_ORG = '313367002';

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** The README's troubleshooting entry for `code`: its first paragraph and its fix, as written there. */
async function readReadmeEntry(code: string): Promise<{ meaning: string; fix: string }> {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split(`#### ${code}\n\n`)[1]?.split('\n#### ')[0];
  if (section === undefined) throw new Error(`README.md has no troubleshooting entry for ${code}`);
  const [paragraph = '', fixParagraph = ''] = section.split('\n\n');
  // The first sentence says what Altinn refuses; the rest of the paragraph is about where it is sent.
  const meaning = /^.*?\.(?= )/.exec(paragraph)?.[0] ?? paragraph;
  return { meaning, fix: fixParagraph.replace(/^\*\*Fix:\*\* /, '').trim() };
}

describe('apply refused with an AUTH.VLD code', () => {
  it('prints the code and the README explanation of it', async () => {
    bench = await startApplyBench();
    // Another vendor's system holds the client id: this vendor's plan cannot see it, Altinn refuses.
    await seedSystems(bench.altinn.url, [
      makeLiveSystem(OTHER_ORG, 'holder', { clientId: ['shared-client'] }),
    ]);
    await bench.writeSystem(buildSystemSpec('claimer', { clientId: ['shared-client'] }));

    const run = await runCli(
      ['apply', '--env', 'local', '--yes'],
      bench.repo.root,
      undefined,
      bench.client.env,
    );

    const writes = await bench.writes();
    expect(writes.map((entry) => [entry.method, entry.status, entry.codes])).toEqual([
      ['POST', 400, ['AUTH.VLD-00004']],
    ]);
    expect(run.code).toBe(1);
    const { meaning, fix } = await readReadmeEntry('AUTH.VLD-00004');
    expect(run.stdout).toContain('AUTH.VLD-00004');
    expect(run.stdout).toContain(`AUTH.VLD-00004: ${meaning}`);
    expect(run.stdout).toContain(`Fix: ${fix}`);
  }, 30_000);
});
