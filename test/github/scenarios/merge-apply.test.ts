import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listStoredSystems, seedSystems } from '../../support/local-altinn.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readEventPayload,
  readPullRequestPayload,
  renderLiveSystem,
  startGitHubScenario,
  systemFile,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const HEAD = 'a1'.repeat(20);
/** push.json's `after`: the merge commit of pull request 7. */
const MERGE_SHA = 'c3'.repeat(20);
const ALPHA = systemFile('alpha');
const BETA = systemFile('beta');
const GAMMA = systemFile('gamma');

describe('a merge: plan on the pull request, then apply --report github on the push', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    const { altinn, github, repo } = scenario;
    // beta is live with an old description; gamma's id was deleted in Altinn long ago (burned).
    await seedSystems(altinn.url, [
      renderLiveSystem('beta', { description: { nb: 'Gammel.', nn: 'Eit system.', en: 'A system.' } }),
      renderLiveSystem('gamma', { isDeleted: true, clientId: [] }),
    ]);
    await repo.write(ALPHA, renderValidSystem('alpha'));
    await repo.write(BETA, renderValidSystem('beta'));
    github.addPullRequest({ number: 7, headSha: HEAD, files: [ALPHA, BETA] });
    // An open pull request whose branch also holds the merge commit gets no apply comment.
    github.addPullRequest({ number: 8, headSha: 'd5'.repeat(20) });
  });
  afterEach(() => scenario.close());

  it('comments the per-system result on the merged pull request, beside its plan comment', async () => {
    const { altinn, github } = scenario;
    const plan = await scenario.runStep(['plan', '--env', 'local', '--report', 'github'], {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    expect(plan.code).toBe(0);

    // Merged: the pull request is closed and its merge commit is pushed to main.
    github.mergePullRequest(7);
    github.linkCommit(MERGE_SHA, [7, 8]);
    const apply = await scenario.runStep(['apply', 'systems', '--env', 'local', '--report', 'github'], {
      eventName: 'push',
      event: await readEventPayload('push.json'),
      sha: MERGE_SHA,
    });
    expect(apply.code).toBe(0);
    expect(apply.stderr).toContain('sysreg apply: result commented on #7.');
    expect(apply.outputs).toEqual({
      ok: 'true',
      changes: '2',
      creates: '1',
      updates: '1',
      deletes: '0',
      'pull-requests': '7',
    });
    expect((await listStoredSystems(altinn.url)).map((system) => system.id).sort()).toEqual([
      '314159268_alpha',
      '314159268_beta',
      '314159268_gamma',
    ]);

    expect(github.comments(8)).toEqual([]);
    const comments = github.comments(7);
    expect(comments.map((comment) => comment.body.split('\n')[0])).toEqual([
      '<!-- sysreg:plan:local -->',
      `<!-- sysreg:apply:local:${MERGE_SHA} -->`,
    ]);
    const body = comments[1]!.body;
    expect(body).toContain('### sysreg apply · `local`: ✅ applied');
    expect(body).toContain(`Commit \`${MERGE_SHA}\` · 1 to create, 1 to update, 0 to delete`);
    expect(body).toContain('**2 applied · 0 skipped · 0 failed**');
    expect(body).toContain('| ✅ applied | create | <code>314159268&#95;alpha</code> — alpha |');
    expect(body).toContain('| ✅ applied | update | <code>314159268&#95;beta</code> — beta |');
    expect(apply.summary).toContain('Reported on #7.');
  });

  it('shows what was skipped and fails the step when apply could not do everything', async () => {
    const { github } = scenario;
    // The pull request also revives gamma, whose id is burned: the plan blocks it.
    await scenario.repo.write(GAMMA, renderValidSystem('gamma'));
    github.setPullRequestFiles(7, [ALPHA, BETA, GAMMA]);
    github.mergePullRequest(7);
    github.linkCommit(MERGE_SHA, [7]);
    const apply = await scenario.runStep(['apply', '--env', 'local', '--report', 'github'], {
      eventName: 'push',
      event: await readEventPayload('push.json'),
      sha: MERGE_SHA,
    });
    expect(apply.code).toBe(1);
    expect(apply.outputs).toMatchObject({ ok: 'false', creates: '1', updates: '1', 'pull-requests': '7' });
    const body = github.comments(7)[0]!.body;
    expect(body).toContain('### sysreg apply · `local`: ❌ failed');
    expect(body).toContain('**2 applied · 1 skipped · 0 failed**');
    const rows = body.split('\n').filter((line) => /^\| (✅|⏭️|❌)/.test(line));
    expect(rows[0]).toMatch(
      /^\| ⏭️ skipped \| blocked \| <code>314159268&#95;gamma<\/code> — gamma \| Blocked by the plan\./,
    );
    expect(rows).toHaveLength(3);
  });
});
