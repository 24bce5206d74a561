import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactKnownSecrets, toGitHubReportError } from '../../src/github/github-report-error.ts';
import { appendJobSummary, MAX_JOB_SUMMARY_BYTES } from '../../src/github/job-summary.ts';

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
  it('appends, and cuts past 1 MiB on a character boundary with a note', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sysreg-summary-'));
    const path = join(dir, 'summary.md');
    try {
      await appendJobSummary(path, '# first');
      await appendJobSummary(path, 'ø'.repeat(MAX_JOB_SUMMARY_BYTES));
      const text = await readFile(path, 'utf8');
      expect(text.startsWith('# first\n')).toBe(true);
      expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(MAX_JOB_SUMMARY_BYTES + '# first\n'.length);
      expect(text).not.toContain('\uFFFD');
      expect(text).toContain('cut at GitHub’s 1 MiB limit');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
