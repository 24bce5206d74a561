/**
 * The rolling drift issue: one open issue per environment, labelled `sysreg-drift` and found again by
 * a hidden marker. Opened when drift appears, edited in place while it lasts, closed with a comment
 * when it is gone.
 */
import type { Octokit } from './octokit.ts';
import { toGitHubReportError } from './github-report-error.ts';
import { fitCommentBody, renderStickyMarker } from './sticky-comment.ts';

export const DRIFT_LABEL = 'sysreg-drift';
const DRIFT_LABEL_COLOUR = 'd93f0b';
const DRIFT_LABEL_DESCRIPTION = 'Live Altinn differs from the YAML in git (opened and closed by sysreg)';

export interface SyncDriftIssueInput {
  octokit: Octokit;
  owner: string;
  repo: string;
  environment: string;
  hasDrift: boolean;
  /** The rendered drift report; ignored when there is no drift. */
  body: string;
  /** Link to the run, cited in the body and the closing comment. */
  runUrl: string;
  /** The login the token acts as: only an issue it opened is sysreg's. */
  author: string;
  token?: string;
}

export interface DriftIssueResult {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';
  issueNumber: number | undefined;
  url: string | undefined;
}

export function renderDriftIssueTitle(environment: string): string {
  return `sysreg: live Altinn (${environment}) has drifted from git`;
}

export async function syncDriftIssue(input: SyncDriftIssueInput): Promise<DriftIssueResult> {
  const { octokit, owner, repo, environment } = input;
  const secrets = [input.token];
  const marker = renderStickyMarker('drift', environment);
  const where = `${owner}/${repo}`;
  let open:
    { number: number; body?: string | null; html_url: string; user?: { login: string } | null } | undefined;
  try {
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      state: 'open',
      labels: DRIFT_LABEL,
      per_page: 100,
    });
    // Only sysreg's own issue: anyone can open one quoting the marker, a triager can label it.
    const author = input.author.toLowerCase();
    open = issues.find(
      (issue) =>
        !issue.pull_request && issue.body?.startsWith(marker) && issue.user?.login.toLowerCase() === author,
    );
  } catch (error) {
    throw toGitHubReportError(error, `list the open ${DRIFT_LABEL} issues in ${where}`, secrets);
  }

  if (!input.hasDrift) {
    if (!open) return { action: 'none', issueNumber: undefined, url: undefined };
    const issueNumber = open.number;
    try {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body: `Drift in ${environment} is gone: live Altinn matches git again (checked in ${input.runUrl}). Closing.`,
      });
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issueNumber,
        state: 'closed',
        state_reason: 'completed',
      });
    } catch (error) {
      throw toGitHubReportError(error, `close drift issue #${issueNumber} in ${where}`, secrets);
    }
    return { action: 'closed', issueNumber, url: open.html_url };
  }

  const pointer = `_Cut at GitHub’s limit; the [job summary](${input.runUrl}) holds the whole report._`;
  const { body } = fitCommentBody(
    `${marker}\n${input.body.trimEnd()}\n\n_Last checked by sysreg in ${input.runUrl}._`,
    pointer,
  );
  if (open) {
    if (open.body === body) return { action: 'unchanged', issueNumber: open.number, url: open.html_url };
    try {
      await octokit.rest.issues.update({ owner, repo, issue_number: open.number, body });
    } catch (error) {
      throw toGitHubReportError(error, `update drift issue #${open.number} in ${where}`, secrets);
    }
    return { action: 'updated', issueNumber: open.number, url: open.html_url };
  }
  await ensureDriftLabel(input);
  try {
    const { data } = await octokit.rest.issues.create({
      owner,
      repo,
      title: renderDriftIssueTitle(environment),
      body,
      labels: [DRIFT_LABEL],
    });
    return { action: 'opened', issueNumber: data.number, url: data.html_url };
  } catch (error) {
    throw toGitHubReportError(error, `open a drift issue in ${where}`, secrets);
  }
}

async function ensureDriftLabel(input: SyncDriftIssueInput): Promise<void> {
  const { octokit, owner, repo } = input;
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: DRIFT_LABEL });
    return;
  } catch (error) {
    if (!isStatus(error, 404)) {
      throw toGitHubReportError(error, `read the ${DRIFT_LABEL} label in ${owner}/${repo}`, [input.token]);
    }
  }
  try {
    await octokit.rest.issues.createLabel({
      owner,
      repo,
      name: DRIFT_LABEL,
      color: DRIFT_LABEL_COLOUR,
      description: DRIFT_LABEL_DESCRIPTION,
    });
  } catch (error) {
    // 422 "already_exists": another run created it between our read and write.
    if (!isStatus(error, 422)) {
      throw toGitHubReportError(error, `create the ${DRIFT_LABEL} label in ${owner}/${repo}`, [input.token]);
    }
  }
}

function isStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && error.status === status;
}
