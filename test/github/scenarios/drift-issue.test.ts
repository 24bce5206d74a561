import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSystems } from '../../support/local-altinn.ts';
import type { GitHubScenario, StepResult } from '../../support/github-scenario.ts';
import {
  readEventPayload,
  renderLiveSystem,
  startGitHubScenario,
  systemFile,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const DRIFT = ['drift', '--env', 'local', '--report', 'github', '--detailed-exitcode'];
const MARKER = '<!-- sysreg:drift:local -->';

describe('drift --report github on a schedule', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    await scenario.repo.write(systemFile('beta'), renderValidSystem('beta'));
  });
  afterEach(() => scenario.close());

  async function runDrift(sha: string): Promise<StepResult> {
    return scenario.runStep(DRIFT, {
      eventName: 'schedule',
      event: await readEventPayload('schedule.json'),
      sha,
    });
  }

  it('opens one issue when drift appears, updates it while it lasts, closes it when it is gone', async () => {
    const { altinn, github } = scenario;
    const beta = renderLiveSystem('beta');

    // 1. Altinn matches git: no issue.
    await seedSystems(altinn.url, [renderLiveSystem('alpha'), beta]);
    const clean = await runDrift('01'.repeat(20));
    expect(clean.code).toBe(0);
    expect(clean.outputs).toEqual({ drift: 'false', issue: '', 'issue-action': 'none' });
    expect(github.issues()).toEqual([]);

    // 2. Someone edits alpha's description in Altinn: an issue opens, labelled sysreg-drift.
    await seedSystems(altinn.url, [
      renderLiveSystem('alpha', {
        description: { nb: 'Endret i portalen.', nn: 'Eit system.', en: 'A system.' },
      }),
    ]);
    const opened = await runDrift('02'.repeat(20));
    expect(opened.code).toBe(2);
    expect(opened.stderr).toContain('sysreg drift: drift issue #1 opened.');
    expect(opened.outputs).toEqual({ drift: 'true', issue: '1', 'issue-action': 'opened' });
    expect(github.labels().map((label) => label.name)).toEqual(['sysreg-drift']);
    let [issue] = github.issues();
    expect(issue).toMatchObject({ number: 1, state: 'open', labels: ['sysreg-drift'] });
    expect(issue!.title).toBe('sysreg: live Altinn (local) has drifted from git');
    expect(issue!.body.startsWith(`${MARKER}\n### sysreg drift · \`local\``)).toBe(true);
    expect(issue!.body).toContain('changed outside git');
    expect(issue!.body).toContain('<code>314159268&#95;alpha</code>');
    expect(issue!.body).not.toContain('314159268&#95;beta');
    expect(opened.summary).toContain('### sysreg drift · `local`');

    // 3. beta is also deleted in Altinn while its file is live: the same issue is updated in place.
    await seedSystems(altinn.url, [{ ...beta, isDeleted: true }]);
    const updated = await runDrift('03'.repeat(20));
    expect(updated.code).toBe(2);
    expect(updated.outputs).toEqual({ drift: 'true', issue: '1', 'issue-action': 'updated' });
    [issue] = github.issues();
    expect(github.issues()).toHaveLength(1);
    expect(issue!.body).toContain('<code>314159268&#95;alpha</code>');
    expect(issue!.body).toContain('<code>314159268&#95;beta</code>');

    // 4. Altinn is put back to git (alpha) and the file for beta becomes a tombstone: drift is gone.
    await seedSystems(altinn.url, [renderLiveSystem('alpha')]);
    await scenario.repo.write(systemFile('beta'), `${renderValidSystem('beta')}isDeleted: true\n`);
    const closed = await runDrift('04'.repeat(20));
    expect(closed.code).toBe(0);
    expect(closed.stderr).toContain('sysreg drift: drift issue #1 closed.');
    expect(closed.outputs).toEqual({ drift: 'false', issue: '1', 'issue-action': 'closed' });
    expect(github.issues()).toEqual([
      expect.objectContaining({ number: 1, state: 'closed', stateReason: 'completed' }),
    ]);
    const closing = github.comments(1);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.body).toContain('Drift in local is gone');

    // 5. Still clean on the next run: nothing is reopened or posted.
    const writesBefore = github.writes().length;
    const quiet = await runDrift('05'.repeat(20));
    expect(quiet.outputs['issue-action']).toBe('none');
    expect(github.writes()).toHaveLength(writesBefore);

    const issueWrites = github
      .writes()
      .map((request) => `${request.method} ${request.path}`)
      .filter((line) => line.includes('/issues'));
    expect(issueWrites).toEqual([
      'POST /repos/acme/systems/issues',
      'PATCH /repos/acme/systems/issues/1',
      'POST /repos/acme/systems/issues/1/comments',
      'PATCH /repos/acme/systems/issues/1',
    ]);
  });
});
