/**
 * The local Maskinporten (shared/altinn-system-register.md §5.2) and the token side of Altinn (§5.1):
 * JWT-bearer grants verified as Digdir does, access tokens signed by a key generated at start-up, the
 * token exchange, and verification of bearer tokens for the register. Keys never leave memory.
 */
import { randomUUID } from 'node:crypto';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import {
  SignJWT,
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';
import type { HttpReply } from './http-reply.ts';
import { replyEmpty, replyJson, replyText } from './http-reply.ts';

/** A Maskinporten client as registered in Samarbeidsportalen: its org, granted scopes and public key. */
export interface MaskinportenClient {
  clientId: string;
  orgNumber: string;
  scopes: string[];
  /** Public RSA JWK including `kid`. */
  jwk: JWK;
}

export type OAuthErrorCode = 'invalid_grant' | 'invalid_client' | 'invalid_scope' | 'invalid_request';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const GRANT_ALGORITHMS = ['RS256', 'RS384', 'RS512'];
/** The claims Digdir documents for a JWT grant; anything else is refused. */
const DOCUMENTED_GRANT_CLAIMS = new Set([
  'aud',
  'iss',
  'iat',
  'exp',
  'jti',
  'scope',
  'resource',
  'consumer_org',
  'authorization_details',
]);
const CLOCK_SKEW_SECONDS = 10;
const MAX_GRANT_LIFETIME_SECONDS = 120;
/** `JwtValidityMinutes` in the service's checked-in settings. */
const ALTINN_TOKEN_LIFETIME_SECONDS = 30 * 60;

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  publicKey: CryptoKey;
}

async function generateSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

export interface TokenServiceOptions {
  baseUrl: string;
  now: () => number;
  tokenLifetimeSeconds: number;
}

export type RegisterClientResult = { ok: true } | { ok: false; message: string };

/** The claims of a bearer token that validated, and which issuer signed it. */
export interface VerifiedToken {
  issuer: 'maskinporten' | 'altinn';
  claims: JWTPayload;
}

function oauthError(error: OAuthErrorCode, description: string): HttpReply {
  return replyJson(400, { error, error_description: description });
}

export class TokenService {
  readonly maskinportenIssuer: string;
  readonly altinnIssuer: string;
  private readonly now: () => number;
  private readonly tokenLifetimeSeconds: number;
  private readonly maskinportenKey: SigningKey;
  private readonly altinnKey: SigningKey;
  /** Per client, its public key imported once per algorithm (a WebCrypto key is bound to one hash). */
  private readonly clients = new Map<
    string,
    { client: MaskinportenClient; keys: Map<string, CryptoKey | Uint8Array> }
  >();
  /** jti → exp (seconds): a grant's jti is never accepted twice while it could still be valid. */
  private readonly usedJtis = new Map<string, number>();
  /** Verified bearer tokens, so the hot path of the register does not re-run RSA on every request. */
  private readonly verified = new Map<string, VerifiedToken>();

  private constructor(options: TokenServiceOptions, maskinportenKey: SigningKey, altinnKey: SigningKey) {
    this.maskinportenIssuer = `${options.baseUrl}/maskinporten/`;
    this.altinnIssuer = `${options.baseUrl}/authentication/api/v1/openid/`;
    this.now = options.now;
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
    this.maskinportenKey = maskinportenKey;
    this.altinnKey = altinnKey;
  }

  static async create(options: TokenServiceOptions): Promise<TokenService> {
    const [maskinporten, altinn] = await Promise.all([
      generateSigningKey(`maskinporten-${randomUUID()}`),
      generateSigningKey(`altinn-${randomUUID()}`),
    ]);
    return new TokenService(options, maskinporten, altinn);
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  async registerClient(client: MaskinportenClient): Promise<RegisterClientResult> {
    if (typeof client.jwk.kid !== 'string' || client.jwk.kid === '')
      return { ok: false, message: 'jwk.kid is required' };
    if (client.jwk.kty !== 'RSA') return { ok: false, message: 'jwk must be an RSA key (kty RSA)' };
    if ('d' in client.jwk) return { ok: false, message: 'jwk must be the public key only (no "d")' };
    try {
      const key = await importJWK(toPublicRsaJwk(client.jwk), 'RS256');
      const stored: MaskinportenClient = {
        clientId: client.clientId,
        orgNumber: client.orgNumber,
        scopes: [...client.scopes],
        jwk: { ...toPublicRsaJwk(client.jwk), kid: client.jwk.kid },
      };
      this.clients.set(client.clientId, { client: stored, keys: new Map([['RS256', key]]) });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `jwk is not a usable RSA public key: ${(error as Error).message}` };
    }
  }

