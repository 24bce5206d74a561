import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_COMMENT_LENGTH } from '../../../src/github/sticky-comment.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import { readPullRequestPayload, startGitHubScenario, systemFile } from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const HEAD = 'a1'.repeat(20);
const COUNT = 120;
const NAMES = Array.from({ length: COUNT }, (_, i) => `system${String(i).padStart(3, '0')}`);

describe('plan --report github with a plan too long for a comment', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    for (const name of NAMES) await scenario.repo.write(systemFile(name), renderValidSystem(name));
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: NAMES.map(systemFile) });
  });
  afterEach(() => scenario.close());

  it('comments the summary, pointing to the job summary and the plan file, which hold the whole plan', async () => {
    // The exact command line of .github/workflows/pull-request.yml.
    const step = await scenario.runStep(
      ['plan', 'systems', '--env', 'local', '--report', 'github', '--out', 'sysreg-plan-local.json'],
      {
        eventName: 'pull_request',
        event: await readPullRequestPayload('opened', HEAD),
        sha: 'f1'.repeat(20),
      },
    );
    expect(step.code).toBe(0);
    expect(step.stderr).toContain(
      'plan comment created on #7 (summary only: the plan is too long for a comment).',
    );
    expect(step.outputs).toMatchObject({ creates: String(COUNT), changes: String(COUNT) });

    const body = scenario.github.comments(7)[0]!.body;
    expect(body.length).toBeLessThan(MAX_COMMENT_LENGTH);
    expect(body).toContain(
      'The whole plan is too long for a comment. It is in the [job summary](https://github.test/acme/systems/actions/runs/4242) ' +
        'and in the plan file `sysreg-plan-local.json` of this run.',
    );
    // One summary row per system, and no per-field detail.
    expect(body.split('\n').filter((line) => line.startsWith('| ➕ create |'))).toHaveLength(COUNT);
    expect(body).not.toContain('<pre>');

    // The job summary holds every system's full section; so does the plan file.
    expect(step.summary.length).toBeGreaterThan(MAX_COMMENT_LENGTH);
    expect(step.summary.match(/<details><summary>➕ create/g)).toHaveLength(COUNT);
    const planFile = JSON.parse(
      await readFile(path.join(scenario.repo.root, 'sysreg-plan-local.json'), 'utf8'),
    ) as {
      changes: unknown[];
      checksum: string;
    };
    expect(planFile.changes).toHaveLength(COUNT);
    expect(planFile.checksum).toBe(step.outputs.checksum);
  });
});
