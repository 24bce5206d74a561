import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  listWorkflowCommands,
  readPullRequestPayload,
  startGitHubScenario,
  systemFile,
} from '../../support/github-scenario.ts';
import { runCli } from '../../support/run-cli.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const HEAD = 'a1'.repeat(20);

describe('the Altinn access token in an Actions log', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: [systemFile('alpha')] });
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
  });
  afterEach(() => scenario.close());

  it('is registered with ::add-mask:: on stderr as soon as it arrives, so JSON on stdout stays clean', async () => {
    const step = await scenario.runStep(
      ['plan', '--env', 'local', '--report', 'github', '--format', 'json'],
      {
        eventName: 'pull_request',
        event: await readPullRequestPayload('opened', HEAD),
        sha: 'f1'.repeat(20),
      },
    );
    expect(step.code, step.stderr).toBe(0);
    expect(JSON.parse(step.stdout)).toMatchObject({ environment: 'local' });
    const masks = listWorkflowCommands(step.stderr).filter((line) => line.startsWith('::add-mask::'));
    expect(masks).toHaveLength(1);
    // The bearer value: a signed JWT from the (local) Maskinporten, never printed in the clear.
    const token = masks[0]!.slice('::add-mask::'.length);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(step.stdout).not.toContain('::add-mask::');
    expect(step.stderr.indexOf(token)).toBe(step.stderr.indexOf(masks[0]!) + '::add-mask::'.length);
  });

  it('is not printed outside Actions', async () => {
    const run = await runCli(['plan', '--env', 'local'], scenario.repo.root, undefined, scenario.client.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('::add-mask::');
  });
});