  listClients(): MaskinportenClient[] {
    return [...this.clients.values()].map((c) => c.client);
  }

  clearClients(): void {
    this.clients.clear();
    this.usedJtis.clear();
    this.verified.clear();
  }

  /** POST `/maskinporten/token`. */
  async issueToken(contentType: string, body: string): Promise<HttpReply> {
    if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return oauthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(body);
    const grantType = form.get('grant_type');
    if (grantType === null) return oauthError('invalid_request', 'Missing grant_type');
    if (grantType !== JWT_BEARER_GRANT)
      return oauthError('invalid_request', `Unsupported grant_type: ${grantType}`);
    const assertion = form.get('assertion');
    if (assertion === null || assertion === '') return oauthError('invalid_request', 'Missing assertion');

    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(assertion);
      unverified = decodeJwt(assertion);
    } catch {
      return oauthError('invalid_grant', 'Invalid assertion. The assertion is not a well-formed JWT.');
    }
    if (typeof header.alg !== 'string' || !GRANT_ALGORITHMS.includes(header.alg)) {
      return oauthError(
        'invalid_grant',
        `Invalid assertion. Unsupported alg ${String(header.alg)}; use RS256, RS384 or RS512.`,
      );
    }
    if (header.kid === undefined) {
      return oauthError(
        'invalid_grant',
        header.x5c
          ? 'Invalid assertion. x5c (business certificate) grants are not supported here; register a JWK with a kid.'
          : 'Invalid assertion. The header must carry kid (or x5c).',
      );
    }
    const registered = typeof unverified.iss === 'string' ? this.clients.get(unverified.iss) : undefined;
    if (!registered)
      return oauthError('invalid_client', 'Invalid client. iss is not a registered client_id.');
    if (header.kid !== registered.client.jwk.kid) {
      return oauthError('invalid_client', 'Invalid client. kid is not a key registered on the client.');
    }
    try {
      let key = registered.keys.get(header.alg);
      if (!key) {
        key = await importJWK(toPublicRsaJwk(registered.client.jwk), header.alg);
        registered.keys.set(header.alg, key);
      }
      await compactVerify(assertion, key, { algorithms: [header.alg] });
    } catch {
      return oauthError(
        'invalid_grant',
        'Invalid assertion. Client authentication failed: signature verification failed.',
      );
    }
    const claims = unverified;
    const undocumented = Object.keys(claims).filter((name) => !DOCUMENTED_GRANT_CLAIMS.has(name));
    if (undocumented.length > 0) {
      return oauthError(
        'invalid_grant',
        `Invalid assertion. Undocumented claims: ${undocumented.join(', ')}.`,
      );
    }
    if (claims.aud !== this.maskinportenIssuer) {
      return oauthError(
        'invalid_grant',
        `Invalid assertion. aud must be exactly ${this.maskinportenIssuer}.`,
      );
    }
    const now = this.nowSeconds();
    if (typeof claims.iat !== 'number' || Math.abs(claims.iat - now) > CLOCK_SKEW_SECONDS) {
      return oauthError(
        'invalid_grant',
        'Invalid assertion. iat must be within 10 seconds of the server clock.',
      );
    }
    if (typeof claims.exp !== 'number' || claims.exp <= now - CLOCK_SKEW_SECONDS) {
      return oauthError('invalid_grant', 'Invalid assertion. exp is missing or has passed.');
    }
    if (claims.exp - claims.iat > MAX_GRANT_LIFETIME_SECONDS) {
      return oauthError('invalid_grant', 'Invalid assertion. exp - iat must not exceed 120 seconds.');
    }
    if (claims.jti !== undefined) {
      this.pruneJtis(now);
      if (typeof claims.jti !== 'string' || this.usedJtis.has(claims.jti)) {
        return oauthError('invalid_grant', 'Invalid assertion. jti has already been used.');
      }
    }
    if (typeof claims.scope !== 'string' || claims.scope.trim() === '') {
      return oauthError('invalid_scope', 'Missing scope.');
    }
    const requested = claims.scope.split(' ').filter((s) => s !== '');
    const refused = requested.filter((s) => !registered.client.scopes.includes(s));
    if (refused.length > 0) {
      return oauthError('invalid_scope', `Scope(s) not granted to the client: ${refused.join(' ')}`);
    }
    if (typeof claims.jti === 'string') this.usedJtis.set(claims.jti, claims.exp);

