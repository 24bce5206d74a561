/**
 * Access tokens for Altinn: the Maskinporten JWT-bearer grant exactly as Digdir requires (§5.2),
 * cached in memory until shortly before expiry, one token per run however many requests ask at
 * once, and the Altinn token exchange (§5.1) for when the register refuses the Maskinporten token.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { MaskinportenCredentials } from './credentials.ts';
import type { AltinnEnvironment } from './environments.ts';
import { AltinnNetworkError, TokenError } from './errors.ts';
import type { Transport } from './transport.ts';

export const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const EXCHANGE_PATH = '/authentication/api/v1/exchange/maskinporten';
/** Digdir allows at most 120 s between `iat` and `exp`. */
export const GRANT_LIFETIME_SECONDS = 120;

/** Current time in ms since the epoch; injectable so tests can move it. */
export type Clock = () => number;

export interface AccessToken {
  /** The bearer value. Never log it. */
  value: string;
  /** ms since the epoch, by the provider's clock. */
  expiresAt: number;
  /** The caller's organisation number from the token's `consumer` claim, if it carries one. */
  consumerOrgNumber: string | undefined;
  source: 'maskinporten' | 'exchange';
}

export interface TokenProviderOptions {
  environment: AltinnEnvironment;
  credentials: MaskinportenCredentials;
  transport: Transport;
  now?: Clock;
  /** Renew this long before expiry, so no request leaves with a token about to lapse. */
  safetyMarginMs?: number;
  /** `direct`: send the Maskinporten token; `exchange`: always exchange; `auto`: exchange only after a 401. */
  mode?: 'direct' | 'exchange' | 'auto';
  /** Attempts at the token endpoint (a fresh grant each time); default the transport's retry policy. */
  maxGrantAttempts?: number;
  /** Told every token the moment it arrives, before any use (to mask it in a CI log). */
  onToken?: (value: string) => void;
}

export class MaskinportenTokenProvider {
  readonly #options: TokenProviderOptions;
  readonly #now: Clock;
  readonly #margin: number;
  #exchange: boolean;
  readonly #autoExchange: boolean;
  #cached: AccessToken | undefined;
  #pending: Promise<AccessToken> | undefined;
  #grants = 0;

  constructor(options: TokenProviderOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#margin = options.safetyMarginMs ?? 30_000;
    this.#exchange = options.mode === 'exchange';
    this.#autoExchange = (options.mode ?? 'auto') === 'auto';
  }

  /** Grants sent to Maskinporten so far. */
  /** The Maskinporten client sysreg runs as: the `clientId` Altinn's changelog records for its writes. */
  get clientId(): string {
    return this.#options.credentials.clientId;
  }

  get grantCount(): number {
    return this.#grants;
  }

  get usesExchange(): boolean {
    return this.#exchange;
  }

