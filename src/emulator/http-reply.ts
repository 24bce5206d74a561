/**
 * What a handler answers, as a value: the HTTP layer (server.ts) writes it. The body shapes are the
 * three a client of the register must handle (shared/altinn-system-register.md §4.4).
 */
import { randomBytes } from 'node:crypto';
import type { AltinnValidationError } from '../model/wire.ts';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function replyJson(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function replyText(status: number, text: string): HttpReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

export function replyEmpty(status: number, headers: Record<string, string> = {}): HttpReply {
  return { status, headers, body: '' };
}

/** A W3C trace id, as ASP.NET puts in problem bodies. */
export function createTraceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

const STATUS_DESCRIPTIONS: Record<number, string> = { 400: 'Bad Request' };
const RFC_9110_400 = 'https://tools.ietf.org/html/rfc9110#section-15.5.1';
const VALIDATION_TITLE = 'One or more validation errors occurred.';

/** An RFC 7807 problem as ASP.NET writes it: `type`, `title` and `status`, then `members` in order. */
function replyProblem(
  status: number,
  type: string,
  title: string,
  members: Record<string, unknown>,
): HttpReply {
  return {
    status,
    headers: { 'content-type': PROBLEM_TYPE },
    body: JSON.stringify({ type, title, status, ...members }),
  };
}

/** Altinn validation problem (§3.1), `STD-00000` wrapping the AUTH.VLD errors. */
export function replyValidationProblem(errors: AltinnValidationError[]): HttpReply {
  return replyProblem(400, 'urn:altinn:error:STD-00000', VALIDATION_TITLE, {
    code: 'STD-00000',
    traceId: createTraceId(),
    statusDescription: STATUS_DESCRIPTIONS[400],
    validationErrors: errors,
  });
}

/** ASP.NET `ValidationProblemDetails` (model binding, DELETE of an unknown id). */
export function replyAspNetValidationProblem(errors: Record<string, string[]>): HttpReply {
  return replyProblem(400, RFC_9110_400, VALIDATION_TITLE, { errors, traceId: createTraceId() });
}

/** ASP.NET's 400 for a request it cannot read (a path whose percent-escapes do not decode). */
export function replyBadRequest(detail: string): HttpReply {
  return replyProblem(400, RFC_9110_400, 'Bad Request', { detail, traceId: createTraceId() });
}

/**
 * The exception handler's 500. `exception`: the exception's type and message, as the non-production
 * error page shows them (Altinn's own tests read `Npgsql.PostgresException` and the constraint there);
 * left out for exceptions whose text would say nothing.
 */
export function replyUnhandledError(exception?: string): HttpReply {
  return replyProblem(
    500,
    'https://tools.ietf.org/html/rfc9110#section-15.6.1',
    'An error occurred while processing your request.',
    {
      ...(exception === undefined ? {} : { detail: exception }),
      traceId: createTraceId(),
    },
  );
}

/** The AUTH.VLD codes a reply carries (for the request log). */
export function findValidationCodes(reply: HttpReply): string[] {
  if (!reply.headers['content-type']?.startsWith('application/problem+json')) return [];
  try {
    const parsed = JSON.parse(reply.body) as { validationErrors?: { code?: unknown }[] };
    return (parsed.validationErrors ?? [])
      .map((e) => e.code)
      .filter((c): c is string => typeof c === 'string');
  } catch {
    return [];
  }
}
