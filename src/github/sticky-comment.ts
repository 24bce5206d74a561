/**
 * One comment per pull request and purpose, kept current: found again by a hidden HTML marker across
 * every page of comments, edited in place, never posted twice (as changesets/action does). A comment
 * counts as sysreg's only when it starts with the marker AND its author is the identity the token
 * acts as: anyone can quote a marker, and another user's comment is never edited or deleted.
 */
import type { Octokit } from './octokit.ts';
import { GitHubReportError, toGitHubReportError } from './github-report-error.ts';
import { listEveryPage } from './pull-requests.ts';

/** GitHub refuses issue and comment bodies longer than this. */
export const MAX_COMMENT_LENGTH = 65_536;

/** `<!-- sysreg:plan:tt02 -->`: invisible in the rendered comment, stable across runs. */
export function renderStickyMarker(purpose: string, environment: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_.:-]/g, '_');
  return `<!-- sysreg:${safe(purpose)}:${safe(environment)} -->`;
}

export interface UpsertStickyCommentInput {
  octokit: Octokit;
  owner: string;
  repo: string;
  issueNumber: number;
  /** The hidden marker, e.g. from `renderStickyMarker('plan', 'tt02')`. */
  marker: string;
  /** The login the token acts as (see `resolveActingLogin`): only its comments are edited. */
  author: string;
  body: string;
  /** Markdown appended when the last guard has to cut the body, e.g. a link to the job summary. */
  overflowPointer?: string;
  /** Redacted from any error message. */
  token?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  url: string;
  /** True when the body had to be cut to fit. */
  truncated: boolean;
}

export async function upsertStickyComment(input: UpsertStickyCommentInput): Promise<StickyCommentResult> {
  const { octokit, owner, repo, issueNumber, marker } = input;
  if (!/^<!-- [^\n]*? -->$/.test(marker)) {
    throw new GitHubReportError(
      'api-failed',
      `sticky comment marker must be an HTML comment, got '${marker}'.`,
    );
  }
  const pointer =
    input.overflowPointer ?? '_The rest is cut at GitHub’s comment limit; the job summary holds all of it._';
  const { body, truncated } = fitCommentBody(`${marker}\n${input.body}`, pointer);
  const secrets = [input.token];
  const comments = await listEveryPage(
    input,
    `list the comments of #${issueNumber} in ${owner}/${repo}`,
    (client, page) =>
      client.paginate(client.rest.issues.listComments, { ...page, issue_number: issueNumber }),
  );
  const author = input.author.toLowerCase();
  const found = comments.filter(
    (comment) => comment.body?.startsWith(marker) && comment.user?.login.toLowerCase() === author,
  );
  const [existing, ...duplicates] = found;
  // Two runs racing can each post one; keep the oldest and remove the rest, so one remains.
  for (const duplicate of duplicates) {
    try {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id });
    } catch (error) {
      throw toGitHubReportError(
        error,
        `delete duplicate comment ${duplicate.id} on #${issueNumber}`,
        secrets,
      );
    }
  }
  try {
    if (existing) {
      if (existing.body === body) {
        return { action: 'unchanged', commentId: existing.id, url: existing.html_url, truncated };
      }
      const { data } = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body,
      });
      return { action: 'updated', commentId: data.id, url: data.html_url, truncated };
    }
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    return { action: 'created', commentId: data.id, url: data.html_url, truncated };
  } catch (error) {
    const verb = existing ? `update comment ${existing.id} on` : 'comment on';
    throw toGitHubReportError(error, `${verb} #${issueNumber} in ${owner}/${repo}`, secrets);
  }
}

/** The app user every `GITHUB_TOKEN` of GitHub Actions acts as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login the token acts as, which GitHub records as the author of every comment it posts.
 * `configured` (the `SYSREG_COMMENT_AUTHOR` setting, e.g. `my-app[bot]` for a GitHub App token) wins.
 * A personal or user token answers `GET /user` with its login. An installation token (the Actions
 * `GITHUB_TOKEN`, or an app's) is refused there, so it is taken to be the Actions app user: for
 * another app's token that only means sysreg finds no comment of its own and posts a new one, never
 * that it edits someone else's.
 */
export async function resolveActingLogin(
  octokit: Octokit,
  configured: string | undefined,
  token?: string,
): Promise<string> {
  if (configured?.trim()) return configured.trim();
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 403 || status === 404) return ACTIONS_BOT_LOGIN;
    throw toGitHubReportError(error, 'find out which user the token acts as (GET /user)', [token]);
  }
}

/**
 * The last guard before GitHub's limit: the renderer should already have degraded to a summary, so
 * this only cuts (never drops) and says where the rest is.
 */
export function fitCommentBody(body: string, pointer: string): { body: string; truncated: boolean } {
  if (body.length <= MAX_COMMENT_LENGTH) return { body, truncated: false };
  const tail = `\n\n…\n\n${pointer}`;
  let cut = body.slice(0, Math.max(0, MAX_COMMENT_LENGTH - tail.length));
  // Do not leave half of a surrogate pair at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return { body: `${cut}${tail}`, truncated: true };
}
