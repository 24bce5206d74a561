import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/octokit.ts';
import { renderStickyMarker, upsertStickyComment } from '../../src/github/sticky-comment.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';

describe('sticky comment', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 7, headSha: 'a'.repeat(40) });
  });
  afterEach(() => github.close());

  const upsert = (body: string, marker = renderStickyMarker('plan', 'tt02')) =>
    upsertStickyComment({
      author: 'github-actions[bot]',
      octokit: createOctokit({ apiUrl: github.url, token: github.token, timing: { writeIntervalMs: 0 } }),
      owner: 'acme',
      repo: 'systems',
      issueNumber: 7,
      marker,
      body,
    });

  it('heals a duplicate left by two racing runs: keeps the oldest, updates it, removes the rest', async () => {
    github.addComment(7, 'unrelated');
    const oldest = github.addComment(7, '<!-- sysreg:plan:tt02 -->\nold plan', 'github-actions[bot]');
    github.addComment(7, '<!-- sysreg:plan:tt02 -->\nracing plan', 'github-actions[bot]');
    const result = await upsert('new plan');
    expect(result).toMatchObject({ action: 'updated', commentId: oldest.id });
    expect(github.comments(7).map((c) => c.body)).toEqual([
      'unrelated',
      '<!-- sysreg:plan:tt02 -->\nnew plan',
    ]);
  });

  it('does not mistake another environment or a quoted marker-like text for its own', async () => {
    github.addComment(7, '<!-- sysreg:plan:prod -->\nprod plan', 'github-actions[bot]');
    github.addComment(7, 'sysreg:plan:tt02 mentioned in prose', 'reviewer');
    expect((await upsert('tt02 plan')).action).toBe('created');
    expect(github.comments(7)).toHaveLength(3);
  });

  it('refuses a marker that is not an HTML comment, so it can never show', async () => {
    await expect(upsert('x', 'sysreg plan')).rejects.toThrow(/must be an HTML comment/);
    expect(renderStickyMarker('plan', 'tt02 --> <b>')).toBe('<!-- sysreg:plan:tt02_--___b_ -->');
    expect(github.requests).toEqual([]);
  });
});
