import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportApplyToGitHub } from '../../../src/github/report-command.ts';
import { captureOutput, createActionsRun, recordRunner } from '../../support/actions-run.ts';
import { seedSystems } from '../../support/local-altinn.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readEventPayload,
  readPullRequestPayload,
  renderLiveSystem,
  startGitHubScenario,
  systemFile,
  listWorkflowCommands,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

/** Markdown, HTML, a link, a mention and a code fence, all in one system name. */
const HOSTILE =
  'Evil **bold** _it_ <img src=x onerror=alert(1)> [link](https://x.test) @someone ``` # h ##[error]injected ##[set-output name=changes;]0';
const HEAD = 'a1'.repeat(20);

/** Everything a reader of the rendered comment would see acting as Markdown, HTML or a mention. */
function expectInert(body: string): void {
  expect(body).not.toContain('**bold**');
  expect(body).not.toContain('_it_');
  expect(body).not.toContain('<img');
  expect(body).not.toContain('[link](');
  expect(body).not.toContain('```');
  // A mention is `@` directly followed by a login; the renderer breaks it with a zero-width joiner.
  expect(body).not.toMatch(/@someone/);
  expect(body).toContain('@\u200dsomeone');
  // The only raw HTML is the renderer's own.
  const tags = [...body.matchAll(/<\/?([a-z]+)/gi)].map((match) => match[1]!.toLowerCase());
  expect(new Set(tags)).toEqual(
    new Set(tags.filter((tag) => ['details', 'summary', 'code', 'pre', 'sub', 'b', 'br'].includes(tag))),
  );
}

describe('a system name with Markdown, HTML and @someone renders inert', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    const yaml = renderValidSystem('alpha').replace(
      /^name:\n {2}nb: alpha\n {2}nn: alpha\n {2}en: alpha$/m,
      `name:\n  nb: '${HOSTILE}'\n  nn: '${HOSTILE}'\n  en: '${HOSTILE}'`,
    );
    expect(yaml).toContain(HOSTILE);
    await scenario.repo.write(systemFile('alpha'), yaml);
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: [systemFile('alpha')] });
  });
  afterEach(() => scenario.close());

  it('in the plan comment and the job summary', async () => {
    const step = await scenario.runStep(['plan', '--env', 'local', '--report', 'github'], {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(0);
    // The log prints the name, but the runner acts only on sysreg's own annotation.
    expect(step.stdout).toContain('##[error]injected');
    expect(listWorkflowCommands(step.stdout)).toEqual([
      `::notice title=sysreg plan%3A create in local,file=${systemFile('alpha')},line=1,col=1::314159268_alpha will be created in local.`,
    ]);
    const body = scenario.github.comments(7)[0]!.body;
    // The name is there, entity-escaped (`*` is &#42;), so readers still see it as text.
    expect(body).toContain('Evil &#42;&#42;bold&#42;&#42;');
    expectInert(body);
    expectInert(step.summary);
  });

  it('in the drift issue', async () => {
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    await seedSystems(scenario.altinn.url, [
      renderLiveSystem('alpha', { name: { nb: HOSTILE, nn: HOSTILE, en: HOSTILE } }),
    ]);
    const step = await scenario.runStep(['drift', '--env', 'local', '--report', 'github'], {
      eventName: 'schedule',
      event: await readEventPayload('schedule.json'),
      sha: 'f1'.repeat(20),
    });
    expect(step.code).toBe(0);
    expect(step.stdout).toContain('##[error]injected');
    expect(listWorkflowCommands(step.stdout)).toEqual([]);
    const [issue] = scenario.github.issues();
    expect(issue!.body).toContain('Evil &#42;&#42;bold&#42;&#42;');
    expectInert(issue!.body);
  });

  it('in the apply comment', async () => {
    scenario.github.addPullRequest({ number: 8, headSha: 'b2'.repeat(20), merged: true, state: 'closed' });
    scenario.github.linkCommit('c3'.repeat(20), [8]);
    const run = await createActionsRun({
      github: scenario.github,
      eventName: 'push',
      event: await readEventPayload('push.json'),
      sha: 'c3'.repeat(20),
    });
    try {
      await reportApplyToGitHub(
        { env: run.env, stderr: captureOutput(), runner: recordRunner() },
        {
          environment: 'tt02',
          checksum: 'sha256:00',
          ok: false,
          notes: [],
          changes: [
            {
              systemId: '314159268_alpha',
              action: 'create',
              status: 'failed',
              name: { en: HOSTILE },
              detail: HOSTILE,
            },
          ],
        },
      );
    } finally {
      await run.cleanup();
    }
    const body = scenario.github.comments(8)[0]!.body;
    expect(body).toContain('Evil &#42;&#42;bold&#42;&#42;');
    expectInert(body);
  });
});
