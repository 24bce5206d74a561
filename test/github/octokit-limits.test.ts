import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit, readGitHubTiming } from '../../src/github/octokit.ts';
import { upsertStickyComment } from '../../src/github/sticky-comment.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';

describe('the GitHub client stays bounded', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 7, headSha: 'a'.repeat(40) });
  });
  afterEach(() => github.close());

  const post = (maxRateLimitWaitSeconds: number) =>
    upsertStickyComment({
      author: 'github-actions[bot]',
      octokit: createOctokit({
        apiUrl: github.url,
        token: github.token,
        timing: { writeIntervalMs: 0, retryBaseMs: 1, retries: 1, maxRateLimitWaitSeconds },
      }),
      owner: 'acme',
      repo: 'systems',
      issueNumber: 7,
      marker: '<!-- sysreg:plan:tt02 -->',
      body: 'plan',
    });

  const rateLimited = (resetInSeconds: number) => ({
    method: 'POST',
    path: /\/comments$/,
    status: 403,
    message: 'API rate limit exceeded',
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
    },
  });

  it('waits out a short rate limit once', async () => {
    github.failNext(rateLimited(0));
    const result = await post(60);
    expect(result.action).toBe('created');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('fails at once when the rate limit would outlast the wait it allows', async () => {
    github.failNext(rateLimited(3600));
    const started = Date.now();
    await expect(post(60)).rejects.toMatchObject({ code: 'api-failed', status: 403 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('reads its tuning from the environment and ignores nonsense', () => {
    expect(
      readGitHubTiming({
        SYSREG_GITHUB_RETRIES: '2',
        SYSREG_GITHUB_RETRY_BASE_MS: '5',
        SYSREG_GITHUB_WRITE_INTERVAL_MS: '0',
        SYSREG_GITHUB_TIMEOUT_MS: 'soon',
      }),
    ).toEqual({ retries: 2, retryBaseMs: 5, writeIntervalMs: 0 });
    expect(readGitHubTiming({})).toEqual({});
  });
});
