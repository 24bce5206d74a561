/** Builders shared by the plan scenario tests: a plan report as the plan command will hand it over. */
import { readFile } from 'node:fs/promises';
import type { PlanReport } from '../../src/github/report.ts';

export async function readEvent(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(new URL(`./events/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** A pull_request payload with its head moved to `sha`, as each push to the branch produces. */
export async function readPullRequestEvent(name: string, sha: string): Promise<Record<string, unknown>> {
  const event = await readEvent(name);
  const pull = event.pull_request as { head: { sha: string } };
  pull.head.sha = sha;
  if (event.action === 'synchronize') event.after = sha;
  return event;
}

export function buildPlanReport(overrides: Partial<PlanReport> = {}): PlanReport {
  return {
    environment: 'tt02',
    commit: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
    checksum: 'sha256:0f3c9a',
    markdown:
      '**1 to update**\n\n<details><summary>acme-payroll: update</summary>\n\n' +
      '| field | from | to |\n|---|---|---|\n| redirectUrls | 1 | 2 |\n\n</details>\n',
    summaryMarkdown: '**1 to update**: acme-payroll\n',
    counts: { creates: 0, updates: 1, deletes: 0, blocked: 0, unmanaged: 0, changes: 1 },
    changedFilesInPlan: [{ file: 'systems/acme-payroll.yaml', systemId: 'acme-payroll' }],
    annotations: [
      {
        file: 'systems/acme-payroll.yaml',
        line: 12,
        col: 3,
        level: 'notice',
        title: 'sysreg plan: update acme-payroll',
        message: 'redirectUrls: 1 added',
      },
    ],
    ...overrides,
  };
}
