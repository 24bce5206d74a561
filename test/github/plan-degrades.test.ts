import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { fitCommentBody, MAX_COMMENT_LENGTH, upsertStickyComment } from '../../src/github/sticky-comment.ts';
import { createOctokit } from '../../src/github/octokit.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { buildPlanReport, readPullRequestEvent } from './plan-helpers.ts';

const HEAD = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';

describe('a plan longer than a comment may be', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 7, headSha: HEAD, files: ['systems/acme-payroll.yaml'] });
  });
  afterEach(() => github.close());

  it('degrades the comment to the summary and points to the job summary and the plan file', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
    });
    const huge = `${'| field | from | to |\n'.repeat(5_000)}END-OF-PLAN\n`;
    try {
      const runner = recordRunner();
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      const result = await reporter.reportPlan(
        buildPlanReport({
          markdown: huge,
          summaryMarkdown: '**5000 to update**\n',
          planFile: 'sysreg-plan.json',
        }),
      );
      expect(result.degraded).toBe(true);
      const body = github.comments(7)[0]!.body;
      expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
      expect(body).toContain('**5000 to update**');
      expect(body).not.toContain('END-OF-PLAN');
      expect(body).toContain('[job summary](https://github.test/acme/systems/actions/runs/4242)');
      expect(body).toContain('the plan file `sysreg-plan.json`');
      expect(runner.summary).toContain('END-OF-PLAN');
    } finally {
      await run.cleanup();
    }
  });

  it('as a last guard, cuts an oversized body with a pointer instead of letting GitHub refuse it', async () => {
    const octokit = createOctokit({
      apiUrl: github.url,
      token: github.token,
      timing: { writeIntervalMs: 0 },
    });
    const result = await upsertStickyComment({
      author: 'github-actions[bot]',
      octokit,
      owner: 'acme',
      repo: 'systems',
      issueNumber: 7,
      marker: '<!-- sysreg:plan:tt02 -->',
      body: 'x'.repeat(MAX_COMMENT_LENGTH * 2),
      overflowPointer: 'See the job summary.',
    });
    expect(result.truncated).toBe(true);
    const body = github.comments(7)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body.startsWith('<!-- sysreg:plan:tt02 -->\n')).toBe(true);
    expect(body.endsWith('See the job summary.')).toBe(true);
  });

  it('never splits a surrogate pair when cutting', () => {
    const body = `${'a'.repeat(MAX_COMMENT_LENGTH - 30)}${'😀'.repeat(100)}`;
    const { body: cut, truncated } = fitCommentBody(body, 'pointer');
    expect(truncated).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitCommentBody('short', 'pointer')).toEqual({ body: 'short', truncated: false });
  });
});
