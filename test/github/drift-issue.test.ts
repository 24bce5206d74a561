import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRIFT_LABEL } from '../../src/github/drift-issue.ts';
import type { DriftIssueReport } from '../../src/github/report.ts';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { readEvent } from './plan-helpers.ts';

describe('drift: one rolling issue per environment', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  async function reportDrift(report: DriftIssueReport, runId: string) {
    const run = await createActionsRun({
      github,
      eventName: 'schedule',
      event: await readEvent('schedule.json'),
      sha: 'main-sha',
      runId,
    });
    try {
      const runner = recordRunner();
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      const result = await reporter.reportDrift(report);
      return { result, outputs: runner.outputs, summary: runner.summary };
    } finally {
      await run.cleanup();
    }
  }

  it('leaves alone an issue someone else opened with the marker and the label', async () => {
    const planted = github.addIssue({
      title: 'planted',
      body: '<!-- sysreg:drift:tt02 -->\nnot sysreg',
      labels: [DRIFT_LABEL],
      user: 'mallory',
    });
    const gone = await reportDrift({ environment: 'tt02', hasDrift: false, markdown: '' }, '1');
    expect(gone.result.action).toBe('none');
    const opened = await reportDrift({ environment: 'tt02', hasDrift: true, markdown: 'drifted' }, '2');
    expect(opened.result.action).toBe('opened');
    expect(opened.result.issueNumber).not.toBe(planted.number);
    expect(planted).toMatchObject({ state: 'open', body: '<!-- sysreg:drift:tt02 -->\nnot sysreg' });
    expect(github.writes().some((r) => r.path.endsWith(`/issues/${planted.number}`))).toBe(false);
  });

  it('opens, updates and then closes one issue', async () => {
    const none = await reportDrift({ environment: 'tt02', hasDrift: false, markdown: '' }, '1');
    expect(none.result.action).toBe('none');
    expect(github.writes()).toEqual([]);

    const opened = await reportDrift(
      { environment: 'tt02', hasDrift: true, markdown: 'acme-payroll: name changed' },
      '2',
    );
    expect(opened.result.action).toBe('opened');
    expect(opened.outputs).toMatchObject({
      drift: 'true',
      issue: String(opened.result.issueNumber),
      'issue-action': 'opened',
    });
    expect(github.labels().map((l) => l.name)).toEqual([DRIFT_LABEL]);
    expect(github.issues()).toHaveLength(1);
    const issue = github.issues()[0]!;
    expect(issue.title).toBe('sysreg: live Altinn (tt02) has drifted from git');
    expect(issue.labels).toEqual([DRIFT_LABEL]);
    expect(issue.body).toContain('<!-- sysreg:drift:tt02 -->');
    expect(issue.body).toContain('acme-payroll: name changed');

    const updated = await reportDrift(
      { environment: 'tt02', hasDrift: true, markdown: 'acme-payroll and acme-hr' },
      '3',
    );
    expect(updated.result).toMatchObject({ action: 'updated', issueNumber: issue.number });
    expect(github.issues()).toHaveLength(1);
    expect(issue.body).toContain('acme-payroll and acme-hr');
    expect(issue.body).not.toContain('name changed');
    expect(issue.state).toBe('open');

    const closed = await reportDrift({ environment: 'tt02', hasDrift: false, markdown: '' }, '4');
    expect(closed.result).toMatchObject({ action: 'closed', issueNumber: issue.number });
    expect(closed.outputs).toMatchObject({ drift: 'false', 'issue-action': 'closed' });
    expect(closed.summary).toContain('No drift');
    expect(issue.state).toBe('closed');
    expect(issue.stateReason).toBe('completed');
    expect(github.comments(issue.number).map((c) => c.body)).toEqual([
      'Drift in tt02 is gone: live Altinn matches git again (checked in https://github.test/acme/systems/actions/runs/4). Closing.',
    ]);

    // Later drift opens a fresh issue; the label is not created twice.
    const again = await reportDrift({ environment: 'tt02', hasDrift: true, markdown: 'again' }, '5');
    expect(again.result.action).toBe('opened');
    expect(again.result.issueNumber).not.toBe(issue.number);
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))).toHaveLength(1);
    expect(github.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/systems/labels',
      'POST /repos/acme/systems/issues',
      `PATCH /repos/acme/systems/issues/${issue.number}`,
      `POST /repos/acme/systems/issues/${issue.number}/comments`,
      `PATCH /repos/acme/systems/issues/${issue.number}`,
      'POST /repos/acme/systems/issues',
    ]);
  });

  it('keeps environments apart', async () => {
    await reportDrift({ environment: 'tt02', hasDrift: true, markdown: 'tt02 drift' }, '1');
    await reportDrift({ environment: 'prod', hasDrift: true, markdown: 'prod drift' }, '2');
    await reportDrift({ environment: 'tt02', hasDrift: false, markdown: '' }, '3');
    const [tt02, prod] = github.issues();
    expect(tt02?.state).toBe('closed');
    expect(prod?.state).toBe('open');
    expect(prod?.body).toContain('prod drift');
  });
});
