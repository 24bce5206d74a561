/**
 * The edge work shared by `plan`, `drift` and `apply`: load what git wants, connect to Altinn, read
 * what Altinn has. The pure planner (src/plan/) then compares the two.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AltinnConnection } from '../../altinn/connect.ts';
import { AltinnClientError } from '../../altinn/errors.ts';
import { readLiveState } from '../../altinn/read-live-state.ts';
import type { SysregConfig } from '../../config/config.ts';
import { createPlan } from '../../plan/plan.ts';
import type { Plan } from '../../plan/plan-types.ts';
import type { ChangelogLookup, LiveState, SystemUsersLookup } from '../../model/live-state.ts';
import { createDriftReport, type DriftInput, type DriftReport } from '../../plan/drift.ts';
import { renderDiagnosticsText } from '../../systems/render-diagnostics.ts';
import { UsageError, type CommandContext } from '../../model/command.ts';
import { openAltinnConnection, type AltinnConnectionOptions } from './altinn-connection.ts';
import { loadDesiredState, type DesiredState } from './desired-state.ts';

export interface LiveComparison {
  environment: string;
  commit: string | undefined;
  /** The files differ from `commit` (edited, not yet committed); the text header says so. */
  uncommitted: boolean;
  config: SysregConfig;
  desiredState: DesiredState;
  live: LiveState;
  connection: AltinnConnection;
}

export type CompareOptions = AltinnConnectionOptions;

/**
 * Loads and validates the repository while it reads live state: loading is CPU work and reading is
 * waiting, so they overlap (the vendor's systems are read while the files load; the ids only the
 * files name, after). Invalid files stop the run with their diagnostics, which win over a failed
 * read, and the reads in flight are cancelled: nothing is planned from a half-understood
 * repository. The caller closes `connection`.
 */
export async function compareWithAltinn(
  context: CommandContext,
  options: CompareOptions,
): Promise<LiveComparison> {
  const loading = loadDesiredState(context.cwd, options.environment);
  // Awaited below; this only keeps a failure from counting as unhandled while the connection opens.
  loading.catch(() => undefined);
  const commitReading = readCommit(context);
  const { config, connection } = await openAltinnConnection(context, options);
  try {
    const live = await readLiveState(connection.client, {
      environment: options.environment,
      ...(context.signal ? { signal: context.signal } : {}),
      repoIds: loading.then((state) =>
        state.invalid
          ? Promise.reject(new Error('invalid files'))
          : state.desired.map((system) => system.spec.id),
      ),
    });
    const desiredState = await loading;
    const { commit, uncommitted } = await commitReading;
    return { environment: options.environment, commit, uncommitted, config, desiredState, live, connection };
  } catch (error) {
    await connection.close();
    // Invalid files are the first thing to fix, whatever else failed meanwhile.
    const desiredState = await loading.catch(() => undefined);
    if (desiredState?.invalid) stopOnInvalidFiles(context, desiredState);
    throw error;
  }
}

/** Prints the diagnostics and throws when any file has errors. */
function stopOnInvalidFiles(context: CommandContext, desiredState: DesiredState): void {
  if (!desiredState.invalid) return;
  context.stderr.write(
    renderDiagnosticsText({
      diagnostics: desiredState.diagnostics,
      fileCount: desiredState.files.length,
      sources: desiredState.sources,
    }),
  );
  throw new UsageError('the system files have errors; fix them before comparing with Altinn.');
}

export function planComparison(comparison: LiveComparison): Plan {
  return createPlan({
    desired: comparison.desiredState.desired,
    live: comparison.live,
    settings: { prune: comparison.config.prune, safety: comparison.config.safety },
    environment: comparison.environment,
    ...(comparison.commit ? { commit: comparison.commit } : {}),
  });
}

/**
 * The plan, with the cost of each delete: the system users that stop working (§8.3), read for the
 * systems the plan deletes and planned again with them. A failed read leaves that cost unknown (and
 * says so on the delete) rather than failing the plan.
 */
export async function planComparisonWithDeleteCosts(comparison: LiveComparison): Promise<Plan> {
  const plan = planComparison(comparison);
  const deleted = plan.changes
    .filter((change) => change.action === 'delete')
    .map((change) => change.systemId);
  if (deleted.length === 0) return plan;
  const client = comparison.connection.client;
  const systemUsers: Record<string, SystemUsersLookup> = await readEachSystem(deleted, async (systemId) => ({
    status: 'read',
    reporteeOrgNumbers: (await client.listSystemUsers(systemId)).map((user) => user.reporteeOrgNo),
  }));
  return planComparison({ ...comparison, live: { ...comparison.live, systemUsers } });
}

/**
 * The drift report, with who changed each drifted system and when (§8.2): the changelog of every
 * drifted system that exists in Altinn, read and reported again with it. A failed read leaves that
 * system's history unknown (and says so) rather than failing the report.
 */
export async function driftComparisonWithHistory(comparison: LiveComparison): Promise<DriftReport> {
  const input: DriftInput = {
    desired: comparison.desiredState.desired,
    live: comparison.live,
    environment: comparison.environment,
    ownClientId: comparison.connection.tokens.clientId,
    ...(comparison.commit ? { commit: comparison.commit } : {}),
  };
  const report = createDriftReport(input);
  const drifted = report.items
    .filter((item) => item.kind !== 'missing-in-altinn')
    .map((item) => item.systemId);
  if (drifted.length === 0) return report;
  const client = comparison.connection.client;
  const changelogs: Record<string, ChangelogLookup> = await readEachSystem(drifted, async (systemId) => ({
    status: 'read',
    entries: await client.getChangelog(systemId),
  }));
  return createDriftReport({ ...input, live: { ...comparison.live, changelogs } });
}

/**
 * The commit the plan is for: `GITHUB_SHA` in Actions, else the repository's HEAD, else none; and
 * whether the system files or the config differ from it (a plan made from edits not yet committed).
 */
export async function readCommit(
  context: Pick<CommandContext, 'cwd' | 'env'>,
): Promise<{ commit: string | undefined; uncommitted: boolean }> {
  if (context.env.GITHUB_SHA) return { commit: context.env.GITHUB_SHA, uncommitted: false };
  const git = (args: string[]) =>
    promisify(execFile)('git', args, { cwd: context.cwd, timeout: 5000 }).then(({ stdout }) => stdout);
  try {
    const [head, status] = await Promise.all([
      git(['rev-parse', 'HEAD']),
      git(['status', '--porcelain', '--', 'systems', 'sysreg.config.yaml']).catch(() => ''),
    ]);
    return { commit: head.trim() || undefined, uncommitted: status.trim() !== '' };
  } catch {
    return { commit: undefined, uncommitted: false };
  }
}

/**
 * One read per system, in parallel, by system id. An Altinn error leaves that system's entry
 * `unreadable` (with why) rather than failing the whole report; anything else is a bug and throws.
 */
async function readEachSystem<T>(
  systemIds: readonly string[],
  read: (systemId: string) => Promise<T>,
): Promise<Record<string, T | { status: 'unreadable'; reason: string }>> {
  const entries = await Promise.all(
    systemIds.map(async (systemId) => {
      try {
        return [systemId, await read(systemId)] as const;
      } catch (error) {
        if (!(error instanceof AltinnClientError)) throw error;
        return [systemId, { status: 'unreadable' as const, reason: error.message }] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