  /** A valid token: the cached one, the one being fetched, or a new one. */
  async getToken(signal?: AbortSignal): Promise<AccessToken> {
    const cached = this.#cached;
    if (cached && this.#now() < cached.expiresAt - this.#margin) return cached;
    this.#pending ??= this.#fetch(signal).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /**
   * Altinn answered 401 to `rejected`. Drops it (unless a newer token replaced it already) and
   * returns a fresh one. In `auto` mode a second 401 with a fresh token switches to the exchange.
   */
  async refresh(rejected: AccessToken, signal?: AbortSignal): Promise<AccessToken> {
    if (this.#cached === rejected) this.#cached = undefined;
    return this.getToken(signal);
  }

  /** Switches to exchanged Altinn tokens for the rest of the run; false if that is not allowed or done already. */
  switchToExchange(): boolean {
    if (this.#exchange || !this.#autoExchange) return false;
    this.#exchange = true;
    this.#cached = undefined;
    return true;
  }

  async #fetch(signal?: AbortSignal): Promise<AccessToken> {
    const token = await this.#grant(signal);
    this.#options.onToken?.(token.value);
    this.#cached = this.#exchange ? await this.#exchangeToken(token, signal) : token;
    if (this.#cached !== token) this.#options.onToken?.(this.#cached.value);
    return this.#cached;
  }

  /** Builds the grant's claims and header (§5.2). Exposed for tests. */
  buildGrant(): {
    header: { alg: 'RS256' | 'RS384' | 'RS512'; kid: string };
    claims: Record<string, string | number>;
  } {
    const { credentials, environment } = this.#options;
    const iat = Math.floor(this.#now() / 1000);
    return {
      header: { alg: credentials.signer.algorithm, kid: credentials.signer.kid },
      claims: {
        aud: environment.maskinportenIssuer,
        iss: credentials.clientId,
        scope: credentials.scope,
        iat,
        exp: iat + GRANT_LIFETIME_SECONDS,
        jti: randomUUID(),
      },
    };
  }

  /**
   * POSTs a grant through the transport's retry policy (network errors, 429 with Retry-After, 502,
   * 503, 504; backoff with jitter; attempts and time bounded). Safe to repeat because every attempt
   * signs a new grant with a fresh `jti`: Maskinporten refuses a `jti` it has seen, and an attempt cut
   * off after it landed has used its own.
   */
  async #grant(signal?: AbortSignal): Promise<AccessToken> {
    const { transport, environment, credentials } = this.#options;
    const url = environment.maskinportenTokenUrl;
    let response;
    try {
      response = await transport.sendRebuilt(
        async () => {
          const { header, claims } = this.buildGrant();
          const assertion = await credentials.signer.sign(claims, header);
          this.#grants += 1;
          return {
            method: 'POST',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({ grant_type: GRANT_TYPE, assertion }).toString(),
          };
        },
        {
          ...(signal ? { signal } : {}),
          ...(this.#options.maxGrantAttempts
            ? { retry: { maxAttempts: this.#options.maxGrantAttempts } }
            : {}),
        },
      );
    } catch (error) {
      if (signal?.aborted || !(error instanceof AltinnNetworkError)) throw error;
      throw new TokenError(`could not reach Maskinporten at ${url}: ${error.message}`, { cause: error });
    }
    if (response.status === 200) return this.#readTokenResponse(response.body);
    const oauth = parseOAuthError(response.body);
    const tries = response.attempts > 1 ? ` (after ${response.attempts} attempts)` : '';
    throw new TokenError(
      `Maskinporten refused the grant for client '${credentials.clientId}' at ${url}: ${response.status}${oauth.error ? ` ${oauth.error}` : ''}${oauth.description ? `: ${oauth.description}` : ''}${tries}`,
      { status: response.status, ...(oauth.error ? { oauthError: oauth.error } : {}) },
    );
  }

  #readTokenResponse(body: string): AccessToken {
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      throw new TokenError('Maskinporten answered 200 without a JSON body');
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
      throw new TokenError('Maskinporten answered 200 without an access_token');
    }
    const lifetimeSeconds = typeof parsed.expires_in === 'number' ? parsed.expires_in : 120;
    return {
      value: parsed.access_token,
      expiresAt: this.#now() + lifetimeSeconds * 1000,
      consumerOrgNumber: readConsumerOrgNumber(parsed.access_token),
      source: 'maskinporten',
    };
  }

  /** GET the exchange endpoint with the Maskinporten token; the answer is a bare JWT as text/plain. */
  async #exchangeToken(token: AccessToken, signal?: AbortSignal): Promise<AccessToken> {
    const { transport, environment } = this.#options;
    const response = await transport.send({
      method: 'GET',
      url: `${environment.platformUrl}${EXCHANGE_PATH}`,
      headers: { authorization: `Bearer ${token.value}`, accept: 'text/plain' },
      retry: true,
      ...(signal ? { signal } : {}),
    });
    const value = response.body.trim().replace(/^"|"$/g, '');
    if (response.status !== 200 || value === '') {
      throw new TokenError(`the Altinn token exchange answered ${response.status}`, {
        status: response.status,
      });
    }
    let expiresAt = token.expiresAt;
    try {
      const exp = decodeJwt(value).exp;
      if (typeof exp === 'number') expiresAt = exp * 1000;
    } catch {
      // An opaque token: keep the Maskinporten token's expiry, which is never later.
    }
    return {
      value,
      expiresAt,
      consumerOrgNumber: readConsumerOrgNumber(value) ?? token.consumerOrgNumber,
      source: 'exchange',
    };
  }
}

/** The org number in a token's `consumer` claim (`0192:<orgno>`), or `urn:altinn:orgNumber` after the exchange. */
export function readConsumerOrgNumber(token: string): string | undefined {
  try {
    const claims = decodeJwt(token);
    const consumer = claims.consumer as { ID?: unknown } | string | undefined;
    const parsed = typeof consumer === 'string' ? (JSON.parse(consumer) as { ID?: unknown }) : consumer;
    if (parsed && typeof parsed.ID === 'string') return parsed.ID.split(':')[1];
    const org = claims['urn:altinn:orgNumber'];
    return typeof org === 'string' ? org : undefined;
  } catch {
    return undefined;
  }
}

function parseOAuthError(body: string): { error?: string; description?: string } {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    return {
      ...(typeof parsed.error === 'string' ? { error: parsed.error } : {}),
      ...(typeof parsed.error_description === 'string'
        ? { description: parsed.error_description.slice(0, 200) }
        : {}),
    };
  } catch {
    return {};
  }
}
