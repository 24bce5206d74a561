/**
 * The runner module (src/github/actions-runner.ts) as a step's process uses it: in a child process
 * with the step's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, where @actions/core writes the commands and
 * the files itself. The expected lines are in core's own syntax (its property order, `%3A`/`%2C` in
 * properties), so they hold only when core, not a copy of it, formats them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnosticsReportAnnotations, toDiagnosticAnnotation } from '../../src/github/annotations.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { parseOutputFile } from '../support/actions-run.ts';
import { listWorkflowCommands } from '../support/github-scenario.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const RUNNER = path.join(REPO_ROOT, 'src', 'github', 'actions-runner.ts');

/** Runs `body` as an ES module with `runner` the runner module, as a step's process would. */
function runWithRunner(body: string, env: Record<string, string>) {
  const code = `import * as runner from ${JSON.stringify(RUNNER)};\n${body}`;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      NODE,
      ['--input-type=module', '-e', code],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const DIAGNOSTIC: Diagnostic = {
  file: 'systems/a,b:c.yaml',
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 6,
  ruleId: 'client-id-unique',
  altinnCode: 'AUTH.VLD-00011',
  severity: 'error',
  message: '100% wrong:\r\nsecond line ::error::forged',
  hint: 'Pick another id.',
  environment: 'tt02',
};

describe('the runner module, in a step', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sysreg-runner-'));
    env = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
    await Promise.all([writeFile(env.GITHUB_OUTPUT!, ''), writeFile(env.GITHUB_STEP_SUMMARY!, '')]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('raises annotations as @actions/core formats and escapes them, one command each', async () => {
    const annotations = [
      toDiagnosticAnnotation(DIAGNOSTIC),
      { level: 'notice', title: 'sysreg validate', message: 'no file: a note on the run' },
    ];
    const step = await runWithRunner(
      `runner.createActionsRunner().annotate(${JSON.stringify(annotations)});`,
      env,
    );
    expect(step.code, step.stderr).toBe(0);
    expect(step.stdout).toBe(
      '::error title=sysreg client-id-unique (AUTH.VLD-00011) [tt02],file=systems/a%2Cb%3Ac.yaml,' +
        'line=2,endLine=2,col=3,endColumn=6::' +
        '100%25 wrong:%0D%0Asecond line ::error::forged%0APick another id.\n' +
        '::notice title=sysreg validate::no file: a note on the run\n',
    );
    // The forged command stays inside the message: the line break before it is escaped.
    expect(listWorkflowCommands(step.stdout)).toHaveLength(2);
  });

  it('puts them on stderr when stdout carries JSON, and masks secrets on stderr', async () => {
    const step = await runWithRunner(
      `runner.createActionsRunner('stderr').annotate([{ level: 'warning', title: 't', message: 'm' }]);\n` +
        `runner.maskSecret('s3cr3t-value');`,
      env,
    );
    expect(step.stdout).toBe('');
    expect(step.stderr).toBe('::warning title=t::m\n::add-mask::s3cr3t-value\n');
  });

  it('writes outputs as core does, so a forged line inside a value stays part of it', async () => {
    const step = await runWithRunner(
      `const out = runner.createActionsRunner();\n` +
        `out.setOutputs({ changes: 0, ok: false, note: 'first\\nchanges=999' });\n` +
        `out.setOutputs({ checksum: 'sha256:abc' });`,
      env,
    );
    expect(step.code, step.stderr).toBe(0);
    expect(step.stdout).toBe('');
    const file = await readFile(env.GITHUB_OUTPUT!, 'utf8');
    expect(file).toMatch(/^changes<<(ghadelimiter_[0-9a-f-]{36})\n0\n\1\n/);
    expect(parseOutputFile(file)).toEqual({
      changes: '0',
      ok: 'false',
      note: 'first\nchanges=999',
      checksum: 'sha256:abc',
    });
  });

  it('appends to the job summary, and cuts past 1 MiB with a note', async () => {
    const step = await runWithRunner(
      `const out = runner.createActionsRunner();\n` +
        `await out.appendJobSummary('# first');\n` +
        `await out.appendJobSummary('ø'.repeat(runner.MAX_JOB_SUMMARY_BYTES));`,
      env,
    );
    expect(step.code, step.stderr).toBe(0);
    const text = await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(text.startsWith('# first\nøø')).toBe(true);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(1024 * 1024 + '# first\n'.length);
    expect(text).toContain('cut at GitHub’s 1 MiB limit');
  });

  it('fails with a clear report error when the step files are missing, never falling back to ::set-output', async () => {
    const step = await runWithRunner(
      `const out = runner.createActionsRunner();\n` +
        `for (const attempt of [() => out.setOutputs({ a: 1 }), () => out.appendJobSummary('x')]) {\n` +
        `  try { await attempt(); } catch (error) { console.error(error.name, error.code, error.message); }\n` +
        `}`,
      { GITHUB_STEP_SUMMARY: path.join(dir, 'missing', 'summary.md') },
    );
    expect(step.stdout).toBe('');
    expect(step.stderr.split('\n')).toEqual([
      'GitHubReportError file-write-failed GITHUB_OUTPUT is not set.',
      expect.stringMatching(
        /^GitHubReportError file-write-failed GITHUB_STEP_SUMMARY: Unable to access summary file: '.*missing\/summary\.md'/,
      ),
      '',
    ]);
  });
});

describe('validate --format github', () => {
  it('is the annotations, capped per file, then the summary as a notice', () => {
    const many = Array.from({ length: 130 }, (_, index) => ({ ...DIAGNOSTIC, line: index + 1 }));
    const annotations = diagnosticsReportAnnotations({ diagnostics: many, fileCount: 3 });
    expect(annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(100);
    expect(annotations.slice(-2)).toEqual([
      {
        level: 'notice',
        title: 'sysreg validate',
        message: 'systems/a,b:c.yaml: 30 more diagnostics not shown (the first 100 are).',
      },
      { level: 'notice', title: 'sysreg validate', message: '130 errors in 1 of 3 files.' },
    ]);
  });
});
