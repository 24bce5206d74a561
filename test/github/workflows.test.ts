import { readdir, readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACTION_PIN } from '../../src/release.ts';
import {
  DECIDE_PLAN_SCRIPT,
  FIND_REVIEWED_PLANS_SCRIPT,
  USE_PULL_REQUEST_SYSTEMS_SCRIPT,
} from '../../src/init/workflow-scripts.ts';
import { CHECKOUT, renderWorkflows, UPLOAD_ARTIFACT, usesAction } from '../../src/init/workflow-templates.ts';
import { lintWorkflow } from '../support/actionlint.ts';
import { checkWorkflowPolicy } from './workflow-policy.ts';

const WORKFLOWS = new URL('../../.github/workflows/', import.meta.url);

async function readWorkflows(): Promise<{ file: string; text: string }[]> {
  const names = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: `.github/workflows/${name}`,
      text: await readFile(new URL(name, WORKFLOWS), 'utf8'),
    })),
  );
}

/** What `sysreg init` writes, for two environment lists. */
function initWorkflows(): { file: string; text: string }[] {
  return [
    ['tt02', 'prod'],
    ['tt02', 'staging', 'prod'],
  ].flatMap((environments) =>
    renderWorkflows({ environments, action: ACTION_PIN }).map(({ path, text }) => ({
      file: `init (${environments.join(',')}): ${path}`,
      text,
    })),
  );
}

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  environment?: unknown;
  permissions?: Record<string, string>;
  concurrency?: Record<string, unknown>;
  strategy?: Record<string, unknown>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

async function readWorkflow(name: string): Promise<Workflow> {
  return parse(await readFile(new URL(name, WORKFLOWS), 'utf8')) as Workflow;
}

