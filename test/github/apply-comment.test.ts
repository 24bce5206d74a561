import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { readEvent } from './plan-helpers.ts';

const MERGE_SHA = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
const RESULTS = '| system | result |\n|---|---|\n| `acme-payroll` | updated |\n';
const COUNTS = { creates: 0, updates: 1, deletes: 0, blocked: 0, unmanaged: 0, changes: 1 };

describe('apply on a push to the default branch', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 7, headSha: 'a1'.repeat(20), merged: true });
    // An open pull request whose branch also holds the commit gets no apply comment.
    github.addPullRequest({ number: 8, headSha: 'd5'.repeat(20) });
    github.linkCommit(MERGE_SHA, [7, 8]);
  });
  afterEach(() => github.close());

  it('comments the per-system result on the merged pull request, once per commit', async () => {
    for (const attempt of [1, 2]) {
      const run = await createActionsRun({
        github,
        eventName: 'push',
        event: await readEvent('push.json'),
        sha: MERGE_SHA,
      });
      try {
        const runner = recordRunner();
        const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
        const result = await reporter.reportApply({
          environment: 'tt02',
          markdown: RESULTS,
          counts: COUNTS,
          ok: true,
        });
        expect(result.pullRequests).toEqual([7]);
        expect(result.comments[0]?.action).toBe(attempt === 1 ? 'created' : 'unchanged');
        expect(runner.outputs).toEqual({
          ok: 'true',
          changes: '1',
          creates: '0',
          updates: '1',
          deletes: '0',
          'pull-requests': '7',
        });
        expect(runner.summary).toContain('Reported on #7.');
      } finally {
        await run.cleanup();
      }
    }
    expect(github.comments(8)).toEqual([]);
    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- sysreg:apply:tt02:${MERGE_SHA} -->`);
    expect(comments[0]!.body).toContain('sysreg apply · `tt02`: ✅ applied');
    expect(comments[0]!.body).toContain(RESULTS.trimEnd());
    expect(github.requests[0]).toMatchObject({
      method: 'GET',
      path: `/repos/acme/systems/commits/${MERGE_SHA}/pulls`,
    });
  });

  it('reports a failed apply as failed', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'push',
      event: await readEvent('push.json'),
      sha: MERGE_SHA,
    });
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
    await reporter.reportApply({
      environment: 'prod',
      markdown: 'acme-payroll: HTTP 500',
      counts: COUNTS,
      ok: false,
    });
    expect(github.comments(7)[0]!.body).toContain('sysreg apply · `prod`: ❌ failed');
    expect(runner.outputs.ok).toBe('false');
    await run.cleanup();
  });

  it('comments nowhere for a direct push, and says so in the job summary', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'push',
      event: await readEvent('push.json'),
      sha: 'e6'.repeat(20),
    });
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
    const result = await reporter.reportApply({ markdown: RESULTS, counts: COUNTS, ok: true });
    expect(result.pullRequests).toEqual([]);
    expect(github.writes()).toEqual([]);
    expect(runner.summary).toContain('No merged pull request is associated with this commit');
    await run.cleanup();
  });
});
