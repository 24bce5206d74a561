/**
 * A failure to report to GitHub: a missing Actions variable, an unreadable event file, or an API call
 * that failed after retries. Reporting failures are never silent (a plan that could not be posted
 * fails the job), so every GitHub edge throws this, with the token redacted from its message.
 */
import { redactSecrets as redactSecretShapes } from '../model/redact.ts';

export type GitHubReportErrorCode =
  'missing-environment' | 'invalid-event' | 'api-failed' | 'file-write-failed' | 'comment-too-long';

export class GitHubReportError extends Error {
  readonly code: GitHubReportErrorCode;
  /** HTTP status of the failed API call, when there was one. */
  readonly status: number | undefined;
  /** Exit code for the CLI (src/cli.ts prints the message of any error with an `exitCode`). */
  readonly exitCode = 1;
  constructor(code: GitHubReportErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'GitHubReportError';
    this.code = code;
    this.status = status;
  }
}

/** Replaces every occurrence of each secret in `text`; short strings are left alone to avoid noise. */
export function redactKnownSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) redacted = redacted.split(secret).join('[REDACTED]');
  }
  // Authorization headers may be echoed by proxies or error bodies in any form; keys and URL
  // user-info are found by shape.
  return redactSecretShapes(redacted.replace(/\b(token|bearer)\s+[A-Za-z0-9_.-]{8,}/gi, '$1 [REDACTED]'));
}

/**
 * Wraps any error from an API call as a GitHubReportError naming what sysreg was doing, with the
 * status when the error carries one (octokit's RequestError does) and every secret redacted.
 */
export function toGitHubReportError(
  error: unknown,
  action: string,
  secrets: readonly (string | undefined)[],
): GitHubReportError {
  if (error instanceof GitHubReportError) return error;
  const status =
    typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
      ? error.status
      : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  const message = `GitHub API: could not ${action}${status === undefined ? '' : ` (HTTP ${status})`}: ${detail}`;
  return new GitHubReportError('api-failed', redactKnownSecrets(message, secrets), status);
}
