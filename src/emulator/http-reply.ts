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

/** Altinn validation problem (§3.1), `STD-00000` wrapping the AUTH.VLD errors. */
export function replyValidationProblem(errors: AltinnValidationError[]): HttpReply {
  return {
    status: 400,
    headers: { 'content-type': PROBLEM_TYPE },
    body: JSON.stringify({
      type: 'urn:altinn:error:STD-00000',
      title: 'One or more validation errors occurred.',
      status: 400,
      code: 'STD-00000',
      traceId: createTraceId(),
      statusDescription: STATUS_DESCRIPTIONS[400],
      validationErrors: errors,
    }),
  };
}

/** ASP.NET `ValidationProblemDetails` (model binding, DELETE of an unknown id). */
export function replyAspNetValidationProblem(errors: Record<string, string[]>): HttpReply {
  return {
    status: 400,
    headers: { 'content-type': PROBLEM_TYPE },
    body: JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors,
      traceId: createTraceId(),
    }),
  };
}

/** An unhandled exception behind `UseExceptionHandler`: RFC 7807 500 with no details. */
/**
 * The exception handler's 500. `exception`: the exception's type and message, as the non-production
 * error page shows them (Altinn's own tests read `Npgsql.PostgresException` and the constraint there);
 * left out for exceptions whose text would say nothing.
 */
export function replyUnhandledError(exception?: string): HttpReply {
  return {
    status: 500,
    headers: { 'content-type': PROBLEM_TYPE },
    body: JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
      title: 'An error occurred while processing your request.',
      status: 500,
      ...(exception === undefined ? {} : { detail: exception }),
      traceId: createTraceId(),
    }),
  };
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
