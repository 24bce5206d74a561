/**
 * The edge work shared by `plan`, `drift` and `apply`: load what git wants, connect to Altinn, read
 * what Altinn has. The pure planner (src/plan/) then compares the two.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connectToAltinn, type AltinnConnection } from '../../altinn/connect.ts';
import { readLiveState } from '../../altinn/read-live-state.ts';
import type { TransportOptions } from '../../altinn/transport.ts';
import { loadSysregConfig, type SysregConfig } from '../../config/config.ts';
import { createPlan, type Plan } from '../../plan/plan.ts';
import type { LiveState } from '../../plan/live-state.ts';
import { renderDiagnosticsText } from '../../systems/render-diagnostics.ts';
import { UsageError, type CommandContext } from '../command.ts';
import { loadDesiredState, type DesiredState } from './desired-state.ts';

export interface LiveComparison {
  environment: string;
  commit: string | undefined;
  config: SysregConfig;
  desiredState: DesiredState;
  live: LiveState;
  connection: AltinnConnection;
}

export interface CompareOptions {
  environment: string;
  altinnUrl?: string | undefined;
  /** Concurrency, timeouts and retries of the HTTP transport (apply's `--concurrency`). */
  transport?: TransportOptions | undefined;
}

/**
 * Loads and validates the repository, then reads live state. Invalid files stop here, with their
 * diagnostics, before any request is made. The caller closes `connection`.
 */
export async function compareWithAltinn(
  context: CommandContext,
  options: CompareOptions,
): Promise<LiveComparison> {
  const config = await loadSysregConfig(context.cwd);
  const desiredState = await loadDesiredState(context.cwd, options.environment);
  if (desiredState.invalid) {
    context.stderr.write(
      renderDiagnosticsText({
        diagnostics: desiredState.diagnostics,
        fileCount: desiredState.files.length,
        sources: desiredState.sources,
      }),
    );
    throw new UsageError('the system files have errors; fix them before comparing with Altinn.');
  }
  const connection = await connectToAltinn({
    environment: options.environment,
    env: context.env,
    config,
    ...(options.altinnUrl ? { altinnUrl: options.altinnUrl } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  try {
    const live = await readLiveState(connection.client, {
      environment: options.environment,
      repoIds: desiredState.desired.map((system) => system.spec.id),
    });
    const commit = await readCommit(context);
    return { environment: options.environment, commit, config, desiredState, live, connection };
  } catch (error) {
    await connection.close();
    throw error;
  }
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

/** The commit the plan is for: `GITHUB_SHA` in Actions, else the repository's HEAD, else none. */
export async function readCommit(context: Pick<CommandContext, 'cwd' | 'env'>): Promise<string | undefined> {
  if (context.env.GITHUB_SHA) return context.env.GITHUB_SHA;
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], {
      cwd: context.cwd,
      timeout: 5000,
    });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Colour only on an interactive terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(context: Pick<CommandContext, 'stdout' | 'env'>): boolean {
  return Boolean(context.stdout.isTTY) && !context.env.NO_COLOR;
}
