import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSystems } from '../../support/local-altinn.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readPullRequestPayload,
  renderLiveSystem,
  startGitHubScenario,
  systemFile,
  listWorkflowCommands,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const PLAN = ['plan', '--env', 'local', '--report', 'github'];
const HEAD = 'a1'.repeat(20);
const ALPHA = systemFile('alpha');
const BETA = systemFile('beta');

describe('plan --report github when live Altinn drifted outside the pull request', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    await scenario.repo.write(ALPHA, renderValidSystem('alpha'));
    await scenario.repo.write(BETA, renderValidSystem('beta'));
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: [ALPHA] });
  });
  afterEach(() => scenario.close());

  it('flags the change to the untouched file in the comment, as a warning annotation and in the outputs', async () => {
    const { altinn, github, repo } = scenario;
    // Git and Altinn agree on alpha; beta's description was edited in Altinn, outside git.
    await seedSystems(altinn.url, [
      renderLiveSystem('alpha'),
      renderLiveSystem('beta', {
        description: { nb: 'Endret i portalen.', nn: 'Eit system.', en: 'A system.' },
      }),
    ]);
    // The pull request changes alpha's redirect URL, and only alpha's file.
    await repo.write(
      ALPHA,
      renderValidSystem('alpha').replace(
        'https://alpha.example/callback',
        'https://alpha.example/v2/callback',
      ),
    );

    const step = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(0);
    expect(step.stderr).toContain(
      "sysreg plan: 1 planned change(s) outside this pull request's files: 314159268_beta.",
    );
    expect(step.outputs).toMatchObject({ changes: '2', updates: '2', unrelated: '1' });

    const body = github.comments(7)[0]!.body;
    expect(body).toContain('> [!WARNING]');
    expect(body).toContain(`> - \`314159268_beta\` (\`${BETA}\`)`);
    expect(body).not.toContain(`> - \`314159268_alpha\``);

    const annotations = listWorkflowCommands(step.stdout);
    // The plan's own annotations: each changed field, on its line in each file.
    expect(annotations).toContain(
      `::notice title=sysreg plan%3A update in local,file=${ALPHA},line=20,col=1::allowedRedirectUrls changes in local.`,
    );
    expect(annotations).toContain(
      `::notice title=sysreg plan%3A update in local,file=${BETA},line=8,col=1::description changes in local.`,
    );
    // Then the flag on the file the pull request does not touch.
    expect(annotations.at(-1)).toMatch(
      new RegExp(
        `^::warning title=sysreg plan%3A change outside this pull request,file=${BETA.replace(/[.]/g, '\\.')},line=1::` +
          'The local plan changes system 314159268_beta, but this pull request does not touch',
      ),
    );
    expect(annotations.filter((line) => line.startsWith('::warning'))).toHaveLength(1);
    expect(step.summary).toContain(`> - \`314159268_beta\` (\`${BETA}\`)`);
  });

  it('raises no flag when Altinn matches git outside the pull request', async () => {
    await seedSystems(scenario.altinn.url, [renderLiveSystem('alpha'), renderLiveSystem('beta')]);
    await scenario.repo.write(
      ALPHA,
      renderValidSystem('alpha').replace(
        'https://alpha.example/callback',
        'https://alpha.example/v2/callback',
      ),
    );
    const step = await scenario.runStep(PLAN, {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(0);
    expect(step.outputs).toMatchObject({ changes: '1', updates: '1', unrelated: '0' });
    expect(scenario.github.comments(7)[0]!.body).not.toContain('[!WARNING]');
    expect(listWorkflowCommands(step.stdout).filter((line) => line.startsWith('::warning'))).toEqual([]);
  });

  it('keeps stdout parseable JSON with --format json: annotations go to stderr, which the runner reads too', async () => {
    await seedSystems(scenario.altinn.url, [renderLiveSystem('alpha'), renderLiveSystem('beta')]);
    await scenario.repo.write(
      ALPHA,
      renderValidSystem('alpha').replace(
        'https://alpha.example/callback',
        'https://alpha.example/v2/callback',
      ),
    );
    const step = await scenario.runStep([...PLAN, '--format', 'json'], {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(0);
    const plan = JSON.parse(step.stdout) as { counts: { update: number } };
    expect(plan.counts.update).toBe(1);
    expect(listWorkflowCommands(step.stdout)).toEqual([]);
    expect(listWorkflowCommands(step.stderr)).toContain(
      `::notice title=sysreg plan%3A update in local,file=${ALPHA},line=20,col=1::allowedRedirectUrls changes in local.`,
    );
  });
});
