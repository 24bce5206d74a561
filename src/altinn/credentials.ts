/**
 * Maskinporten credentials from the environment (never from files in the repo), and the signer
 * that turns grant claims into a signed assertion. `GrantSigner` is the seam for a KMS-held key.
 */
import { SignJWT, importJWK, importPKCS8 } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { CredentialsError } from './errors.ts';
import { DEFAULT_SCOPE } from './environments.ts';

export type GrantAlgorithm = 'RS256' | 'RS384' | 'RS512';

export interface GrantHeader {
  alg: GrantAlgorithm;
  kid: string;
}

/** Signs a JWT-bearer grant. The jose implementation holds the key in memory; a KMS one need not. */
export interface GrantSigner {
  readonly algorithm: GrantAlgorithm;
  readonly kid: string;
  sign(claims: JWTPayload, header: GrantHeader): Promise<string>;
}

export interface MaskinportenCredentials {
  clientId: string;
  scope: string;
  signer: GrantSigner;
}

export const CREDENTIAL_VARIABLES = [
  'MASKINPORTEN_CLIENT_ID',
  'MASKINPORTEN_KID',
  'MASKINPORTEN_PRIVATE_KEY',
] as const;

type CryptoKeyLike = Awaited<ReturnType<typeof importPKCS8>>;

/** Signs with a private key held in memory (jose). */
export class JoseGrantSigner implements GrantSigner {
  readonly algorithm: GrantAlgorithm;
  readonly kid: string;
  readonly #key: CryptoKeyLike | Uint8Array;

  constructor(key: CryptoKeyLike | Uint8Array, kid: string, algorithm: GrantAlgorithm = 'RS256') {
    this.#key = key;
    this.kid = kid;
    this.algorithm = algorithm;
  }

  async sign(claims: JWTPayload, header: GrantHeader): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid }).sign(this.#key);
  }

  /** Never show the key, even to a debugger's inspect or JSON.stringify. */
  toJSON(): object {
    return { kid: this.kid, algorithm: this.algorithm };
  }
}

/** RS256 and Maskinporten need RSA keys of at least this many bits. */
const MIN_RSA_BITS = 2048;

/** Imports a PEM PKCS#8 private key or a private JWK as JSON. Errors never echo the key. */
export async function importPrivateKey(
  text: string,
  algorithm: GrantAlgorithm = 'RS256',
): Promise<CryptoKeyLike | Uint8Array> {
  const trimmed = text.trim();
  try {
    let key: CryptoKeyLike | Uint8Array;
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JWK;
      if (typeof jwk.d !== 'string') throw new Error('the JWK has no private part ("d")');
      key = await importJWK(jwk, algorithm);
    } else if (trimmed.includes('BEGIN RSA PRIVATE KEY')) {
      throw new Error('the PEM is PKCS#1; convert it with `openssl pkcs8 -topk8 -nocrypt`');
    } else {
      // Environment variables often carry the PEM with literal \n.
      key = await importPKCS8(trimmed.replace(/\\n/g, '\n'), algorithm);
    }
    // Signing refuses a short RSA key much later, as an internal error; say so while reading it.
    const bits = (key as { algorithm?: { modulusLength?: unknown } }).algorithm?.modulusLength;
    if (typeof bits === 'number' && bits < MIN_RSA_BITS) {
      throw new Error(`the key is RSA-${bits}; the key must be RSA of at least ${MIN_RSA_BITS} bits`);
    }
    return key;
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? 'it is neither a PEM PKCS#8 key nor valid JWK JSON'
        : (error as Error).message;
    throw new CredentialsError(`MASKINPORTEN_PRIVATE_KEY could not be read: ${reason}`);
  }
}

/** Reads the credentials; one error names every missing variable. */
export async function readMaskinportenCredentials(
  env: Record<string, string | undefined>,
  options: { scope?: string } = {},
): Promise<MaskinportenCredentials> {
  const missing = CREDENTIAL_VARIABLES.filter((name) => (env[name] ?? '').trim() === '');
  if (missing.length > 0) {
    throw new CredentialsError(
      `missing Maskinporten credentials: set ${missing.join(', ')} in the environment (never in a file in the repository)`,
      [...missing],
    );
  }
  const clientId = (env.MASKINPORTEN_CLIENT_ID ?? '').trim();
  const kid = (env.MASKINPORTEN_KID ?? '').trim();
  const key = await importPrivateKey(env.MASKINPORTEN_PRIVATE_KEY ?? '');
  const scope = (env.MASKINPORTEN_SCOPE ?? '').trim() || options.scope || DEFAULT_SCOPE;
  return { clientId, scope, signer: new JoseGrantSigner(key, kid) };
}