    const scope = requested.join(' ');
    const accessToken = await new SignJWT({
      scope,
      consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${registered.client.orgNumber}` },
      client_id: registered.client.clientId,
      client_amr: 'private_key_jwt',
      token_type: 'Bearer',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.maskinportenKey.kid, typ: 'JWT' })
      .setIssuer(this.maskinportenIssuer)
      .setIssuedAt(now)
      .setExpirationTime(now + this.tokenLifetimeSeconds)
      .setJti(randomUUID())
      .sign(this.maskinportenKey.privateKey);
    return replyJson(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.tokenLifetimeSeconds,
      scope,
    });
  }

  private pruneJtis(now: number): void {
    for (const [jti, exp] of this.usedJtis) if (exp < now - CLOCK_SKEW_SECONDS) this.usedJtis.delete(jti);
  }

  /** Validate a bearer token as the register's JwtCookie handler does: signature, exp with 10 s skew, no aud. */
  async verifyBearer(authorization: string | undefined): Promise<VerifiedToken | null> {
    if (!authorization?.startsWith('Bearer ')) return null;
    const token = authorization.slice('Bearer '.length).trim();
    const cached = this.verified.get(token);
    const now = this.nowSeconds();
    if (cached) {
      const exp = cached.claims.exp ?? 0;
      const nbf = cached.claims.nbf ?? 0;
      return exp + CLOCK_SKEW_SECONDS >= now && nbf - CLOCK_SKEW_SECONDS <= now ? cached : null;
    }
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return null;
    }
    if (issuer === undefined) return null;
    const which =
      issuer === this.maskinportenIssuer ? 'maskinporten' : issuer === this.altinnIssuer ? 'altinn' : null;
    if (!which) return null;
    const key = which === 'maskinporten' ? this.maskinportenKey : this.altinnKey;
    try {
      const { payload } = await jwtVerify(token, key.publicKey, {
        issuer,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp'],
      });
      const result: VerifiedToken = { issuer: which, claims: payload };
      if (this.verified.size >= 1000) this.verified.clear();
      this.verified.set(token, result);
      return result;
    } catch {
      return null;
    }
  }

  /** GET `/authentication/api/v1/exchange/maskinporten` (§5.1): a Maskinporten token for an Altinn one. */
  async exchangeMaskinportenToken(
    headers: Record<string, string | string[] | undefined>,
  ): Promise<HttpReply> {
    if (headers['x-altinn-enterpriseuser-authentication'] !== undefined) return replyEmpty(410);
    const authorization = typeof headers.authorization === 'string' ? headers.authorization : undefined;
    const verified = await this.verifyBearer(authorization);
    if (!verified || verified.issuer !== 'maskinporten') return replyEmpty(401);
    const consumer = verified.claims.consumer as { ID?: unknown } | undefined;
    const consumerId = typeof consumer?.ID === 'string' ? consumer.ID : undefined;
    const orgNumber = consumerId?.split(':')[1];
    if (!orgNumber) return replyEmpty(401);
    const claims: JWTPayload = { ...verified.claims };
    for (const name of ['aud', 'iss', 'client_amr', 'sid', 'iat', 'exp', 'nbf', 'jti']) delete claims[name];
    const now = this.nowSeconds();
    const token = await new SignJWT({
      ...claims,
      'urn:altinn:orgNumber': orgNumber,
      'urn:altinn:authenticatemethod': 'maskinporten',
      'urn:altinn:authlevel': 3,
      sid: randomUUID(),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.altinnKey.kid, typ: 'JWT' })
      .setIssuer(this.altinnIssuer)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ALTINN_TOKEN_LIFETIME_SECONDS)
      .sign(this.altinnKey.privateKey);
    return replyText(200, token);
  }

  maskinportenMetadata(baseUrl: string): unknown {
    return {
      issuer: this.maskinportenIssuer,
      token_endpoint: `${baseUrl}/maskinporten/token`,
      jwks_uri: `${baseUrl}/maskinporten/jwk`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      grant_types_supported: [JWT_BEARER_GRANT],
      token_endpoint_auth_signing_alg_values_supported: GRANT_ALGORITHMS,
    };
  }

  altinnMetadata(baseUrl: string): unknown {
    return {
      issuer: this.altinnIssuer,
      jwks_uri: `${baseUrl}/authentication/api/v1/openid/jwks`,
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }

  maskinportenJwks(): { keys: JWK[] } {
    return { keys: [this.maskinportenKey.publicJwk] };
  }

  altinnJwks(): { keys: JWK[] } {
    return { keys: [this.altinnKey.publicJwk] };
  }
}

/** The public parts of an RSA key, leaving out members it does not have (a JWK holds none as undefined). */
function toPublicRsaJwk(jwk: JWK): JWK {
  const key: JWK = { kty: 'RSA' };
  if (jwk.n !== undefined) key.n = jwk.n;
  if (jwk.e !== undefined) key.e = jwk.e;
  return key;
}
