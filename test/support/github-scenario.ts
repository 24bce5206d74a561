/**
 * End-to-end GitHub scenarios: the real CLI run as an Actions step runs it, a child process with the
 * step's environment (its annotations on stdout, its outputs and summary in the files GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY name, written by @actions/core in that process), against the local Altinn and
 * the stand-in GitHub, in a scratch repository of its own.
 *
 *   const scenario = await startGitHubScenario();
 *   await scenario.repo.write('systems/alpha.yaml', renderValidSystem('alpha'));
 *   const step = await scenario.runStep(['plan', '--env', 'local', '--report', 'github'], {
 *     eventName: 'pull_request', event, sha });
 *   step.code; step.stdout; step.stderr; step.outputs; step.outputFile; step.summary;
 *   await scenario.close();
 */
import { readFile } from 'node:fs/promises';
import type { LiveSystem } from '../../src/model/wire.ts';
import { createActionsRun } from './actions-run.ts';
import type { FakeGitHub, FakeGitHubOptions } from './fake-github.ts';
import { startFakeGitHub } from './fake-github.ts';
import type { LocalAltinn, TestClient } from './local-altinn.ts';
import { makeLiveSystem, registerTestClient, startLocalAltinn } from './local-altinn.ts';
import type { ScratchRepo } from './scratch-repo.ts';
import { createScratchRepo } from './scratch-repo.ts';
import { runCli } from './run-cli.ts';

/** The vendor of renderValidSystem's files and of the repo's example systems. */
export const SCENARIO_ORG = '314159268';

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT parsed. */
  outputs: Record<string, string>;
  /** GITHUB_OUTPUT as written. */
  outputFile: string;
  /** GITHUB_STEP_SUMMARY as written. */
  summary: string;
}

export interface StepOptions {
  eventName: string;
  event: unknown;
  sha: string;
  withoutToken?: boolean;
  /** Extra or overriding variables (e.g. a different token). */
  env?: Record<string, string>;
}

export interface GitHubScenario {
  altinn: LocalAltinn;
  github: FakeGitHub;
  repo: ScratchRepo;
  client: TestClient;
  runStep(argv: string[], options: StepOptions): Promise<StepResult>;
  close(): Promise<void>;
}

export async function startGitHubScenario(options: FakeGitHubOptions = {}): Promise<GitHubScenario> {
  const altinn = await startLocalAltinn();
  const github = await startFakeGitHub(options);
  const repo = await createScratchRepo();
  const client = await registerTestClient(altinn.url, { orgNumber: SCENARIO_ORG });
  return {
    altinn,
    github,
    repo,
    client,
    async runStep(argv, step) {
      const run = await createActionsRun({
        github,
        eventName: step.eventName,
        event: step.event,
        sha: step.sha,
        ...(step.withoutToken ? { withoutToken: true } : {}),
      });
      try {
        const { code, stdout, stderr } = await runCli(argv, repo.root, undefined, {
          ...client.env,
          ...run.env,
          ...step.env,
        });
        const outputFile = await run.readOutputFile();
        return {
          code,
          stdout,
          stderr,
          outputs: await run.readOutputs(),
          outputFile,
          summary: await run.readSummary(),
        };
      } finally {
        await run.cleanup();
      }
    },
    async close() {
      await Promise.all([altinn.close(), github.close(), repo.remove()]);
    },
  };
}

/**
 * The workflow commands the Actions runner would act on in a step's log: `::cmd` at the start of a
 * line and the legacy `##[cmd]` anywhere, except between `::stop-commands::TOKEN` and `::TOKEN::`.
 */
export function listWorkflowCommands(log: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const raw of log.split('\n')) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = line.match(/^::stop-commands::(.+)$/);
    if (stop) stopToken = stop[1];
    else if (line.startsWith('::') || line.includes('##[')) commands.push(line);
  }
  return commands;
}

/** The repository path of renderValidSystem(name)'s file: the file name must match the id. */
export function systemFile(name: string): string {
  return `systems/${SCENARIO_ORG}_${name}.yaml`;
}

/** The live system that renderValidSystem(name) describes, as Altinn stores it: git and Altinn agree. */
export function renderLiveSystem(name: string, overrides: Partial<LiveSystem> = {}): LiveSystem {
  return makeLiveSystem(SCENARIO_ORG, name, {
    name: { nb: name, nn: name, en: name },
    description: { nb: 'Et system.', nn: 'Eit system.', en: 'A system.' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] }],
    accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
    clientId: [`${name}-client`],
    allowedRedirectUrls: [`https://${name}.example/callback`],
    ...overrides,
  });
}

/** A GitHub event payload from test/github/events/, as the runner writes it to GITHUB_EVENT_PATH. */
export async function readEventPayload(name: string): Promise<Record<string, unknown>> {
  const url = new URL(`../github/events/${name}`, import.meta.url);
  return JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>;
}

/** A pull_request payload for pull request 7 with its head at `sha`, as each push to the branch sends. */
export async function readPullRequestPayload(
  action: 'opened' | 'synchronize',
  sha: string,
): Promise<Record<string, unknown>> {
  const event = await readEventPayload(`pull_request.${action}.json`);
  const pull = event.pull_request as { head: { sha: string } };
  pull.head.sha = sha;
  if (action === 'synchronize') event.after = sha;
  return event;
}
