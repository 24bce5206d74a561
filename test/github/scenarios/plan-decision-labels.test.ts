import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSystems } from '../../support/local-altinn.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readPullRequestPayload,
  renderLiveSystem,
  startGitHubScenario,
  systemFile,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

// As pull-request.yml runs it: an unsafe plan is still a reviewed plan, approved by a label.
const PLAN = ['plan', '--env', 'local', '--report', 'github', '--force'];
const HEAD = 'a1'.repeat(20);
const MARKER = '<!-- sysreg:plan:local -->';

describe('plan --report github tells the reviewer which label approves deletes and unsafe plans', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
  });
  afterEach(() => scenario.close());

  async function planPullRequest(names: readonly string[], deleted: ReadonlySet<string>) {
    const { altinn, github, repo } = scenario;
    await seedSystems(
      altinn.url,
      names.map((name) => renderLiveSystem(name)),
    );
    for (const name of names) {
      const yaml = renderValidSystem(name);
      await repo.write(systemFile(name), deleted.has(name) ? `${yaml}isDeleted: true\n` : yaml);
    }
    github.addPullRequest({ number: 7, headSha: HEAD, files: [...deleted].map(systemFile) });
    const step = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    const comment = github.comments(7).find((c) => c.body.includes(MARKER));
    return { step, body: comment?.body ?? '' };
  }

  it('names sysreg:allow-delete for a plan that deletes', async () => {
    const { step, body } = await planPullRequest(['alpha', 'beta'], new Set(['beta']));
    expect(step.code).toBe(0);
    expect(step.outputs).toMatchObject({ deletes: '1' });
    expect(body).toContain('Apply needs `--allow-delete`');
    expect(body).toContain(
      '> [!IMPORTANT]\n> To apply this on merge, add the label `sysreg:allow-delete` (the deletes) to this ' +
        'pull request before merging; sync then applies the reviewed plan with `--allow-delete`.',
    );
    expect(body).not.toContain('sysreg:force');
    // The note is for the pull request; the job summary holds the plan as rendered.
    expect(step.summary).not.toContain('sysreg:allow-delete');
  });

  it('names both labels for an unsafe plan that deletes', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const { step, body } = await planPullRequest(names, new Set(['s0', 's1', 's2', 's3']));
    expect(step.code).toBe(0);
    expect(body).toContain('**Unsafe plan.** To go ahead, apply with `--force`.');
    expect(body).toContain(
      '> To apply this on merge, add the labels `sysreg:allow-delete` (the deletes) and `sysreg:force` ' +
        '(the unsafe plan) to this pull request before merging; sync then applies the reviewed plan with ' +
        '`--allow-delete` and `--force`.',
    );
  });

  it('says nothing about labels when the plan needs neither flag', async () => {
    const { step, body } = await planPullRequest(['alpha'], new Set());
    expect(step.code).toBe(0);
    expect(body).toContain('### sysreg plan');
    expect(body).not.toContain('[!IMPORTANT]');
    expect(body).not.toMatch(/sysreg:(allow-delete|force)/);
  });
});
