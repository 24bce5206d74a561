import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { buildPlanReport, readPullRequestEvent } from './plan-helpers.ts';

const PUSHES = [
  {
    event: 'pull_request.opened.json',
    sha: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
    checksum: 'sha256:first',
  },
  {
    event: 'pull_request.synchronize.json',
    sha: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',
    checksum: 'sha256:second',
  },
  {
    event: 'pull_request.synchronize.json',
    sha: 'c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4',
    checksum: 'sha256:third',
  },
];

describe('plan on a pull request: opened, then pushed twice', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    // A page size of 30 with 40 older comments puts sysreg's comment on the second page.
    github = await startFakeGitHub({ pageSize: 30 });
    github.addPullRequest({ number: 7, headSha: PUSHES[0]!.sha, files: ['systems/acme-payroll.yaml'] });
    for (let i = 0; i < 40; i++) github.addComment(7, `review remark ${i}`, 'reviewer');
  });
  afterEach(() => github.close());

  it('leaves exactly one sticky comment, holding the latest plan, environment, commit and checksum', async () => {
    for (const [index, push] of PUSHES.entries()) {
      const run = await createActionsRun({
        github,
        eventName: 'pull_request',
        event: await readPullRequestEvent(push.event, push.sha),
        sha: `merge-${index}`,
      });
      try {
        const runner = recordRunner();
        const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
        const result = await reporter.reportPlan(
          buildPlanReport({
            commit: push.sha,
            checksum: push.checksum,
            markdown: `plan body number ${index + 1}\n`,
          }),
        );
        expect(result.comment?.action).toBe(index === 0 ? 'created' : 'updated');
        expect(result.degraded).toBe(false);
        expect(runner.outputs).toMatchObject({
          checksum: push.checksum,
          changes: '1',
          updates: '1',
        });
      } finally {
        await run.cleanup();
      }
    }

    const ours = github.comments(7).filter((c) => c.body.includes('<!-- sysreg:plan:tt02 -->'));
    expect(ours).toHaveLength(1);
    const body = ours[0]!.body;
    expect(body.startsWith('<!-- sysreg:plan:tt02 -->\n')).toBe(true);
    expect(body).toContain('plan body number 3');
    expect(body).not.toContain('plan body number 1');
    expect(body).toContain('`tt02`');
    expect(body).toContain('`c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4`');
    expect(body).toContain('`sha256:third`');
    expect(github.comments(7)).toHaveLength(41);

    const commentWrites = github.writes().map((r) => `${r.method} ${r.path}`);
    expect(commentWrites).toEqual([
      'POST /repos/acme/systems/issues/7/comments',
      `PATCH /repos/acme/systems/issues/comments/${ours[0]!.id}`,
      `PATCH /repos/acme/systems/issues/comments/${ours[0]!.id}`,
    ]);
    // Every run read both pages of comments before deciding.
    const pageTwoReads = github.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('/issues/7/comments') && r.query.page === '2',
    );
    expect(pageTwoReads).toHaveLength(3);
  });

  it('keeps one comment per environment', async () => {
    for (const environment of ['tt02', 'prod']) {
      const run = await createActionsRun({
        github,
        eventName: 'pull_request',
        event: await readPullRequestEvent('pull_request.opened.json', PUSHES[0]!.sha),
        sha: 'merge-0',
      });
      const runner = recordRunner();
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      await reporter.reportPlan(buildPlanReport({ environment }));
      await run.cleanup();
    }
    const ours = github.comments(7).filter((c) => c.body.includes('<!-- sysreg:plan:'));
    expect(ours.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- sysreg:plan:tt02 -->',
      '<!-- sysreg:plan:prod -->',
    ]);
  });

  it('does not write when the plan is unchanged', async () => {
    for (let i = 0; i < 2; i++) {
      const run = await createActionsRun({
        github,
        eventName: 'pull_request',
        event: await readPullRequestEvent('pull_request.opened.json', PUSHES[0]!.sha),
        sha: 'merge-0',
      });
      const runner = recordRunner();
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      const result = await reporter.reportPlan(buildPlanReport());
      expect(result.comment?.action).toBe(i === 0 ? 'created' : 'unchanged');
      await run.cleanup();
    }
    expect(github.writes()).toHaveLength(1);
  });
});
