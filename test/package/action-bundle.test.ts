/**
 * The committed action as the runner runs it: only action.yml and dist/ copied into an empty folder
 * (no node_modules, no sources), started with the standard GITHUB_* variables, INPUT_COMMAND, and
 * GITHUB_WORKSPACE pointing at a vendor repository built here.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionArguments } from '../../src/action-run.ts';
import { parseOutputFile } from '../support/actions-run.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(REPO, 'node_modules', '.bin', 'node');

let scratch: string;
let actionFolder: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'sysreg-action-'));
  actionFolder = path.join(scratch, 'action');
  await mkdir(actionFolder);
  await cp(path.join(REPO, 'action.yml'), path.join(actionFolder, 'action.yml'));
  await cp(path.join(REPO, 'dist'), path.join(actionFolder, 'dist'), { recursive: true });
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

async function vendorRepo(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(scratch, name);
  await mkdir(path.join(root, 'systems'), { recursive: true });
  await mkdir(path.join(root, '.git'));
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, file), text);
  return root;
}

/** Runs the action's `main` the way the runner does: `node <action>/<main>` with INPUT_* and GITHUB_*. */
async function runAction(workspace: string, inputs: Record<string, string>) {
  const action = parse(await readFile(path.join(actionFolder, 'action.yml'), 'utf8')) as {
    runs: { using: string; main: string };
  };
  const runnerTemp = await mkdtemp(path.join(scratch, 'runner-'));
  const outputFile = path.join(runnerTemp, 'output');
  const summaryFile = path.join(runnerTemp, 'summary');
  const eventFile = path.join(runnerTemp, 'event.json');
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, ''), writeFile(eventFile, '{}')]);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'vendor/systems',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      NODE,
      [path.join(actionFolder, action.runs.main)],
      // The runner starts the action from the workspace; the action must not rely on it.
      { cwd: runnerTemp, env, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
  return {
    ...result,
    using: action.runs.using,
    outputs: await readFile(outputFile, 'utf8'),
    summary: await readFile(summaryFile, 'utf8'),
  };
}

describe('the action bundle, alone in a folder', () => {
  it('runs on node24 from a committed dist/ file', async () => {
    const action = parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { required?: boolean }>;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(action.inputs.command?.required).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'command', 'environment', 'github-token']);
  });

  it('annotates a broken file and exits 1', async () => {
    const workspace = await vendorRepo('broken', {
      'systems/314159268_payroll.yaml': renderValidSystem('payroll').replace(
        'isVisible: true',
        'isVisible: maybe',
      ),
    });
    const result = await runAction(workspace, { command: 'validate' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error title=sysreg field-type,file=systems\/314159268_payroll\.yaml,line=\d+,(?:endLine=\d+,)?col=\d+/m,
    );
    expect(parseOutputFile(result.outputs)).toEqual({ errors: '1', warnings: '0' });
    expect(result.summary).toContain('| error | field-type |');
  });

  it('exits 0 on a valid repository', async () => {
    const workspace = await vendorRepo('valid', {
      'systems/314159268_payroll.yaml': renderValidSystem('payroll'),
    });
    const result = await runAction(workspace, { command: 'validate' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('::error');
    expect(parseOutputFile(result.outputs)).toEqual({ errors: '0', warnings: '0' });
  });

  it('refuses a command a workflow step may not run, as a failed step', async () => {
    const workspace = await vendorRepo('refused', {});
    const result = await runAction(workspace, { command: 'import' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::error::input 'command' must be one of validate, plan, apply, drift");
  });
});

describe('the action inputs', () => {
  it('become CLI arguments with --report github, refusing what would be misread', () => {
    expect(
      actionArguments({
        command: 'plan',
        environment: 'tt02',
        args: ' --out  sysreg-plan-tt02.json --force ',
      }),
    ).toEqual({
      argv: ['plan', '--env', 'tt02', '--out', 'sysreg-plan-tt02.json', '--force', '--report', 'github'],
    });
    expect(actionArguments({ command: 'validate', environment: '', args: '' })).toEqual({
      argv: ['validate', '--report', 'github'],
    });
    expect(actionArguments({ command: 'new', environment: '', args: '' })).toMatchObject({
      problem: expect.stringContaining("input 'command'"),
    });
    expect(actionArguments({ command: 'plan', environment: 'tt02', args: '--out "a b.json"' })).toMatchObject(
      { problem: expect.stringContaining('quotes') },
    );
    expect(actionArguments({ command: 'plan', environment: 'tt02', args: '--report=text' })).toMatchObject({
      problem: expect.stringContaining('--report'),
    });
  });
});
