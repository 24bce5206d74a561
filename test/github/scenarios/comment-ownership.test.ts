import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import { readPullRequestPayload, startGitHubScenario, systemFile } from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const PLAN = ['plan', '--env', 'local', '--report', 'github'];
const MARKER = '<!-- sysreg:plan:local -->';
const HEADS = ['a1'.repeat(20), 'b2'.repeat(20)];

/** The plan comment is found by marker and author: the identity the token acts as. */
describe('plan --report github keeps to its own comment', () => {
  let scenario: GitHubScenario | undefined;
  afterEach(() => scenario?.close());

  async function planTwice(tokenUser?: string) {
    scenario = await startGitHubScenario(tokenUser ? { tokenUser } : {});
    const { github, repo } = scenario;
    github.addPullRequest({ number: 7, headSha: HEADS[0]!, files: [systemFile('alpha')] });
    // Another user quotes the marker, before and after sysreg's first comment.
    const quoted = github.addComment(7, `${MARKER}\nI wrote this plan myself`, 'mallory');
    await repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    const first = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEADS[0]!),
      sha: 'f1'.repeat(20),
    });
    const lookalike = github.addComment(7, `${MARKER}\nA second quote`, 'mallory');
    const second = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('synchronize', HEADS[1]!),
      sha: 'f2'.repeat(20),
    });
    return { github, first, second, quoted, lookalike };
  }

  it('with the Actions token: never edits or deletes another user’s comment, keeps exactly one of its own', async () => {
    const { github, first, second, quoted, lookalike } = await planTwice();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('sysreg plan: plan comment created on #7.');
    expect(second.stderr).toContain('sysreg plan: plan comment updated on #7.');

    const comments = github.comments(7);
    expect(comments.filter((c) => c.user === 'mallory')).toEqual([quoted, lookalike]);
    expect(comments.find((c) => c.id === quoted.id)?.body).toBe(`${MARKER}\nI wrote this plan myself`);
    const ours = comments.filter((c) => c.user === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain(`Commit \`${HEADS[1]}\``);
    // No request touched the other user's comments; GET /user was asked once per run and refused.
    const touched = github.writes().map((r) => `${r.method} ${r.path}`);
    expect(touched.filter((line) => /comments\/(\d+)$/.test(line))).toEqual([
      `PATCH /repos/acme/systems/issues/comments/${ours[0]!.id}`,
    ]);
    expect(github.requests.filter((r) => r.path === '/user')).toHaveLength(2);
  });

  it('with a personal token: the comments of the token’s user are its own, the bot’s are not', async () => {
    const { github, second } = await planTwice('release-robot');
    expect(second.code, second.stderr).toBe(0);
    const ours = github.comments(7).filter((c) => c.user === 'release-robot');
    expect(ours).toHaveLength(1);
    expect(github.comments(7).filter((c) => c.user === 'mallory')).toHaveLength(2);
  });

  it('SYSREG_COMMENT_AUTHOR names the identity when GitHub cannot tell (a GitHub App token)', async () => {
    scenario = await startGitHubScenario();
    const { github, repo } = scenario;
    github.addPullRequest({ number: 7, headSha: HEADS[0]!, files: [systemFile('alpha')] });
    const bots = github.addComment(7, `${MARKER}\nposted by the Actions bot`, 'github-actions[bot]');
    await repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    const step = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEADS[0]!),
      sha: 'f1'.repeat(20),
      env: { SYSREG_COMMENT_AUTHOR: 'sysreg-app[bot]' },
    });
    expect(step.stderr).toContain('plan comment created on #7');
    expect(github.comments(7).find((c) => c.id === bots.id)?.body).toBe(
      `${MARKER}\nposted by the Actions bot`,
    );
    expect(github.requests.some((r) => r.path === '/user')).toBe(false);
  });
});
