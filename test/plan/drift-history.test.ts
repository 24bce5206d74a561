/**
 * Drift with history (§8.2): a second client changes a system through the API; drift names that
 * client and the change's date in text, JSON and the drift issue, and leaves sysreg's own writes out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToAltinn } from '../../src/altinn/connect.ts';
import type { DriftReport } from '../../src/plan/drift.ts';
import type { GitHubScenario } from '../support/github-scenario.ts';
import {
  readEventPayload,
  SCENARIO_ORG,
  startGitHubScenario,
  systemFile,
} from '../support/github-scenario.ts';
import { registerTestClient } from '../support/local-altinn.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

const ID = `${SCENARIO_ORG}_alpha`;
const OTHER_CLIENT = 'portal-editor-7f3a';

/** As GitHub shows Markdown: the renderer writes punctuation as character references. */
const shown = (markdown: string) =>
  markdown.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

let scenario: GitHubScenario;
let changedAt: string;

async function step(argv: string[]) {
  return scenario.runStep(argv, {
    eventName: 'schedule',
    event: await readEventPayload('schedule.json'),
    sha: '05'.repeat(20),
  });
}

beforeAll(async () => {
  scenario = await startGitHubScenario();
  await scenario.repo.write(systemFile('alpha'), renderValidSystem('alpha'));
  const applied = await step(['apply', '--env', 'local']);
  expect(applied.code, applied.stderr).toBe(0);

  // Another Maskinporten client of the same vendor renames the system through the register API.
  const other = await registerTestClient(scenario.altinn.url, {
    orgNumber: SCENARIO_ORG,
    clientId: OTHER_CLIENT,
  });
  const connection = await connectToAltinn({
    environment: 'local',
    env: other.env,
    altinnUrl: scenario.altinn.url,
  });
  try {
    const lookup = await connection.client.getSystem(ID);
    if (lookup.status !== 'found') throw new Error(`${ID} is not there`);
    const { isDeleted: _deleted, ...live } = lookup.system;
    await connection.client.updateSystem(ID, {
      ...live,
      rights: live.rights ?? [],
      accessPackages: live.accessPackages ?? [],
      name: { ...live.name, en: 'Renamed in the portal' },
    });
    const [latest] = await connection.client.getChangelog(ID);
    expect(latest).toMatchObject({ changeType: 'update', clientId: OTHER_CLIENT });
    changedAt = latest!.created;
  } finally {
    await connection.close();
  }
}, 30_000);

afterAll(async () => {
  await scenario?.close();
});

describe('drift names who changed a system outside git, and when', () => {
  const date = () => `${changedAt.slice(0, 10)} ${changedAt.slice(11, 19)} UTC`;

  it('in text', async () => {
    const run = await step(['drift', '--env', 'local']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Changed outside sysreg (newest first):');
    expect(run.stdout).toContain(`${date()}  update  by org ${SCENARIO_ORG}  through client ${OTHER_CLIENT}`);
    // sysreg's own create is what git did: not listed.
    expect(run.stdout).not.toContain('  create  ');
  });

  it('in JSON', async () => {
    const run = await step(['drift', '--env', 'local', '--format', 'json']);
    const report = JSON.parse(run.stdout) as DriftReport;
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({
      systemId: ID,
      kind: 'changed-outside-git',
      history: [
        {
          created: changedAt,
          changeType: 'update',
          changedByOrgNumber: SCENARIO_ORG,
          clientId: OTHER_CLIENT,
        },
      ],
    });
  });

  it('in the drift issue', async () => {
    const run = await step(['drift', '--env', 'local', '--report', 'github', '--detailed-exitcode']);
    expect(run.code).toBe(2);
    const [issue] = scenario.github.issues();
    const body = shown(issue!.body);
    expect(body).toContain('**Changed outside sysreg (newest first):**');
    expect(body).toContain(
      `| ${date()} | <code>update</code> | <code>${SCENARIO_ORG}</code> | <code>${OTHER_CLIENT}</code> |`,
    );
  });

  it('after sysreg puts it back, the history shows only what came after its own write', async () => {
    const applied = await step(['apply', '--env', 'local']);
    expect(applied.code, applied.stderr).toBe(0);
    const clean = await step(['drift', '--env', 'local', '--format', 'json']);
    expect((JSON.parse(clean.stdout) as DriftReport).items).toEqual([]);
  });
});
