import { describe, expect, it } from 'vitest';
import { redactKnownSecrets, toGitHubReportError } from '../../src/github/github-report-error.ts';
import { limitJobSummary, MAX_JOB_SUMMARY_BYTES } from '../../src/github/actions-runner.ts';

describe('report errors', () => {
  it('redact the token and anything that looks like an authorization header', () => {
    const text =
      'failed with token ghs_abcdefgh12345678 (sent Bearer eyJhbGciOi.payload.sig) for ghs_abcdefgh12345678';
    const redacted = redactKnownSecrets(text, ['ghs_abcdefgh12345678']);
    expect(redacted).not.toContain('ghs_abcdefgh12345678');
    expect(redacted).not.toContain('eyJhbGciOi');
    expect(redacted).toContain('[REDACTED]');
  });

  it('carry the status and what sysreg was doing', () => {
    const cause = Object.assign(new Error('Server Error'), { status: 503 });
    const error = toGitHubReportError(cause, 'comment on #7 in acme/systems', []);
    expect(error).toMatchObject({ name: 'GitHubReportError', code: 'api-failed', status: 503, exitCode: 1 });
    expect(error.message).toBe(
      'GitHub API: could not comment on #7 in acme/systems (HTTP 503): Server Error',
    );
  });
});

describe('job summary', () => {
  // Appending through core.summary is in annotations-and-outputs.test.ts (a child process).
  it('is cut past 1 MiB on a character boundary with a note, and left alone below it', () => {
    const text = limitJobSummary('ø'.repeat(MAX_JOB_SUMMARY_BYTES));
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(MAX_JOB_SUMMARY_BYTES);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(MAX_JOB_SUMMARY_BYTES - 200);
    expect(text).not.toContain('\uFFFD');
    expect(text.startsWith('øø')).toBe(true);
    expect(text).toContain('cut at GitHub’s 1 MiB limit');
    expect(limitJobSummary('# short\n')).toBe('# short\n');
  });
});
