/**
 * The GitHub Actions context sysreg reports into: read once from the standard Actions variables and
 * the event payload file, so the rest of src/github/ is given plain values and never reads `env`.
 */
import { readFile } from 'node:fs/promises';
import { GitHubReportError } from './github-report-error.ts';

/** The pull request a `pull_request` event is about, as far as reporting needs it. */
export interface PullRequestRef {
  number: number;
  headSha: string;
  /** `owner/name` of the head repository; differs from the base repository for a fork. */
  headRepository: string;
  baseRef: string;
}

export interface ActionsContext {
  apiUrl: string;
  serverUrl: string;
  /** Absent when the job was given no token (e.g. offline validation); API calls then refuse. */
  token: string | undefined;
  owner: string;
  repo: string;
  eventName: string;
  /** The raw event payload (GITHUB_EVENT_PATH), for fields this module does not lift out. */
  event: Record<string, unknown>;
  sha: string;
  /** `refs/heads/main` etc., when the runner set GITHUB_REF. */
  ref: string | undefined;
  runId: string;
  runUrl: string;
  /** Set on `pull_request` and `pull_request_target` events. */
  pullRequest: PullRequestRef | undefined;
  /** From the payload's `repository.default_branch`, when the event carries one. */
  defaultBranch: string | undefined;
  /**
   * `SYSREG_COMMENT_AUTHOR`: the login the token posts as, when sysreg cannot learn it (a GitHub App
   * token posts as `<app-slug>[bot]`); otherwise it is asked from GitHub.
   */
  commentAuthor: string | undefined;
}

/**
 * Variables the runner always sets; a missing one means sysreg is not running in Actions. The step's
 * files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) are written by @actions/core, which reads them itself;
 * they are checked here so a job without them fails with this message before anything is done.
 */
const REQUIRED_VARIABLES = [
  'GITHUB_API_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_SHA',
  'GITHUB_RUN_ID',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_OUTPUT',
] as const;

export interface ReadActionsContextOptions {
  /** Reads the event payload file; injectable for tests. */
  readText?: (path: string) => Promise<string>;
}

export async function readActionsContext(
  env: Record<string, string | undefined>,
  options: ReadActionsContextOptions = {},
): Promise<ActionsContext> {
  const missing = REQUIRED_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new GitHubReportError(
      'missing-environment',
      `--report github needs the GitHub Actions environment, but ${missing.join(', ')} ${
        missing.length === 1 ? 'is' : 'are'
      } not set. Run inside a GitHub Actions job, or drop --report github.`,
    );
  }
  const value = (name: (typeof REQUIRED_VARIABLES)[number]): string => env[name] as string;
  const repository = value('GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new GitHubReportError(
      'missing-environment',
      `GITHUB_REPOSITORY must be 'owner/name', but is '${repository}'.`,
    );
  }
  const eventPath = value('GITHUB_EVENT_PATH');
  const event = await readEventPayload(eventPath, options.readText ?? ((path) => readFile(path, 'utf8')));
  const serverUrl = value('GITHUB_SERVER_URL').replace(/\/+$/, '');
  const runId = value('GITHUB_RUN_ID');
  const eventName = value('GITHUB_EVENT_NAME');
  return {
    apiUrl: value('GITHUB_API_URL').replace(/\/+$/, ''),
    serverUrl,
    token: env.GITHUB_TOKEN || undefined,
    owner,
    repo,
    eventName,
    event,
    sha: value('GITHUB_SHA'),
    ref: env.GITHUB_REF || undefined,
    runId,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    pullRequest: readPullRequest(eventName, event, eventPath),
    defaultBranch: readDefaultBranch(event),
    commentAuthor: env.SYSREG_COMMENT_AUTHOR || undefined,
  };
}

/** The token for API calls, or an error naming the variable the workflow must pass. */
export function requireToken(context: ActionsContext): string {
  if (!context.token) {
    throw new GitHubReportError(
      'missing-environment',
      'GITHUB_TOKEN is not set, so sysreg cannot write to the pull request or issues. ' +
        'Pass it to the step: `env: { GITHUB_TOKEN: ${{ github.token }} }`.',
    );
  }
  return context.token;
}

async function readEventPayload(
  path: string,
  readText: (path: string) => Promise<string>,
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError('invalid-event', `GITHUB_EVENT_PATH: cannot read ${path}: ${reason}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError('invalid-event', `GITHUB_EVENT_PATH: ${path} is not JSON: ${reason}`);
  }
  if (!isRecord(parsed)) {
    throw new GitHubReportError('invalid-event', `GITHUB_EVENT_PATH: ${path} does not hold a JSON object.`);
  }
  return parsed;
}

function readPullRequest(
  eventName: string,
  event: Record<string, unknown>,
  eventPath: string,
): PullRequestRef | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const pr = event.pull_request;
  const head = isRecord(pr) ? pr.head : undefined;
  const base = isRecord(pr) ? pr.base : undefined;
  const headRepo = isRecord(head) ? head.repo : undefined;
  const number = isRecord(pr) ? pr.number : undefined;
  const headSha = isRecord(head) ? head.sha : undefined;
  const baseRef = isRecord(base) ? base.ref : undefined;
  const headRepository = isRecord(headRepo) ? headRepo.full_name : undefined;
  if (typeof number !== 'number' || typeof headSha !== 'string' || typeof baseRef !== 'string') {
    throw new GitHubReportError(
      'invalid-event',
      `GITHUB_EVENT_PATH: ${eventPath} is a ${eventName} event without pull_request.number, .head.sha and .base.ref.`,
    );
  }
  return {
    number,
    headSha,
    headRepository: typeof headRepository === 'string' ? headRepository : '',
    baseRef,
  };
}

function readDefaultBranch(event: Record<string, unknown>): string | undefined {
  const repository = event.repository;
  const branch = isRecord(repository) ? repository.default_branch : undefined;
  return typeof branch === 'string' ? branch : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
