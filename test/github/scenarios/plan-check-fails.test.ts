import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSystems } from '../../support/local-altinn.ts';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  listWorkflowCommands,
  readPullRequestPayload,
  renderLiveSystem,
  startGitHubScenario,
  systemFile,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const PLAN = ['plan', '--env', 'local', '--report', 'github'];
const HEAD = 'a1'.repeat(20);

/** A green plan check is one apply can carry out: what apply would refuse or fail on fails it. */
describe('the pull request’s plan check fails when apply could not succeed', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    scenario.github.addPullRequest({ number: 7, headSha: HEAD, files: [systemFile('alpha')] });
  });
  afterEach(() => scenario.close());

  const planOnPullRequest = async (extra: string[] = []) =>
    scenario.runStep([...PLAN, ...extra], {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });

  it('a blocked system (a burned id) fails it, also with --detailed-exitcode, and is still shown', async () => {
    await seedSystems(scenario.altinn.url, [renderLiveSystem('alpha', { isDeleted: true })]);
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    for (const extra of [[], ['--detailed-exitcode']]) {
      const step = await planOnPullRequest(extra);
      expect(step.code, step.stderr).toBe(1);
      expect(step.stderr).toContain(
        'sysreg plan: 1 system(s) blocked, which apply will not carry out: 314159268_alpha (id-burned).',
      );
      expect(step.outputs).toMatchObject({ blocked: '1' });
    }
    const [comment] = scenario.github.comments(7);
    expect(comment?.body).toContain('1 blocked');
  });

  it('a resource the environment does not know (AUTH.VLD-00003 at apply) fails it, on the YAML line', async () => {
    const text = renderValidSystem('alpha').replace(
      'value: ske-krav-og-betalinger',
      'value: finnes-ikke-i-altinn',
    );
    await scenario.repo.write(systemFile('alpha'), text);
    const line = text.split('\n').findIndex((row) => row.includes('finnes-ikke-i-altinn')) + 1;

    const step = await planOnPullRequest(['--detailed-exitcode']);
    expect(step.code, step.stderr).toBe(1);
    const errors = listWorkflowCommands(step.stdout).filter((command) => command.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`^::error title=sysreg [^,]+,file=${systemFile('alpha')},line=${line},`),
    );
    expect(errors[0]).toContain('finnes-ikke-i-altinn');
    expect(step.stderr).toContain('sysreg plan: local does not know 1 resource(s) or access package(s)');
    // The plan itself is still reported, so the reviewer sees both.
    expect(scenario.github.comments(7)).toHaveLength(1);
  });

  it('an access package the environment does not know fails it too', async () => {
    await scenario.repo.write(
      systemFile('alpha'),
      renderValidSystem('alpha').replace(
        'urn:altinn:accesspackage:skattegrunnlag',
        'urn:altinn:accesspackage:finnes-ikke',
      ),
    );
    const step = await planOnPullRequest();
    // Offline it is only a warning (the built-in list is short); the environment's catalogue refuses it on the line.
    expect(step.code, step.stderr).toBe(1);
    expect(step.stderr).toMatch(
      /systems\/314159268_alpha\.yaml:\d+:\d+ +error +access-package-known \(AUTH\.VLD-00008\)/,
    );
  });

  it('a plan apply can carry out passes', async () => {
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    const step = await planOnPullRequest(['--detailed-exitcode']);
    expect(step.code, step.stderr).toBe(2);
    expect(listWorkflowCommands(step.stdout).filter((command) => command.startsWith('::error'))).toEqual([]);
  });
});
