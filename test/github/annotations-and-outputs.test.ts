import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  escapeAnnotationData,
  escapeAnnotationProperty,
  formatAnnotation,
  formatDiagnosticAnnotation,
} from '../../src/github/annotations.ts';
import { formatOutput, writeOutputs } from '../../src/github/outputs.ts';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { ActionsRun } from '../support/actions-run.ts';
import { captureOutput, createActionsRun, parseOutputFile } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { readPullRequestEvent } from './plan-helpers.ts';

describe('annotation escaping, as @actions/core does it', () => {
  it('escapes data and properties', () => {
    expect(escapeAnnotationData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeAnnotationProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    // `%` first, so an already escaped sequence is escaped again rather than decoded by the runner.
    expect(escapeAnnotationData('%0A')).toBe('%250A');
  });

  it('formats a generic annotation with every property', () => {
    expect(
      formatAnnotation({
        file: 'systems/a,b.yaml',
        line: 3,
        col: 5,
        endLine: 4,
        endColumn: 9,
        level: 'warning',
        title: 'rule: x',
        message: 'line one\nline two ::error::forged',
      }),
    ).toBe(
      '::warning file=systems/a%2Cb.yaml,line=3,col=5,endLine=4,endColumn=9,title=rule%3A x::line one%0Aline two ::error::forged\n',
    );
    expect(formatAnnotation({ file: 'f.yaml', line: 1, level: 'notice', title: 't', message: 'm' })).toBe(
      '::notice file=f.yaml,line=1,title=t::m\n',
    );
  });

  it('turns a diagnostic into an error annotation with its rule id, Altinn code and hint', () => {
    const diagnostic: Diagnostic = {
      file: 'systems/acme-payroll.yaml',
      line: 14,
      column: 7,
      endLine: 14,
      endColumn: 30,
      ruleId: 'redirect-url-https',
      altinnCode: 'AUTH.VLD-00005',
      severity: 'error',
      message: 'redirectUrls[0] must use https',
      hint: 'Change http:// to https://',
      environment: 'prod',
    };
    expect(formatDiagnosticAnnotation(diagnostic)).toBe(
      '::error file=systems/acme-payroll.yaml,line=14,col=7,endLine=14,endColumn=30,' +
        'title=sysreg redirect-url-https (AUTH.VLD-00005) [prod]::redirectUrls[0] must use https%0AChange http:// to https://\n',
    );
  });
});

describe('outputs', () => {
  it('writes single-line values plainly and multi-line values as a heredoc', () => {
    expect(formatOutput('changes', 3)).toBe('changes=3\n');
    expect(formatOutput('summary', 'a\nb', () => 'EOF_1')).toBe('summary<<EOF_1\na\nb\nEOF_1\n');
    expect(() => formatOutput('summary', 'a\nEOF_1', () => 'EOF_1')).toThrow(/contains its delimiter/);
    expect(() => formatOutput('bad name', 1)).toThrow(/not a valid output name/);
  });

  it('uses a random delimiter that a value cannot guess', async () => {
    const first = formatOutput('v', 'x\ny');
    const second = formatOutput('v', 'x\ny');
    expect(first).toMatch(/^v<<ghadelimiter_[0-9a-f-]{36}\nx\ny\nghadelimiter_[0-9a-f-]{36}\n$/);
    expect(first).not.toBe(second);
  });

  it('appends to GITHUB_OUTPUT, and a forged line inside a value stays part of that value', async () => {
    const run = await createActionsRun({
      github: { url: 'http://127.0.0.1:9', owner: 'acme', repo: 'systems', token: 't' } as FakeGitHub,
      eventName: 'push',
      event: {},
      sha: 's',
    });
    await writeOutputs(run.env.GITHUB_OUTPUT!, { changes: 0, note: 'first\nchanges=999' });
    await writeOutputs(run.env.GITHUB_OUTPUT!, { checksum: 'sha256:abc' });
    expect(parseOutputFile(await readFile(run.env.GITHUB_OUTPUT!, 'utf8'))).toEqual({
      changes: '0',
      note: 'first\nchanges=999',
      checksum: 'sha256:abc',
    });
    await run.cleanup();
  });
});

describe('validation report', () => {
  let github: FakeGitHub;
  let run: ActionsRun;
  beforeEach(async () => {
    github = await startFakeGitHub();
    // A fork's pull request: validation needs no token and makes no API call.
    run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.fork.json', 'f0'.repeat(20)),
      sha: 'merge-sha',
      withoutToken: true,
    });
  });
  afterEach(async () => {
    await run.cleanup();
    await github.close();
  });

  it('writes annotations to stdout, the summary to the job summary and counts to the outputs', async () => {
    const stdout = captureOutput();
    const reporter = await createGitHubReporterFromEnvironment(run.env, stdout);
    const diagnostics: Diagnostic[] = [
      {
        file: 'systems/a.yaml',
        line: 2,
        column: 1,
        ruleId: 'unknown-field',
        severity: 'error',
        message: 'nmae: did you mean name?',
      },
      {
        file: 'systems/b.yaml',
        line: 9,
        column: 3,
        ruleId: 'name-language',
        severity: 'warning',
        message: 'no nn name',
      },
    ];
    await reporter.reportValidation(diagnostics, '## sysreg validate\n\n1 error, 1 warning\n');
    expect(stdout.text).toBe(
      '::error file=systems/a.yaml,line=2,col=1,title=sysreg unknown-field::nmae: did you mean name?\n' +
        '::warning file=systems/b.yaml,line=9,col=3,title=sysreg name-language::no nn name\n',
    );
    expect(await run.readSummary()).toBe('## sysreg validate\n\n1 error, 1 warning\n');
    expect(await run.readOutputs()).toEqual({ errors: '1', warnings: '1' });
    expect(github.requests).toEqual([]);
  });

  it('fails when the job summary cannot be written', async () => {
    const reporter = await createGitHubReporterFromEnvironment(
      { ...run.env, GITHUB_STEP_SUMMARY: `${run.dir}/missing/dir/summary.md` },
      captureOutput(),
    );
    await expect(reporter.reportValidation([], 'x')).rejects.toMatchObject({ code: 'file-write-failed' });
  });
});
