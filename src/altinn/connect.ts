/**
 * The one door commands use to reach Altinn: resolves the environment, reads the credentials from
 * the environment variables, and wires signer, token provider, transport and client together.
 */
import type { SysregConfig } from '../config/config.ts';
import { readMaskinportenCredentials } from './credentials.ts';
import { resolveAltinnEnvironment } from './environments.ts';
import type { AltinnEnvironment } from './environments.ts';
import { MaskinportenTokenProvider } from './maskinporten.ts';
import type { Clock } from './maskinporten.ts';
import { SystemRegisterClient } from './register-client.ts';
import { Transport } from './transport.ts';
import type { TransportOptions } from './transport.ts';

export interface ConnectOptions {
  /** A name (`tt02`, `prod`, `local`, or one from the config) or an environment already resolved. */
  environment: string | AltinnEnvironment;
  env: Record<string, string | undefined>;
  config?: SysregConfig;
  /** `--altinn-url` for `local`. */
  altinnUrl?: string;
  now?: Clock;
  transport?: TransportOptions;
  tokenMode?: 'direct' | 'exchange' | 'auto';
  /** Told every access token as it arrives (see TokenProviderOptions.onToken). */
  onToken?: (value: string) => void;
}

export interface AltinnConnection {
  client: SystemRegisterClient;
  environment: AltinnEnvironment;
  tokens: MaskinportenTokenProvider;
  close(): Promise<void>;
}

export async function connectToAltinn(options: ConnectOptions): Promise<AltinnConnection> {
  const environment =
    typeof options.environment === 'string'
      ? resolveAltinnEnvironment(options.environment, {
          env: options.env,
          ...(options.config ? { config: options.config } : {}),
          ...(options.altinnUrl ? { altinnUrl: options.altinnUrl } : {}),
        })
      : options.environment;
  const credentials = await readMaskinportenCredentials(
    options.env,
    environment.scope ? { scope: environment.scope } : {},
  );
  const transport = new Transport(options.transport);
  const tokens = new MaskinportenTokenProvider({
    environment,
    credentials,
    transport,
    ...(options.now ? { now: options.now } : {}),
    ...(options.tokenMode ? { mode: options.tokenMode } : {}),
    ...(options.onToken ? { onToken: options.onToken } : {}),
  });
  const client = new SystemRegisterClient({ environment, transport, tokens });
  return { client, environment, tokens, close: () => transport.close() };
}
