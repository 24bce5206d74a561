/**
 * The edge work shared by `plan`, `drift` and `apply`: load what git wants, connect to Altinn, read
 * what Altinn has. The pure planner (src/plan/) then compares the two.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AltinnConnection } from '../../altinn/connect.ts';
import { readLiveState } from '../../altinn/read-live-state.ts';
import type { SysregConfig } from '../../config/config.ts';
import { createPlan } from '../../plan/plan.ts';
import type { Plan } from '../../plan/plan-types.ts';
import type { LiveState } from '../../model/live-state.ts';
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
