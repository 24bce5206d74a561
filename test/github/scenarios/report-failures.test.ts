import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRequestLog } from '../../support/local-altinn.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readEventPayload,
  readPullRequestPayload,
  startGitHubScenario,
  systemFile,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const TOKEN = 'ghs_scenarioSecretToken0123456789';
const HEAD = 'a1'.repeat(20);
const PLAN = ['plan', '--env', 'local', '--report', 'github'];

describe('a GitHub reporting failure fails the command', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario({ token: TOKEN });
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: [systemFile('alpha')] });
  });
  afterEach(() => scenario.close());

  async function runPlan(options: { withoutToken?: boolean } = {}) {
    return scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
      ...options,
    });
  }

  it('plan exits 1 when the comment cannot be posted, with a clear message and the token redacted', async () => {
    // The error body echoes the token, as a misbehaving proxy might; it must not reach the log.
    scenario.github.failNext({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 500,
      times: 10,
      message: `upstream failed for token ${TOKEN}`,
    });
    const step = await runPlan();
    expect(step.code).toBe(1);
    expect(step.stderr).toMatch(
      /^sysreg plan: GitHub API: could not comment on #7 in acme\/systems \(HTTP 500\)/m,
    );
    expect(step.stderr).toContain('[REDACTED]');
    expect(`${step.stdout}${step.stderr}${step.summary}${step.outputFile}`).not.toContain(TOKEN);
    expect(step.stderr).not.toContain('    at ');
    // The plan itself was still printed for the log; no comment exists.
    expect(step.stdout).toContain('314159268_alpha');
    expect(scenario.github.comments(7)).toEqual([]);
    // Bounded: the first attempt and one retry (SYSREG_GITHUB_RETRIES=1).
    expect(scenario.github.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('plan exits 1 when the pull request files cannot be listed', async () => {
    scenario.github.failNext({
      method: 'GET',
      path: /\/pulls\/7\/files$/,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const step = await runPlan();
    expect(step.code).toBe(1);
    expect(step.stderr).toContain('could not list the files of pull request #7 in acme/systems (HTTP 403)');
    expect(scenario.github.comments(7)).toEqual([]);
  });

  it('plan exits 1 on a pull request when the job was given no token', async () => {
    const step = await runPlan({ withoutToken: true });
    expect(step.code).toBe(1);
    expect(step.stderr).toContain('sysreg plan: GITHUB_TOKEN is not set');
    expect(scenario.github.requests).toEqual([]);
  });

  it('drift exits 1 when the issue list fails, without opening anything', async () => {
    scenario.github.failNext({ method: 'GET', path: /\/issues$/, status: 502, times: 10 });
    const step = await scenario.runStep(['drift', '--env', 'local', '--report', 'github'], {
      eventName: 'schedule',
      event: await readEventPayload('schedule.json'),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(1);
    expect(step.stderr).toMatch(
      /^sysreg drift: GitHub API: could not list the open sysreg-drift issues in acme\/systems \(HTTP 502\)/m,
    );
    expect(scenario.github.issues()).toEqual([]);
  });

  it('refuses an unknown report target and a missing Actions environment before calling Altinn', async () => {
    const unknown = await scenario.runStep(['plan', '--env', 'local', '--report', 'gitlab'], {
      eventName: 'pull_request',
      event: {},
      sha: 'f1'.repeat(20),
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("sysreg plan: unknown report target 'gitlab'; use --report github.");
    expect(await readRequestLog(scenario.altinn.url)).toEqual([]);

    // The workflows pass their systems-path input; only the folder sysreg reads is accepted.
    for (const verb of ['plan', 'drift', 'apply']) {
      const elsewhere = await scenario.runStep(
        [verb, 'config/systems', '--env', 'local', '--report', 'github'],
        {
          eventName: 'pull_request',
          event: {},
          sha: 'f1'.repeat(20),
        },
      );
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.stderr).toContain(
        `sysreg ${verb}: unexpected argument 'config/systems': this command reads every file under systems/ at the repository root.`,
      );
    }
    expect(await readRequestLog(scenario.altinn.url)).toEqual([]);

    const outside = await scenario.runStep(['validate', '--report', 'github'], {
      eventName: 'pull_request',
      event: {},
      sha: 'f1'.repeat(20),
      env: { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' },
    });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain(
      'sysreg validate: --report github needs the GitHub Actions environment, but GITHUB_STEP_SUMMARY, GITHUB_OUTPUT are not set.',
    );
  });
});
