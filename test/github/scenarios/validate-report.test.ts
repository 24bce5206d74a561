import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubScenario } from '../../support/github-scenario.ts';
import {
  readEventPayload,
  readPullRequestPayload,
  startGitHubScenario,
  systemFile,
  listWorkflowCommands,
} from '../../support/github-scenario.ts';
import { renderValidSystem } from '../../support/scratch-repo.ts';

const HEAD = 'a1'.repeat(20);

describe('validate --report github on a pull request', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await startGitHubScenario();
    await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
    // Line 21 holds the redirect URL: plain http is refused (redirect-url-https, AUTH.VLD-00005).
    await scenario.repo.write(
      systemFile('beta'),
      renderValidSystem('beta').replace('https://beta.example/callback', 'http://beta.example/callback'),
    );
  });
  afterEach(() => scenario.close());

  async function runValidate(extra: string[] = []) {
    return scenario.runStep(['validate', '--report', 'github', ...extra], {
      eventName: 'pull_request',
      event: await readPullRequestPayload('opened', HEAD),
      sha: 'f1'.repeat(20),
    });
  }

  it('annotates the offending line, writes the job summary and the outputs, and calls no API', async () => {
    const step = await runValidate();
    expect(step.code).toBe(1);
    const annotations = listWorkflowCommands(step.stdout);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toBe(
      // @actions/core's order: title, file, line, endLine, col, endColumn.
      '::error title=sysreg redirect-url-https (AUTH.VLD-00005),' +
        `file=${systemFile('beta')},line=21,endLine=21,col=5,endColumn=33::` +
        '`http://beta.example/callback` is not an absolute https URL.%0AWrite it as https://host/path.',
    );
    // The human-readable text report stays in the log.
    expect(step.stdout).toContain('1 error in 1 of 2 files.');
    expect(step.outputs).toEqual({ errors: '1', warnings: '0' });
    expect(step.summary).toContain('### sysreg validate ❌');
    expect(step.summary).toContain('| Where | Severity | Rule | Message |');
    expect(step.summary).toContain(`| ${systemFile('beta').replace('_', '&#95;')}&#58;21&#58;`);
    expect(scenario.github.requests).toEqual([]);
  });

  it('with --format github prints each annotation once', async () => {
    const step = await runValidate(['--format', 'github']);
    expect(step.code).toBe(1);
    expect(listWorkflowCommands(step.stdout).filter((line) => line.startsWith('::error'))).toHaveLength(1);
  });

  it('needs no token, so it runs on a pull request from a fork', async () => {
    const step = await scenario.runStep(['validate', '--report', 'github'], {
      eventName: 'pull_request',
      event: await readEventPayload('pull_request.fork.json'),
      sha: 'f1'.repeat(20),
      withoutToken: true,
    });
    expect(step.code).toBe(1);
    expect(step.stderr).toBe('');
    expect(listWorkflowCommands(step.stdout).filter((line) => line.startsWith('::error'))).toHaveLength(1);
    expect(step.outputs).toEqual({ errors: '1', warnings: '0' });
  });

  it('reports a clean repository as valid', async () => {
    await scenario.repo.write(systemFile('beta'), renderValidSystem('beta'));
    const step = await runValidate();
    expect(step.code).toBe(0);
    expect(listWorkflowCommands(step.stdout)).toEqual([]);
    expect(step.outputs).toEqual({ errors: '0', warnings: '0' });
    expect(step.summary).toContain('### sysreg validate ✅\n\n2 files valid.');
  });
});
