import { describe, expect, it } from 'vitest';
import { readActionsContext, requireToken } from '../../src/github/actions-environment.ts';
import { readEvent } from './plan-helpers.ts';

function environment(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GITHUB_API_URL: 'https://api.github.test/',
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_REPOSITORY: 'acme/systems',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: '/events/event.json',
    GITHUB_SHA: 'merge-sha',
    GITHUB_RUN_ID: '77',
    GITHUB_STEP_SUMMARY: '/tmp/summary',
    GITHUB_OUTPUT: '/tmp/output',
    GITHUB_TOKEN: 'ghs_x',
    ...overrides,
  };
}

const reading = (name: string) => ({ readText: async () => JSON.stringify(await readEvent(name)) });

describe('reading the Actions environment', () => {
  it('gives a typed context for a pull request', async () => {
    const context = await readActionsContext(environment(), reading('pull_request.opened.json'));
    expect(context).toMatchObject({
      apiUrl: 'https://api.github.test',
      owner: 'acme',
      repo: 'systems',
      eventName: 'pull_request',
      sha: 'merge-sha',
      runUrl: 'https://github.test/acme/systems/actions/runs/77',
      defaultBranch: 'main',
      pullRequest: {
        number: 7,
        headSha: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
        headRepository: 'acme/systems',
        baseRef: 'main',
      },
    });
    expect(requireToken(context)).toBe('ghs_x');
  });

  it('tells a fork by its head repository', async () => {
    const context = await readActionsContext(environment(), reading('pull_request.fork.json'));
    expect(context.pullRequest?.headRepository).toBe('outsider/systems');
  });

  it('has no pull request on push, schedule and dispatch', async () => {
    for (const [name, file] of [
      ['push', 'push.json'],
      ['schedule', 'schedule.json'],
      ['workflow_dispatch', 'workflow_dispatch.json'],
    ] as const) {
      const context = await readActionsContext(environment({ GITHUB_EVENT_NAME: name }), reading(file));
      expect(context.pullRequest).toBeUndefined();
      expect(context.defaultBranch).toBe('main');
    }
  });

  it('names every missing variable in one message', async () => {
    const error = await readActionsContext(
      environment({ GITHUB_STEP_SUMMARY: undefined, GITHUB_OUTPUT: '', GITHUB_RUN_ID: undefined }),
      reading('push.json'),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'missing-environment' });
    expect((error as Error).message).toContain(
      'GITHUB_RUN_ID, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT are not set',
    );
  });

  it('names a missing token only when the API is needed', async () => {
    const context = await readActionsContext(
      environment({ GITHUB_TOKEN: undefined, GITHUB_EVENT_NAME: 'push' }),
      reading('push.json'),
    );
    expect(() => requireToken(context)).toThrow(/GITHUB_TOKEN is not set/);
  });

  it('refuses a malformed repository, an unreadable or non-JSON event, and a pull request event without one', async () => {
    await expect(
      readActionsContext(environment({ GITHUB_REPOSITORY: 'acme' }), reading('push.json')),
    ).rejects.toThrow(/GITHUB_REPOSITORY must be 'owner\/name'/);
    await expect(
      readActionsContext(environment(), {
        readText: () => Promise.reject(new Error('ENOENT: no such file')),
      }),
    ).rejects.toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining('/events/event.json'),
    });
    await expect(readActionsContext(environment(), { readText: async () => '{nope' })).rejects.toMatchObject({
      code: 'invalid-event',
    });
    await expect(readActionsContext(environment(), reading('push.json'))).rejects.toThrow(
      /pull_request event without pull_request.number/,
    );
  });
});
