/**
 * The apply wiring, driven with a hand-made apply outcome: what `apply --report github` hands over
 * on a push to the default branch once the apply command has run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplyAccount } from '../../../src/github/apply-report.ts';
import { reportApplyToGitHub } from '../../../src/github/report-command.ts';
import { captureOutput, createActionsRun, recordRunner } from '../../support/actions-run.ts';
import type { FakeGitHub } from '../../support/fake-github.ts';
import { startFakeGitHub } from '../../support/fake-github.ts';
import { readEventPayload } from '../../support/github-scenario.ts';

const MERGE_SHA = 'c3'.repeat(20);

const OUTCOME: ApplyAccount = {
  environment: 'tt02',
  checksum: 'sha256:' + 'ab'.repeat(32),
  ok: false,
  notes: [],
  changes: [
    { systemId: '314159268_alpha', action: 'create', status: 'applied', name: { en: 'Alpha' } },
    {
      systemId: '314159268_beta',
      action: 'update',
      status: 'failed',
      detail: 'Altinn refused the update.',
      codes: ['AUTH.VLD-00011'],
    },
    {
      systemId: '314159268_gamma',
      action: 'delete',
      status: 'skipped',
      detail: 'Deletes need --allow-delete.',
    },
  ],
};

describe('apply --report github on a push to the default branch', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 7, headSha: 'a1'.repeat(20), merged: true, state: 'closed' });
    // An open pull request whose branch also holds the commit is not the one that was merged.
    github.addPullRequest({ number: 8, headSha: 'd5'.repeat(20) });
    github.linkCommit(MERGE_SHA, [7, 8]);
  });
  afterEach(() => github.close());

  async function reportApply(outcome: ApplyAccount) {
    const run = await createActionsRun({
      github,
      eventName: 'push',
      event: await readEventPayload('push.json'),
      sha: MERGE_SHA,
    });
    const stderr = captureOutput();
    const runner = recordRunner();
    try {
      const result = await reportApplyToGitHub({ env: run.env, stderr, runner }, outcome);
      return { result, stderr: stderr.text, outputs: runner.outputs, summary: runner.summary };
    } finally {
      await run.cleanup();
    }
  }

  it('comments the per-system result on the merged pull request, failures first, once per commit', async () => {
    const first = await reportApply(OUTCOME);
    expect(first.result.pullRequests).toEqual([7]);
    expect(first.stderr).toBe('sysreg apply: result commented on #7.\n');
    expect(first.outputs).toEqual({
      ok: 'false',
      changes: '1',
      creates: '1',
      updates: '0',
      deletes: '0',
      'pull-requests': '7',
    });
    expect(github.comments(8)).toEqual([]);
    const [comment] = github.comments(7);
    expect(comment!.body).toContain(`<!-- sysreg:apply:tt02:${MERGE_SHA} -->`);
    expect(comment!.body).toContain('### sysreg apply · `tt02`: ❌ failed');
    expect(comment!.body).toContain('**1 applied · 1 skipped · 1 failed**');
    const rows = comment!.body
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Result'));
    expect(rows).toEqual([
      '| ❌ <b>failed</b> | update | <code>314159268&#95;beta</code> | Altinn refused the update. (AUTH.VLD-00011) |',
      '| ⏭️ skipped | delete | <code>314159268&#95;gamma</code> | Deletes need --allow-delete. |',
      '| ✅ applied | create | <code>314159268&#95;alpha</code> — Alpha |  |',
    ]);
    expect(first.summary).toContain('Reported on #7.');

    // A re-run of the same apply (say, after fixing beta) edits the same comment.
    const second = await reportApply({
      ...OUTCOME,
      ok: true,
      changes: OUTCOME.changes.map((change) => ({ ...change, status: 'applied' as const })),
    });
    expect(second.result.comments.map((c) => c.action)).toEqual(['updated']);
    expect(github.comments(7)).toHaveLength(1);
    expect(github.comments(7)[0]!.body).toContain('`tt02`: ✅ applied');
  });

  it('says so, and comments nowhere, when no merged pull request holds the commit', async () => {
    github.linkCommit(MERGE_SHA, [8]);
    const { result, stderr, outputs } = await reportApply(OUTCOME);
    expect(result.pullRequests).toEqual([]);
    expect(stderr).toContain('no merged pull request is linked to this commit');
    expect(outputs['pull-requests']).toBe('');
    expect(github.writes()).toEqual([]);
  });
});
