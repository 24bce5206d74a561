import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readPullRequestPayload,
  startGitHubScenario,
  systemFile,
  listWorkflowCommands,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const PLAN = ['plan', '--env', 'local', '--report', 'github'];
const MARKER = '<!-- sysreg:plan:local -->';
const ALPHA = systemFile('alpha');
const BETA = systemFile('beta');
const HEADS = ['a1'.repeat(20), 'b2'.repeat(20), 'c4'.repeat(20)];

describe('plan --report github on a pull request that is opened, then pushed twice', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    // A page size of 30 and 35 review remarks put sysreg's comment on the second page of comments.
    scenario = await startGitHubScenario({ pageSize: 30 });
    scenario.github.addPullRequest({ number: 7, headSha: HEADS[0]!, files: [ALPHA] });
    for (let i = 0; i < 35; i++) scenario.github.addComment(7, `review remark ${i}`, 'reviewer');
  });
  afterEach(() => scenario.close());

  it('leaves exactly one sticky comment, holding the latest plan', async () => {
    const { github, repo } = scenario;

    // Push 1 (opened): the pull request adds alpha.
    await repo.write(ALPHA, renderValidSystem('alpha'));
    const first = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEADS[0]!),
      sha: 'f1'.repeat(20),
    });
    expect(first.stderr).toContain('sysreg plan: plan comment created on #7.');
    expect(first.code).toBe(0);

    // Push 2 (synchronize): alpha's redirect URL changes; still one create.
    await repo.write(
      ALPHA,
      renderValidSystem('alpha').replace(
        'https://alpha.example/callback',
        'https://alpha.example/v2/callback',
      ),
    );
    const second = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('synchronize', HEADS[1]!),
      sha: 'f2'.repeat(20),
    });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('sysreg plan: plan comment updated on #7.');

    // Push 3 (synchronize): the pull request also adds beta.
    await repo.write(BETA, renderValidSystem('beta'));
    github.setPullRequestFiles(7, [ALPHA, BETA]);
    const third = await scenario.runStep([...PLAN, '--detailed-exitcode'], {
      eventName: 'pull_request',
      event: await readPullRequestPayload('synchronize', HEADS[2]!),
      sha: 'f3'.repeat(20),
    });
    expect(third.code).toBe(2);
    expect(third.outputs).toMatchObject({ changes: '2', creates: '2', updates: '0', deletes: '0' });

    const checksums = [first, second, third].map((step) => step.outputs.checksum);
    expect(checksums.every((checksum) => /^sha256:[0-9a-f]{64}$/.test(checksum ?? ''))).toBe(true);
    expect(new Set(checksums).size).toBe(3);

    const ours = github.comments(7).filter((comment) => comment.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    expect(github.comments(7)).toHaveLength(36);
    const body = ours[0]!.body;
    expect(body.startsWith(`${MARKER}\n### sysreg plan · \`local\``)).toBe(true);
    // The latest plan: both systems, the new URL, push 3's head commit and checksum, nothing older.
    expect(body).toContain('<code>314159268&#95;alpha</code>');
    expect(body).toContain('<code>314159268&#95;beta</code>');
    expect(body).toContain('alpha.example/v2/callback');
    expect(body).toContain(`Commit \`${HEADS[2]}\``);
    // The footer names the same commit: the head, not the merge commit Actions checked out.
    expect(body).toContain(`<sub>Commit \`${HEADS[2]}\` · checksum`);
    expect(body).not.toContain('f3f3f3');
    expect(body).toContain(`checksum \`${checksums[2]}\``);
    expect(body).not.toContain(checksums[0]!);
    expect(body).not.toContain(checksums[1]!);
    expect(body).toContain('2 to create, 0 to update, 0 to delete');
    expect(body).not.toContain('[!WARNING]');

    const writes = github.writes().map((request) => `${request.method} ${request.path}`);
    expect(writes).toEqual([
      'POST /repos/acme/systems/issues/7/comments',
      `PATCH /repos/acme/systems/issues/comments/${ours[0]!.id}`,
      `PATCH /repos/acme/systems/issues/comments/${ours[0]!.id}`,
    ]);
    const secondPageReads = github.requests.filter(
      (request) => request.path.endsWith('/issues/7/comments') && request.query.page === '2',
    );
    expect(secondPageReads).toHaveLength(3);
  });

  it('puts annotations on the lines behind each change, and the outputs in GITHUB_OUTPUT', async () => {
    const { github, repo } = scenario;
    await repo.write(ALPHA, renderValidSystem('alpha'));
    const step = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEADS[0]!),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(0);
    const annotations = listWorkflowCommands(step.stdout);
    // A create is annotated on the `id:` line (line 1 of renderValidSystem's file).
    expect(annotations).toEqual([
      `::notice title=sysreg plan%3A create in local,file=${ALPHA},line=1,col=1::314159268_alpha will be created in local.`,
    ]);
    // The text plan is still printed for the log.
    expect(step.stdout).toContain('314159268_alpha');
    expect(step.outputs).toEqual({
      changes: '1',
      creates: '1',
      updates: '0',
      deletes: '0',
      blocked: '0',
      unmanaged: '0',
      unrelated: '0',
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    // As @actions/core writes every output: a heredoc with a random delimiter, so no value can forge one.
    expect(step.outputFile).toMatch(
      /^changes<<(ghadelimiter_[0-9a-f-]{36})\n1\n\1\ncreates<<(ghadelimiter_[0-9a-f-]{36})\n1\n\2\n/,
    );
    expect(step.summary).toContain('### sysreg plan · `local`');
    expect(step.summary).toContain('<code>314159268&#95;alpha</code>');
    expect(github.comments(7).filter((comment) => comment.body.includes(MARKER))).toHaveLength(1);
  });
});
