import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubReportError } from '../../src/github/github-report-error.ts';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { buildPlanReport, readEvent, readPullRequestEvent } from './plan-helpers.ts';

const HEAD = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';

describe('a GitHub API failure fails the report', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub({ token: 'ghs_secretTokenValue1234567890' });
    github.addPullRequest({ number: 7, headSha: HEAD, files: ['systems/acme-payroll.yaml'] });
  });
  afterEach(() => github.close());

  async function reportPlan(): Promise<unknown> {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
    });
    try {
      const runner = recordRunner();
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      await reporter.reportPlan(buildPlanReport());
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await run.cleanup();
    }
  }

  it('throws on a 500 that outlasts the retries, after a bounded number of attempts', async () => {
    github.failNext({ method: 'POST', path: /\/issues\/7\/comments$/, status: 500, times: 10 });
    const error = await reportPlan();
    expect(error).toBeInstanceOf(GitHubReportError);
    expect(error).toMatchObject({ code: 'api-failed', status: 500, exitCode: 1 });
    expect((error as Error).message).toMatch(
      /^GitHub API: could not comment on #7 in acme\/systems \(HTTP 500\)/,
    );
    expect((error as Error).message).not.toContain(github.token);
    // SYSREG_GITHUB_RETRIES=1: the first attempt and one retry.
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(github.comments(7)).toEqual([]);
  });

  it('recovers when a 500 clears within the retries', async () => {
    github.failNext({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, times: 1 });
    expect(await reportPlan()).toBeUndefined();
    expect(github.comments(7)).toHaveLength(1);
  });

  it('throws on 403 at once, without retrying', async () => {
    github.failNext({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const error = await reportPlan();
    expect(error).toMatchObject({ code: 'api-failed', status: 403 });
    expect((error as Error).message).toContain('Resource not accessible by integration');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('throws when listing the pull request files fails', async () => {
    github.failNext({ method: 'GET', path: /\/pulls\/7\/files$/, status: 404 });
    const error = await reportPlan();
    expect(error).toMatchObject({ code: 'api-failed', status: 404 });
    expect((error as Error).message).toContain('list the files of pull request #7');
  });

  it('throws on a rejected token, without echoing it', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
    });
    const env = { ...run.env, GITHUB_TOKEN: 'ghs_wrongTokenValue1234567890' };
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(env, runner);
    const error = await reporter.reportPlan(buildPlanReport()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'api-failed', status: 401 });
    expect((error as Error).message).not.toContain('ghs_wrongTokenValue1234567890');
    await run.cleanup();
  });

  it('fails the drift report when closing the issue fails', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'schedule',
      event: await readEvent('schedule.json'),
      sha: 's',
    });
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
    await reporter.reportDrift({ environment: 'tt02', hasDrift: true, markdown: 'drift' });
    github.failNext({ method: 'PATCH', path: /\/issues\/\d+$/, status: 422 });
    const error = await reporter
      .reportDrift({ environment: 'tt02', hasDrift: false, markdown: '' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'api-failed', status: 422 });
    expect((error as Error).message).toContain('close drift issue');
    await run.cleanup();
  });

  it('refuses to call the API without GITHUB_TOKEN, naming the variable', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
      withoutToken: true,
    });
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
    const error = await reporter.reportPlan(buildPlanReport()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'missing-environment' });
    expect((error as Error).message).toContain('GITHUB_TOKEN is not set');
    expect(github.requests).toEqual([]);
    await run.cleanup();
  });
});
