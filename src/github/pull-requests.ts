/** The pull requests a commit came from, and the files a pull request changes. */
import type { Octokit } from './octokit.ts';
import { toGitHubReportError } from './github-report-error.ts';

export interface RepositoryTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Redacted from any error message. */
  token?: string;
}

/**
 * Every page of one of the repository's lists, 100 items a page. A failure becomes a
 * GitHubReportError that says what was being done (`what`), with the token redacted.
 */
export async function listEveryPage<T>(
  target: RepositoryTarget,
  what: string,
  list: (octokit: Octokit, page: { owner: string; repo: string; per_page: number }) => Promise<T[]>,
): Promise<T[]> {
  try {
    return await list(target.octokit, { owner: target.owner, repo: target.repo, per_page: 100 });
  } catch (error) {
    throw toGitHubReportError(error, what, [target.token]);
  }
}

export interface AssociatedPullRequest {
  number: number;
  state: string;
  merged: boolean;
  baseRef: string;
  url: string;
}

/** `GET /repos/{owner}/{repo}/commits/{sha}/pulls`: for a merge commit, the pull request it merged. */
export async function findPullRequestsForCommit(
  target: RepositoryTarget,
  sha: string,
): Promise<AssociatedPullRequest[]> {
  const pulls = await listEveryPage(
    target,
    `find the pull requests of commit ${sha} in ${target.owner}/${target.repo}`,
    (octokit, page) =>
      octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { ...page, commit_sha: sha }),
  );
  return pulls.map((pull) => ({
    number: pull.number,
    state: pull.state,
    merged: Boolean(pull.merged_at),
    baseRef: pull.base.ref,
    url: pull.html_url,
  }));
}

export interface ChangedFile {
  /** Path relative to the repository root. */
  filename: string;
  status: string;
  /** Set for renames: the path before the pull request. */
  previousFilename: string | undefined;
}

/** `GET /repos/{owner}/{repo}/pulls/{number}/files`, every page. */
export async function listChangedFiles(target: RepositoryTarget, pullNumber: number): Promise<ChangedFile[]> {
  const files = await listEveryPage(
    target,
    `list the files of pull request #${pullNumber} in ${target.owner}/${target.repo}`,
    (octokit, page) => octokit.paginate(octokit.rest.pulls.listFiles, { ...page, pull_number: pullNumber }),
  );
  return files.map((file) => ({
    filename: file.filename,
    status: file.status,
    previousFilename: file.previous_filename,
  }));
}
