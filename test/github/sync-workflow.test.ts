/**
 * sync.yml as a runner runs it: its script under bash against the stand-in GitHub (which records every
 * request) through a stand-in `gh`, in a real git repository of merge commits; then its apply step,
 * the committed action bundle, with the script's outputs as inputs, against the local Altinn.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createActionsRun } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { SCENARIO_ORG, systemFile } from '../support/github-scenario.ts';
import type { LocalAltinn, TestClient } from '../support/local-altinn.ts';
import { listStoredSystems, registerTestClient, startLocalAltinn } from '../support/local-altinn.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';
import { installStandInGh } from '../support/stand-in-gh.ts';

const SYNC = new URL('../../.github/workflows/sync.yml', import.meta.url);
const PLAN_PATH = '.github/workflows/plan.yml';

interface Step {
  name?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

let steps: Step[];
beforeAll(async () => {
  const workflow = parse(await readFile(SYNC, 'utf8')) as { jobs: { apply: { steps: Step[] } } };
  steps = workflow.jobs.apply.steps;
});

function scriptOf(name: string): string {
  const step = steps.find((s) => s.name === name);
  if (typeof step?.run !== 'string') throw new Error(`sync.yml has no step ${name}`);
  return step.run;
}

interface BashResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** As a runner runs a `run:` script: bash --noprofile --norc -eo pipefail. Asynchronous, so the
 * stand-in GitHub in this process can answer. */
function runBash(script: string, env: Record<string, string>, cwd: string): Promise<BashResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      env,
      cwd,
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A minimal reviewed plan, as far as the find script reads one. */
function planJson(environment: string, options: { deletes?: number; safe?: boolean } = {}): string {
  return JSON.stringify({
    environment,
    counts: { delete: options.deletes ?? 0 },
    safety: { safe: options.safe ?? true, reasons: [] },
  });
}

interface Harness {
  github: FakeGitHub;
  scratch: string;
  repo: string;
  git(...args: string[]): string;
  /** Commits the working tree of `repo` on main; returns the commit. */
  commit(message: string): string;
  /** A pull request merged as `mergeSha`, with the plan job's artifact at its head. */
  merged(
    number: number,
    mergeSha: string,
    options?: {
      plan?: string;
      labels?: { label: string; actor: string; action?: 'labeled' | 'unlabeled' }[];
      run?: { path?: string; event?: string; conclusion?: string; expired?: boolean };
      labelsAfterMerge?: { label: string; actor: string }[];
    },
  ): void;
  find(options: {
    sha: string;
    environment?: string;
    actor?: string;
    inputs?: { applyUnreviewed?: boolean; allowDelete?: boolean; force?: boolean };
    attempts?: number;
  }): Promise<{
    status: number | null;
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
    planFiles: string[];
  }>;
  /** The `sysreg apply` step: the action (dist/action.js) with the find step's outputs. */
  apply(outputs: Record<string, string>, env: Record<string, string>): Promise<BashResult>;
}