describe('workflows', () => {
  it('ships five workflows, and init writes four', async () => {
    expect((await readWorkflows()).map((w) => w.file)).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/drift.yml',
      '.github/workflows/plan.yml',
      '.github/workflows/pull-request.yml',
      '.github/workflows/sync.yml',
    ]);
    expect(renderWorkflows({ environments: ['tt02'], action: ACTION_PIN }).map((w) => w.path)).toEqual([
      '.github/workflows/sysreg-pull-request.yml',
      '.github/workflows/sysreg-plan.yml',
      '.github/workflows/sysreg-sync.yml',
      '.github/workflows/sysreg-drift.yml',
    ]);
  });

  it('pass actionlint (v1.7), the shipped ones and the ones init writes', async () => {
    for (const { file, text } of [...(await readWorkflows()), ...initWorkflows()]) {
      expect(await lintWorkflow(text, file), file).toEqual([]);
    }
    // The linter is live: it reports untrusted event text in a script, and a key it does not know.
    const bad =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n';
    expect((await lintWorkflow(bad, 'bad.yml')).map((r) => r.message).join('\n')).toMatch(
      /potentially untrusted/,
    );
  });

  it('keep the policy: the shipped ones (callable too, but for ci.yml) and every one init writes', async () => {
    for (const { file, text } of await readWorkflows()) {
      // ci.yml runs sysreg's own npm ci and tests: called from a vendor's repository it would run them there.
      const own = file.endsWith('/ci.yml');
      expect(checkWorkflowPolicy(file, text, { reusable: !own })).toEqual([]);
      if (own) expect(Object.keys((parse(text) as Workflow).on)).not.toContain('workflow_call');
    }
    for (const { file, text } of initWorkflows()) expect(checkWorkflowPolicy(file, text)).toEqual([]);
  });

  it('the policy check catches each broken rule in a deliberately unsafe workflow', async () => {
    const text = await readFile(new URL('./workflows/unsafe.yml', import.meta.url), 'utf8');
    expect(checkWorkflowPolicy('unsafe.yml', text, { reusable: true })).toEqual([
      'unsafe.yml: pull_request has no branches: filter (runs for pull requests into any branch)',
      'unsafe.yml: pull_request_target has no branches: filter (runs for pull requests into any branch)',
      'unsafe.yml: reports pull request checks but not on merge_group (a merge queue would stall)',
      'unsafe.yml: is not callable (no workflow_call trigger)',
      'unsafe.yml: top-level permissions must be {} (grant per job)',
      'unsafe.yml: line 14: actions/checkout@v5 is not pinned to a full commit SHA',
      'unsafe.yml: line 17: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 has no version comment',
      'unsafe.yml: job validate is granted contents:write, more than it needs',
      'unsafe.yml: job validate holds credentials on pull_request (the pull request supplies the workflow)',
      'unsafe.yml: job validate step 3: holds credentials and runs code from the checkout',
      'unsafe.yml: job validate step 1: checkout keeps the token (persist-credentials)',
      'unsafe.yml: job validate step 1: checks out the pull request head over the workspace',
      'unsafe.yml: job validate step 1: checks out more of the pull request than systems/',
      'unsafe.yml: job validate validates with secrets or an environment; validation must run without them',
      'unsafe.yml: job plan declares no permissions (or uses a read-all/write-all shorthand)',
      'unsafe.yml: job plan is a matrix job with a job-level if: (its checks never report when skipped)',
      'unsafe.yml: job plan holds credentials on pull_request (the pull request supplies the workflow)',
      'unsafe.yml: job plan step 1: holds credentials and runs code from the checkout',
      'unsafe.yml: job plan step 2: holds credentials and runs an action from the checkout',
      'unsafe.yml: job plan step 1: expression in run: (pass it through env:)',
      'unsafe.yml: job plan step 3: upload does not overwrite (a re-run fails with 409)',
      'unsafe.yml: job apply is granted issues:write, more than it needs',
      'unsafe.yml: job apply is granted actions:write, more than it needs',
      'unsafe.yml: job apply applies without a concurrency group that never cancels in progress',
      'unsafe.yml: job apply applies without downloading the reviewed plans and passing --plan',
    ]);
  });

  it('the policy catches a credential job moved onto pull_request, or running npm, in the real plan workflow', async () => {
    const text = await readFile(new URL('plan.yml', WORKFLOWS), 'utf8');
    expect(checkWorkflowPolicy('plan.yml', text.replace('pull_request_target:', 'pull_request:'))).toEqual([
      'plan.yml: job plan holds credentials on pull_request (the pull request supplies the workflow)',
    ]);
    const withNpm = text.replace('rm -rf systems\n', 'npm ci\n          rm -rf systems\n');
    expect(checkWorkflowPolicy('plan.yml', withNpm)).toEqual([
      'plan.yml: job plan step 4: holds credentials and runs code from the checkout',
    ]);
  });

  it('hold one copy of each script and pin: the shipped workflows match what init writes', async () => {
    const plan = await readWorkflow('plan.yml');
    const sync = await readWorkflow('sync.yml');
    const step = (job: Job, name: string) => job.steps.find((s) => s.name === name);
    expect(step(plan.jobs.plan!, 'Decide')?.run).toBe(DECIDE_PLAN_SCRIPT);
    expect(step(plan.jobs.plan!, "Plan the pull request's systems/, nothing else of it")?.run).toBe(
      USE_PULL_REQUEST_SYSTEMS_SCRIPT,
    );
    expect(step(sync.jobs.apply!, 'Find the reviewed plans')?.run).toBe(FIND_REVIEWED_PLANS_SCRIPT);
    for (const { file, text } of await readWorkflows()) {
      for (const line of text.split('\n').filter((l) => /uses: /.test(l))) {
        const used = line.replace(/^\s*(?:-\s+)?uses:\s*/, '');
        if (used.startsWith('actions/setup-node@')) continue; // ci.yml runs the tests
        expect([CHECKOUT, UPLOAD_ARTIFACT, usesAction(ACTION_PIN)], `${file}: ${used}`).toContain(used);
      }
    }
  });

  it('validate on every pull request and in the merge queue, with no secrets and a read-only token', async () => {
    const workflow = await readWorkflow('pull-request.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'merge_group', 'workflow_call']);
    expect(workflow.on.pull_request).toEqual({ branches: ['main'] });
    const validate = workflow.jobs.validate!;
    expect(validate.if).toBeUndefined();
    expect(validate.environment).toBeUndefined();
    expect(validate.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(validate)).not.toContain('secrets.');
  });

  it('plan from the default branch’s workflow, the pull request’s systems/ as data, under a stable check name', async () => {
    const workflow = await readWorkflow('plan.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request_target', 'merge_group', 'workflow_call']);
    expect(workflow.on.pull_request_target).toEqual({
      branches: ['main'],
      types: ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled'],
    });
    const plan = workflow.jobs.plan!;
    expect(plan.name).toBe('plan (${{ matrix.environment }})');
    expect(plan.if).toBeUndefined();
    expect(plan.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const [decide, base, data, use, run, keep] = plan.steps;
    expect(decide?.env?.HEAD_REPOSITORY).toBe('${{ github.event.pull_request.head.repo.full_name }}');
    expect(base?.with).toEqual({ 'persist-credentials': false });
    expect(data?.with).toMatchObject({
      ref: '${{ github.event.pull_request.head.sha }}',
      path: '.sysreg-pull-request',
      'sparse-checkout': 'systems',
      'allow-unsafe-pr-checkout': "${{ vars.SYSREG_FORK_PLANS == 'true' }}",
    });
    expect(use?.run).toBe(USE_PULL_REQUEST_SYSTEMS_SCRIPT);
    expect(run?.uses).toBe(`${ACTION_PIN.repository}@${ACTION_PIN.commit}`);
    expect(run?.with?.args).toContain("contains(github.event.pull_request.labels.*.name, 'sysreg:force')");
    // The artifact is named from the event (number and head), and a re-run replaces it.
    expect(keep?.with).toMatchObject({
      name: 'sysreg-plan-${{ matrix.environment }}-pr${{ github.event.pull_request.number }}-${{ github.event.pull_request.head.sha }}',
      overwrite: true,
      'retention-days': 30,
    });
  });

  it('sync: serialised per environment, in order, never cancelling an apply, in the <env>-apply environment', async () => {
    const workflow = await readWorkflow('sync.yml');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    const apply = workflow.jobs.apply!;
    expect(apply.concurrency).toEqual({
      group: 'sysreg-apply-${{ github.repository }}-${{ matrix.environment }}',
      'cancel-in-progress': false,
    });
    expect(apply.strategy).toMatchObject({ 'max-parallel': 1, 'fail-fast': true });
    expect(apply.environment).toBe('${{ matrix.environment }}-apply');
    expect(apply.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      deployments: 'read',
      'pull-requests': 'write',
    });
    const text = await readFile(new URL('sync.yml', WORKFLOWS), 'utf8');
    expect(checkWorkflowPolicy('sync.yml', text.replace('      actions: read\n', ''))).toEqual([
      'sync.yml: job apply reads workflow runs without actions: read',
    ]);
  });

  it('dependabot keeps the action pins and the npm dependencies current', async () => {
    const config = parse(await readFile(new URL('../dependabot.yml', WORKFLOWS), 'utf8')) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(config.updates.map((update) => update['package-ecosystem'])).toEqual(['github-actions', 'npm']);
  });
});
