/**
 * Where an Altinn environment lives: the platform base and its Maskinporten issuer. Built in are
 * tt02, prod and the local Altinn; the repo config adds environments or overrides URLs.
 */
import type { SysregConfig } from '../config/config.ts';
import { SCOPE_WRITE } from '../model/wire.ts';

export interface AltinnEnvironment {
  name: string;
  /** Platform base without a trailing slash, e.g. `https://platform.tt02.altinn.no`. */
  platformUrl: string;
  /** Maskinporten issuer with its trailing slash: the grant's `aud` (§5.2). */
  maskinportenIssuer: string;
  /** Token endpoint: `<issuer>token`. */
  maskinportenTokenUrl: string;
  /** Scope from the config file, if it sets one; otherwise the credentials decide. */
  scope?: string;
}

export const DEFAULT_LOCAL_ALTINN_URL = 'http://127.0.0.1:5101';
export const DEFAULT_SCOPE = SCOPE_WRITE;

const BUILT_IN: Record<string, { platformUrl: string; maskinportenUrl: string }> = {
  tt02: { platformUrl: 'https://platform.tt02.altinn.no', maskinportenUrl: 'https://test.maskinporten.no/' },
  prod: { platformUrl: 'https://platform.altinn.no', maskinportenUrl: 'https://maskinporten.no/' },
};

export interface ResolveAltinnEnvironmentOptions {
  config?: SysregConfig;
  env?: Record<string, string | undefined>;
  /** `--altinn-url`: the local Altinn's URL; wins over `SYSREG_ALTINN_URL`. */
  altinnUrl?: string;
}

/** Unknown environment name or an unusable URL. */
export class EnvironmentError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** Names that resolve: the built-ins and the config file's. */
export function listAltinnEnvironmentNames(config?: SysregConfig): string[] {
  return [...new Set(['tt02', 'prod', 'local', ...Object.keys(config?.environments ?? {})])];
}

export function resolveAltinnEnvironment(
  name: string,
  options: ResolveAltinnEnvironmentOptions = {},
): AltinnEnvironment {
  const configured = options.config?.environments[name];
  let platformUrl: string | undefined;
  let maskinportenUrl: string | undefined;
  if (name === 'local') {
    platformUrl =
      options.altinnUrl ??
      options.env?.SYSREG_ALTINN_URL ??
      configured?.platformUrl ??
      DEFAULT_LOCAL_ALTINN_URL;
    maskinportenUrl = configured?.maskinportenUrl ?? `${trimSlash(platformUrl)}/maskinporten/`;
  } else {
    const builtIn = BUILT_IN[name];
    platformUrl = configured?.platformUrl ?? builtIn?.platformUrl;
    maskinportenUrl = configured?.maskinportenUrl ?? builtIn?.maskinportenUrl;
  }
  if (platformUrl === undefined || maskinportenUrl === undefined) {
    const known = listAltinnEnvironmentNames(options.config).join(', ');
    const hint = configured
      ? ' (the config file must give both platformUrl and maskinportenUrl for a new environment)'
      : '';
    throw new EnvironmentError(`unknown environment '${name}'${hint}; known: ${known}`);
  }
  for (const url of [platformUrl, maskinportenUrl]) {
    if (!/^https?:\/\/[^/]+/.test(url))
      throw new EnvironmentError(`environment '${name}': '${url}' is not an absolute http(s) URL`);
  }
  const issuer = maskinportenUrl.endsWith('/') ? maskinportenUrl : `${maskinportenUrl}/`;
  const environment: AltinnEnvironment = {
    name,
    platformUrl: trimSlash(platformUrl),
    maskinportenIssuer: issuer,
    maskinportenTokenUrl: `${issuer}token`,
  };
  if (configured?.scope !== undefined) environment.scope = configured.scope;
  return environment;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
