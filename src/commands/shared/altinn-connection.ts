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
  const config = await loadSysregConfig(context.cwd);
  const connection = await connectToAltinn({
    environment: options.environment,
    env: context.env,
    config,
    ...(options.altinnUrl ? { altinnUrl: options.altinnUrl } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  return { config, connection };
}
