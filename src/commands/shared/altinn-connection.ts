/**
 * How a command reaches Altinn: the repository's sysreg.config.yaml, the credentials in the
 * environment and the `--env`/`--altinn-url` flags, the same way for every command.
 */
import { connectToAltinn, type AltinnConnection } from '../../altinn/connect.ts';
import type { TransportOptions } from '../../altinn/transport.ts';
import { loadSysregConfig, type SysregConfig } from '../../config/config.ts';
import type { CommandContext } from '../../model/command.ts';

export interface AltinnConnectionOptions {
  environment: string;
  altinnUrl?: string | undefined;
  /** Concurrency, timeouts and retries of the HTTP transport (apply's `--concurrency`). */
  transport?: TransportOptions | undefined;
}

export interface OpenedAltinnConnection {
  config: SysregConfig;
  /** The caller closes it. */
  connection: AltinnConnection;
}

export async function openAltinnConnection(
  context: Pick<CommandContext, 'cwd' | 'env'>,
  options: AltinnConnectionOptions,
): Promise<OpenedAltinnConnection> {
  const config = loadSysregConfig(context.cwd);
  // In Actions, the runner masks each token in the log from here on, whatever prints it later.
  // Loaded only there: the runner module brings @actions/core.
  const onToken =
    context.env.GITHUB_ACTIONS === 'true'
      ? (await import('../../github/actions-runner.ts')).maskSecret
      : undefined;
  const connection = await connectToAltinn({
    environment: options.environment,
    env: context.env,
    config,
    ...(onToken ? { onToken } : {}),
    ...(options.altinnUrl ? { altinnUrl: options.altinnUrl } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  return { config, connection };
}
