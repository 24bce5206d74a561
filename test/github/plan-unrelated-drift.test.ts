import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { buildPlanReport, readPullRequestEvent } from './plan-helpers.ts';

const HEAD = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';

describe('plan with changes to systems the pull request did not touch', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub({ pageSize: 2 });
    // Three changed files over two pages; one is a rename, whose old path also counts as touched.
    github.addPullRequest({
      number: 7,
      headSha: HEAD,
      files: [
        'README.md',
        'systems/acme-payroll.yaml',
        {
          filename: 'systems/acme-hr.yaml',
          status: 'renamed',
          previous_filename: 'systems/acme-personnel.yaml',
        },
      ],
    });
  });
  afterEach(() => github.close());

  it('flags them in the comment, as warnings on their files, and in the outputs', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
    });
    const runner = recordRunner();
    try {
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      const result = await reporter.reportPlan(
        buildPlanReport({
          counts: { creates: 0, updates: 3, deletes: 1, blocked: 0, unmanaged: 0, changes: 4 },
          changedFilesInPlan: [
            { file: 'systems/acme-payroll.yaml', systemId: 'acme-payroll' },
            { file: 'systems/acme-personnel.yaml', systemId: 'acme-personnel' },
            { file: 'systems/acme-invoicing.yaml', systemId: 'acme-invoicing' },
            { file: 'systems/acme-legacy.yaml', systemId: 'acme-legacy' },
          ],
        }),
      );
      expect(result.unrelatedChanges.map((c) => c.systemId)).toEqual(['acme-invoicing', 'acme-legacy']);

      const body = github.comments(7)[0]!.body;
      expect(body).toContain('> [!WARNING]');
      expect(body).toContain('> - `acme-invoicing` (`systems/acme-invoicing.yaml`)');
      expect(body).toContain('> - `acme-legacy` (`systems/acme-legacy.yaml`)');
      expect(body).not.toContain('> - `acme-payroll`');

      const warnings = runner.annotations.filter((annotation) => annotation.level === 'warning');
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toEqual({
        file: 'systems/acme-invoicing.yaml',
        line: 1,
        level: 'warning',
        title: 'sysreg plan: change outside this pull request',
        message: expect.stringMatching(
          /^The tt02 plan changes system acme-invoicing, but this pull request does not touch systems\/acme-invoicing\.yaml\./,
        ),
      });
      // The caller's own annotation on the line that causes the change comes first, untouched.
      expect(runner.annotations[0]).toEqual(buildPlanReport().annotations[0]);

      expect(runner.outputs).toMatchObject({ unrelated: '2', changes: '4', deletes: '1' });
      expect(runner.summary).toContain('> - `acme-legacy` (`systems/acme-legacy.yaml`)');
      const fileReads = github.requests.filter((r) => r.path.endsWith('/pulls/7/files'));
      expect(fileReads.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    } finally {
      await run.cleanup();
    }
  });

  it('raises no flag when every planned change is in the pull request', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
    });
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
    const result = await reporter.reportPlan(buildPlanReport());
    expect(result.unrelatedChanges).toEqual([]);
    expect(github.comments(7)[0]!.body).not.toContain('[!WARNING]');
    expect(runner.annotations.map((annotation) => annotation.level)).toEqual(['notice']);
    expect(runner.outputs).toMatchObject({ unrelated: '0' });
    await run.cleanup();
  });

  it('posts no comment and lists no files outside a pull request (workflow_dispatch)', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'workflow_dispatch',
      event: {
        inputs: {},
        ref: 'refs/heads/main',
        repository: { full_name: 'acme/systems', default_branch: 'main' },
      },
      sha: 'main-sha',
    });
    const runner = recordRunner();
    const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
    const result = await reporter.reportPlan(buildPlanReport());
    expect(result.comment).toBeUndefined();
    expect(github.requests).toEqual([]);
    expect(runner.summary).toContain('### sysreg plan · `tt02`');
    expect(runner.outputs).toMatchObject({ changes: '1', checksum: 'sha256:0f3c9a' });
    await run.cleanup();
  });
});
