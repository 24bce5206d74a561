/**
 * Operational failures of talking to Altinn and Maskinporten, as typed errors. Each carries an
 * `exitCode` so the CLI prints its message without a stack trace. Secrets are redacted when the
 * error is built, from the message, the body excerpt and the cause alike.
 */
import { redactSecrets, toRedactedCause } from '../model/redact.ts';

/** The shape of an error body (§3.1, §4.4). */
export type ProblemKind = 'altinn-problem' | 'aspnet-problem' | 'text' | 'empty';

const EXCERPT_LENGTH = 300;

/** Base of every operational failure the client throws. */
export class AltinnClientError extends Error {
  readonly exitCode = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(
      redactSecrets(message),
      options?.cause === undefined ? {} : { cause: toRedactedCause(options.cause) },
    );
    this.name = 'AltinnClientError';
  }
}

export interface AltinnErrorDetails {
  status: number;
  method: string;
  path: string;
  body: string;
  contentType?: string;
}

/** A non-success HTTP answer from Altinn, with its AUTH.VLD codes and a short redacted body excerpt. */
export class AltinnError extends AltinnClientError {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** AUTH.VLD codes of an Altinn validation problem, in the order given; empty for other shapes. */
  readonly codes: string[];
  readonly problemKind: ProblemKind;
  readonly bodyExcerpt: string;
  /** For ASP.NET problems: the `errors` map (field → messages). */
  readonly fieldErrors: Record<string, string[]>;

  constructor(details: AltinnErrorDetails) {
    const parsed = classifyErrorBody(details.body, details.contentType);
    const excerpt = redactSecrets(details.body.trim()).slice(0, EXCERPT_LENGTH);
    const summary = parsed.codes.length > 0 ? parsed.codes.join(', ') : excerpt || '(empty body)';
    super(`${details.method} ${details.path} answered ${details.status}: ${summary}`);
    this.name = 'AltinnError';
    this.status = details.status;
    this.method = details.method;
    this.path = redactSecrets(details.path);
    this.codes = parsed.codes;
    this.problemKind = parsed.kind;
    this.bodyExcerpt = excerpt;
    this.fieldErrors = parsed.fieldErrors;
  }
}

/** Causes that mean the server hung up before answering (undici's "other side closed", a reset). */
const CLOSED_BY_PEER = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

export interface NetworkFailure {
  method: string;
  path: string;
  /** `host:port` the request went to. */
  host: string;
  attempts: number;
  timedOut: boolean;
  cause: unknown;
  /** What was being reached, e.g. `cannot reach the Altinn register at <url>`; leads the message. */
  context?: string;
}

/** The connection failed, was reset, or timed out, after every allowed attempt. */
export class AltinnNetworkError extends AltinnClientError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly timedOut: boolean;
  readonly #failure: NetworkFailure;
  constructor(failure: NetworkFailure) {
    const what = failure.timedOut ? 'timed out' : 'failed';
    const code = (failure.cause as { code?: unknown } | undefined)?.code;
    const reason =
      typeof code === 'string' && CLOSED_BY_PEER.has(code)
        ? `the connection was closed by ${failure.host} before an answer`
        : failure.cause instanceof Error
          ? failure.cause.message
          : String(failure.cause);
    const message = `${failure.method} ${failure.path} ${what} after ${failure.attempts} attempt(s): ${reason}`;
    super(failure.context ? `${failure.context}: ${message}` : message, { cause: failure.cause });
    this.name = 'AltinnNetworkError';
    this.method = failure.method;
    this.path = redactSecrets(failure.path);
    this.attempts = failure.attempts;
    this.timedOut = failure.timedOut;
    // Kept with the redacted cause only, so a secret in the original cannot travel on.
    this.#failure = { ...failure, cause: this.cause };
  }

  /** The same failure, its message led by what was being reached. */
  within(context: string): AltinnNetworkError {
    return new AltinnNetworkError({ ...this.#failure, context });
  }
}

/**
 * The configured URL answers, but not as Altinn: a 404 where the register has none to give, from a
 * wrong base path or another web server. Reported as a connection problem, never as data missing.
 */
export class AltinnUnreachableError extends AltinnClientError {
  constructor(platformUrl: string, detail: string) {
    super(`cannot reach the Altinn register at ${platformUrl}: ${detail}`);
    this.name = 'AltinnUnreachableError';
  }
}

/** Maskinporten refused the grant, or the token exchange failed. */
export class TokenError extends AltinnClientError {
  readonly status: number | undefined;
  /** OAuth `error`, e.g. `invalid_grant`. */
  readonly oauthError: string | undefined;
  constructor(message: string, details: { status?: number; oauthError?: string; cause?: unknown } = {}) {
    super(message, { cause: details.cause });
    this.name = 'TokenError';
    this.status = details.status;
    this.oauthError = details.oauthError;
  }
}

/** Missing or unreadable Maskinporten credentials. */
export class CredentialsError extends AltinnClientError {
  readonly missing: string[];
  constructor(message: string, missing: string[] = []) {
    super(message);
    this.name = 'CredentialsError';
    this.missing = missing;
  }
}

interface ClassifiedBody {
  kind: ProblemKind;
  codes: string[];
  fieldErrors: Record<string, string[]>;
}

/** Tells the three body shapes of §4.4 apart. Keyed on content, since content types are not reliable. */
export function classifyErrorBody(body: string, contentType?: string): ClassifiedBody {
  if (body.trim() === '') return { kind: 'empty', codes: [], fieldErrors: {} };
  const looksJson = /json/i.test(contentType ?? '') || /^\s*[{[]/.test(body);
  if (looksJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    if (isRecord(parsed)) {
      if (Array.isArray(parsed.validationErrors)) {
        const codes = parsed.validationErrors
          .map((item) => (isRecord(item) && typeof item.code === 'string' ? item.code : undefined))
          .filter((code): code is string => code !== undefined);
        return { kind: 'altinn-problem', codes, fieldErrors: {} };
      }
      if (isRecord(parsed.errors)) {
        const fieldErrors: Record<string, string[]> = {};
        for (const [field, messages] of Object.entries(parsed.errors)) {
          fieldErrors[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
        }
        return { kind: 'aspnet-problem', codes: [], fieldErrors };
      }
      if (typeof parsed.title === 'string' || typeof parsed.type === 'string') {
        // RFC 7807 without validation details, e.g. the production 500 handler (§3.1).
        return { kind: 'aspnet-problem', codes: [], fieldErrors: {} };
      }
    }
  }
  return { kind: 'text', codes: [], fieldErrors: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
