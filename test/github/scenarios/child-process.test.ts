/**
 * The real CLI as a child process on Node 24, as the workflow runs it: `--report github` loads the
 * GitHub stack on demand (type-stripped .ts, octokit) and reports over loopback.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActionsRun } from '../../support/actions-run.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import { readPullRequestPayload, startGitHubScenario, systemFile } from '../../support/github-scenario.ts';
import { REPO_ROOT } from '../../support/run-cli.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const CLI = path.join(REPO_ROOT, 'src', 'cli.ts');
const HEAD = 'a1'.repeat(20);

function runChild(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      NODE,
      [CLI, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('sysreg plan --report github as a child process', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: [systemFile('alpha')] });
  });
  afterEach(() => scenario.close());

  it('posts the sticky comment, prints the annotations and writes the outputs', async () => {
    const run = await createActionsRun({
      github: scenario.github,
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    try {
      const result = await runChild(
        ['plan', 'systems', '--env', 'local', '--report', 'github', '--out', 'sysreg-plan-local.json'],
        scenario.repo.root,
        { ...scenario.client.env, ...run.env },
      );
      // The access token is masked first (in Actions), then the one line about the comment.
      expect(result.stderr).toMatch(
        /^::add-mask::[\w-]+\.[\w-]+\.[\w-]+\nsysreg plan: plan comment created on #7\.\n$/,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `::notice title=sysreg plan%3A create in local,file=${systemFile('alpha')},line=1,col=1::`,
      );
      expect(await run.readOutputs()).toMatchObject({ changes: '1', creates: '1' });
      const [comment] = scenario.github.comments(7);
      expect(comment!.body.startsWith('<!-- sysreg:plan:local -->\n### sysreg plan · `local`')).toBe(true);
    } finally {
      await run.cleanup();
    }
  });
});