async function startHarness(): Promise<Harness> {
  const github = await startFakeGitHub();
  const scratch = await mkdtemp(join(tmpdir(), 'sysreg-sync-'));
  const repo = join(scratch, 'repo');
  const bin = join(scratch, 'bin');
  await mkdir(join(repo, 'systems'), { recursive: true });
  await mkdir(bin);
  await installStandInGh(bin);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    ).trim();
  git('init', '--quiet', '--initial-branch=main');
  await writeFile(join(repo, 'systems', '.gitkeep'), '');
  const commit = (message: string) => {
    git('add', '--all');
    git('commit', '--quiet', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  commit('start');
  const base = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    FAKE_LOG: join(scratch, 'log'),
    GH_TOKEN: github.token,
    GITHUB_API_URL: github.url,
    RUNNER_TEMP: scratch,
  };
  let artifactId = 1;
  return {
    github,
    scratch,
    repo,
    git,
    commit,
    merged(number, mergeSha, options = {}) {
      const head = `${String(number).padStart(2, '0')}`.repeat(20);
      github.addPullRequest({ number, headSha: head, files: [] });
      for (const { label, actor, action } of options.labels ?? []) github.label(number, label, actor, action);
      const environment = 'tt02';
      github.addWorkflowRun({
        id: 500 + number,
        path: options.run?.path ?? PLAN_PATH,
        event: options.run?.event ?? 'pull_request_target',
        conclusion: options.run?.conclusion ?? 'success',
        headSha: 'base-sha',
        artifacts: [
          {
            id: artifactId++,
            name: `sysreg-plan-${environment}-pr${number}-${head}`,
            expired: options.run?.expired ?? false,
            files: { [`sysreg-plan-${environment}.json`]: options.plan ?? planJson(environment) },
          },
        ],
      });
      github.mergePullRequest(number, mergeSha);
      github.linkCommit(mergeSha, [number]);
      for (const { label, actor } of options.labelsAfterMerge ?? []) github.label(number, label, actor);
    },
    async find(options) {
      const outputFile = join(scratch, 'output');
      await writeFile(outputFile, '');
      const environment = options.environment ?? 'tt02';
      const result = await runBash(
        scriptOf('Find the reviewed plans'),
        {
          ...base,
          GITHUB_OUTPUT: outputFile,
          REPOSITORY: 'acme/systems',
          SHA: options.sha,
          ACTOR: options.actor ?? 'octocat',
          ENVIRONMENT: environment,
          APPLY_ENVIRONMENT: `${environment}-apply`,
          PLAN_WORKFLOW: 'plan.yml',
          APPLY_UNREVIEWED: String(options.inputs?.applyUnreviewed ?? false),
          INPUT_ALLOW_DELETE: String(options.inputs?.allowDelete ?? false),
          INPUT_FORCE: String(options.inputs?.force ?? false),
          PULLS_ATTEMPTS: String(options.attempts ?? 3),
          PULLS_DELAY_SECONDS: '0',
        },
        repo,
      );
      const { parseOutputFile } = await import('../support/actions-run.ts');
      const outputs = result.status === 0 ? parseOutputFile(await readFile(outputFile, 'utf8')) : {};
      const planFiles = [...(outputs.args ?? '').matchAll(/--plan (\S+)/g)].map((match) => match[1] ?? '');
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, planFiles };
    },
    apply(outputs, env) {
      const step = steps.find((candidate) => candidate.name === 'sysreg apply');
      const inputs = {
        INPUT_COMMAND: String(step?.with?.command),
        INPUT_ENVIRONMENT: env.ENVIRONMENT ?? '',
        // `args: ${{ steps.reviewed.outputs.args }}`
        INPUT_ARGS: outputs.args ?? '',
      };
      return new Promise((resolve) => {
        const child = spawn(
          join(REPO_ROOT, 'node_modules', '.bin', 'node'),
          [join(REPO_ROOT, 'dist', 'action.js')],
          {
            env: { ...base, ...env, ...inputs, GITHUB_WORKSPACE: repo },
            cwd: repo,
            timeout: 60_000,
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    },
  };
}

describe('sync.yml finds the reviewed plans of every merged pull request', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.github.close();
    await rm(h.scratch, { recursive: true, force: true });
  });

  it('first sync: the merge commit’s pull request, its plan from the plan workflow’s artifact', async () => {
    const merge = h.commit('merge #7');
    h.merged(7, merge);
    const found = await h.find({ sha: merge });
    expect(found.status, found.stdout + found.stderr).toBe(0);
    expect(found.planFiles).toEqual([
      join(h.scratch, 'sysreg-reviewed-plans-tt02', '7', 'sysreg-plan-tt02.json'),
    ]);
    expect(await readFile(found.planFiles[0]!, 'utf8')).toBe(`${planJson('tt02')}\n`);
    expect(found.outputs).toMatchObject({ 'pull-requests': '#7', 'allow-delete': 'false', force: 'false' });
    const paths = h.github.requests.map((r) => r.path.replace('/repos/acme/systems', ''));
    expect(paths).toEqual([
      '/deployments',
      `/commits/${merge}/pulls`,
      '/actions/artifacts',
      '/actions/runs/507',
      `/actions/runs/507/artifact-files/sysreg-plan-tt02-pr7-${'07'.repeat(20)}`,
      '/issues/7/events',
    ]);
    expect(h.github.writes()).toEqual([]);
  });

  it('asks commits/{sha}/pulls again while GitHub has not linked the merge yet, a bounded number of times', async () => {
    const merge = h.commit('merge #7');
    h.merged(7, merge);
    h.github.linkCommit(merge, [7], { after: 2 });
    const found = await h.find({ sha: merge, attempts: 3 });
    expect(found.status, found.stdout).toBe(0);
    const asked = () => h.github.requests.filter((r) => r.path.endsWith(`/commits/${merge}/pulls`)).length;
    expect(asked()).toBe(3);

    h.github.linkCommit(merge, [7], { after: 5 });
    const gaveUp = await h.find({ sha: merge, attempts: 3 });
    expect(gaveUp.status).toBe(1);
    expect(gaveUp.stdout).toContain(
      `Commit ${merge} came from no merged pull request (asked GitHub 3 times)`,
    );
    expect(asked()).toBe(6);
  });

  it('every pull request merged since the last successful deployment, in merge order, each once', async () => {
    const first = h.commit('merge #1');
    h.merged(1, first);
    h.github.addDeployment('tt02-apply', first, 'success');
    const second = h.commit('merge #2');
    h.merged(2, second);
    h.github.addDeployment('tt02-apply', second, 'failure');
    const third = h.commit('merge #3');
    h.merged(3, third);
    // Another environment's deployments do not count for this one.
    h.github.addDeployment('prod-apply', third, 'success');
    const found = await h.find({ sha: third });
    expect(found.status, found.stdout + found.stderr).toBe(0);
    expect(found.stdout).toContain(`Last successful sync of tt02: ${first}`);
    expect(found.outputs['pull-requests']).toBe('#2 #3');
    expect(found.planFiles.map((file) => file.split('/').at(-2))).toEqual(['2', '3']);
  });

  it('ignores an artifact with the right name from any other workflow, trigger or failed run', async () => {
    const merge = h.commit('merge #7');
    // A branch pusher's own workflow can upload an artifact of any name; a failed check is no review.
    h.merged(7, merge, { run: { path: '.github/workflows/evil.yml' } });
    const other = await h.find({ sha: merge });
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('No successful plan.yml run left a reviewed tt02 plan for #7');

    const h2 = await startHarness();
    try {
      const sha = h2.commit('merge #8');
      h2.merged(8, sha, { run: { event: 'pull_request' } });
      expect((await h2.find({ sha })).status).toBe(1);
      const sha9 = h2.commit('merge #9');
      h2.merged(9, sha9, { run: { conclusion: 'failure' } });
      expect((await h2.find({ sha: sha9 })).stdout).toContain('No successful plan.yml run');
    } finally {
      await h2.github.close();
      await rm(h2.scratch, { recursive: true, force: true });
    }
  });

  it('a reviewed plan past the artifact retention says so', async () => {
    const merge = h.commit('merge #7');
    h.merged(7, merge, { run: { expired: true } });
    const found = await h.find({ sha: merge });
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(
      'The reviewed tt02 plan of #7 expired on 2026-02-01T00:00:00Z (artifacts are kept 30 days)',
    );
  });

  it('a decision label added by a triager is refused, naming who; nothing is applied', async () => {
    const merge = h.commit('merge #7');
    h.github.setRole('tina', 'triage');
    h.merged(7, merge, {
      plan: planJson('tt02', { safe: false }),
      labels: [{ label: 'sysreg:force', actor: 'tina' }],
    });
    const found = await h.find({ sha: merge });
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(
      '#7: the label sysreg:force was added by @tina, who has neither maintain nor admin permission; nothing applied.',
    );
    expect(found.outputs).toEqual({});
    expect(h.github.requests.some((r) => r.path.endsWith('/collaborators/tina/permission'))).toBe(true);
  });

  it('a decision label added by a maintainer before the merge is honoured', async () => {
    const merge = h.commit('merge #7');
    h.github.setRole('mia', 'maintain');
    h.github.setRole('ada', 'admin');
    h.merged(7, merge, {
      plan: planJson('tt02', { safe: false, deletes: 1 }),
      labels: [
        { label: 'sysreg:force', actor: 'mia' },
        { label: 'sysreg:allow-delete', actor: 'ada' },
      ],
    });
    const found = await h.find({ sha: merge });
    expect(found.status, found.stdout).toBe(0);
    expect(found.outputs).toMatchObject({ 'allow-delete': 'true', force: 'true' });
    expect(found.outputs.args).toMatch(/^--plan \S+sysreg-plan-tt02\.json --allow-delete --force$/);
  });

  it('a label added after the merge, or removed before it, does not count', async () => {
    const merge = h.commit('merge #7');
    h.github.setRole('mia', 'maintain');
    h.merged(7, merge, {
      plan: planJson('tt02', { deletes: 1 }),
      labels: [
        { label: 'sysreg:force', actor: 'mia' },
        { label: 'sysreg:force', actor: 'mia', action: 'unlabeled' },
      ],
      labelsAfterMerge: [{ label: 'sysreg:allow-delete', actor: 'mia' }],
    });
    const found = await h.find({ sha: merge });
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(
      '::warning title=sysreg sync (tt02)::#7: sysreg:allow-delete was added after the merge (by @mia); it does not count.',
    );
    expect(found.stdout).toContain(
      "#7's reviewed plan deletes, but no maintainer added sysreg:allow-delete before the merge; nothing applied.",
    );
  });

  it('the allow-delete and force inputs of a manual run count only from a maintainer or admin', async () => {
    const merge = h.commit('merge #7');
    h.merged(7, merge);
    h.github.setRole('wes', 'write');
    const refused = await h.find({ sha: merge, actor: 'wes', inputs: { allowDelete: true } });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('@wes ran this workflow with allow-delete or force');
    h.github.setRole('ada', 'admin');
    const allowed = await h.find({
      sha: merge,
      actor: 'ada',
      inputs: { applyUnreviewed: true, force: true },
    });
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain(`apply-unreviewed: applying ${merge} without a reviewed plan.`);
    expect(allowed.outputs).toMatchObject({ args: '--force', force: 'true', 'allow-delete': 'false' });
  });
});

