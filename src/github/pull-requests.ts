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
  const { octokit, owner, repo } = target;
  try {
    const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner,
      repo,
      commit_sha: sha,
      per_page: 100,
    });
    return pulls.map((pull) => ({
      number: pull.number,
      state: pull.state,
      merged: Boolean(pull.merged_at),
      baseRef: pull.base.ref,
      url: pull.html_url,
    }));
  } catch (error) {
    throw toGitHubReportError(error, `find the pull requests of commit ${sha} in ${owner}/${repo}`, [
      target.token,
    ]);
  }
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
  const { octokit, owner, repo } = target;
  try {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    return files.map((file) => ({
      filename: file.filename,
      status: file.status,
      previousFilename: file.previous_filename,
    }));
  } catch (error) {
    throw toGitHubReportError(error, `list the files of pull request #${pullNumber} in ${owner}/${repo}`, [
      target.token,
    ]);
  }
}