describe('three merges in quick succession, the middle sync cancelled', () => {
  let h: Harness;
  let altinn: LocalAltinn;
  let client: TestClient;
  beforeEach(async () => {
    h = await startHarness();
    altinn = await startLocalAltinn();
    client = await registerTestClient(altinn.url, { orgNumber: SCENARIO_ORG });
  });
  afterEach(async () => {
    await Promise.all([h.github.close(), altinn.close()]);
    await rm(h.scratch, { recursive: true, force: true });
  });

  /** The plan job on a pull request whose branch adds `name` to the start commit. */
  async function reviewedPlan(name: string): Promise<string> {
    const worktree = join(h.scratch, `pr-${name}`);
    h.git('worktree', 'add', '--quiet', '--detach', worktree, 'main~0');
    h.git('-C', worktree, 'checkout', '--quiet', h.git('rev-list', '--max-parents=0', 'HEAD'));
    await writeFile(join(worktree, systemFile(name)), renderValidSystem(name));
    const plan = await runCli(
      ['plan', '--env', 'local', '--out', 'plan.json'],
      worktree,
      undefined,
      client.env,
    );
    expect(plan.code, plan.stderr).toBe(0);
    return readFile(join(worktree, 'plan.json'), 'utf8');
  }

  async function sync(sha: string) {
    h.git('checkout', '--quiet', sha);
    const found = await h.find({ sha, environment: 'local' });
    expect(found.status, found.stdout + found.stderr).toBe(0);
    const run = await createActionsRun({ github: h.github, eventName: 'push', event: {}, sha });
    try {
      const applied = await h.apply(found.outputs, { ...client.env, ...run.env, ENVIRONMENT: 'local' });
      expect(applied.status, applied.stdout + applied.stderr).toBe(0);
      return found;
    } finally {
      await run.cleanup();
    }
  }

  it('ends with all three pull requests’ changes applied, each checked against its own reviewed plan', async () => {
    const plans = {
      1: await reviewedPlan('alpha'),
      2: await reviewedPlan('beta'),
      3: await reviewedPlan('gamma'),
    };
    const merges: string[] = [];
    for (const [number, name] of [
      [1, 'alpha'],
      [2, 'beta'],
      [3, 'gamma'],
    ] as const) {
      await writeFile(join(h.repo, systemFile(name)), renderValidSystem(name));
      const sha = h.commit(`merge #${number}`);
      merges.push(sha);
      const head = `${String(number).padStart(2, '0')}`.repeat(20);
      h.github.addPullRequest({ number, headSha: head });
      h.github.addWorkflowRun({
        id: 500 + number,
        path: PLAN_PATH,
        event: 'pull_request_target',
        conclusion: 'success',
        headSha: 'base-sha',
        artifacts: [
          {
            id: number,
            name: `sysreg-plan-local-pr${number}-${head}`,
            expired: false,
            files: { 'sysreg-plan-local.json': plans[number] },
          },
        ],
      });
      h.github.mergePullRequest(number, sha);
      h.github.linkCommit(sha, [number]);
    }

    // Merge 1's sync succeeds; GitHub records the deployment to local-apply.
    expect((await sync(merges[0]!)).outputs['pull-requests']).toBe('#1');
    h.github.addDeployment('local-apply', merges[0]!, 'success');
    // Merge 2's sync is cancelled while it waits behind merge 1's; merge 3's runs.
    h.github.addDeployment('local-apply', merges[1]!, 'error');
    const third = await sync(merges[2]!);
    expect(third.outputs['pull-requests']).toBe('#2 #3');
    expect(third.planFiles).toEqual(
      ['2', '3'].map((n) => join(h.scratch, 'sysreg-reviewed-plans-local', n, 'sysreg-plan-local.json')),
    );
    const live = (await listStoredSystems(altinn.url)).map((system) => system.id).sort();
    expect(live).toEqual(['alpha', 'beta', 'gamma'].map((name) => `${SCENARIO_ORG}_${name}`));
  }, 120_000);

  it('applying only the head commit’s plan, as sync did before, would have left #2 unapplied', async () => {
    const plan = await reviewedPlan('gamma');
    for (const name of ['alpha', 'beta', 'gamma'])
      await writeFile(join(h.repo, systemFile(name)), renderValidSystem(name));
    await writeFile(join(h.scratch, 'plan3.json'), plan);
    const only = await runCli(
      ['apply', '--env', 'local', '--plan', join(h.scratch, 'plan3.json')],
      h.repo,
      undefined,
      client.env,
    );
    expect(only.code, only.stderr).toBe(0);
    expect((await listStoredSystems(altinn.url)).map((system) => system.id)).toEqual([
      `${SCENARIO_ORG}_gamma`,
    ]);
  });
});
