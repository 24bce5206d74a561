/**
 * What the register's actions work on: the routed request, the authenticated caller and the state,
 * and the caller checks the service runs (shared/altinn-system-register.md §1.1), quirks included.
 */
import { SCOPE_ADMIN } from '../model/wire.ts';
import type { HttpReply } from './http-reply.ts';
import type { CatalogueStore } from './catalogue-store.ts';
import type { ChangeAuthor, RegisterState } from './register-state.ts';

/** The claims of a validated bearer token that the register looks at. */
export interface Caller {
  /** The raw `scope` claim (space-separated). */
  scope: string;
  /** The raw `consumer` claim, parsed from JSON when it was a string. */
  consumer: unknown;
  /** The `client_id` claim; the changelog records it. */
  clientId: string;
}

export interface RegisterContext {
  state: RegisterState;
  catalogue: CatalogueStore;
  now: () => number;
  newInternalId: () => string;
}

export interface RegisterRequest {
  method: string;
  /** Path segments after `/authentication/api/v1/systemregister`, URL-decoded, trailing slash dropped. */
  segments: string[];
  query: URLSearchParams;
  body: string;
  /** null: no token, or one that did not validate. */
  caller: Caller | null;
}

/** An action of the register, as the route table calls it. */
export type RegisterAction = (
  context: RegisterContext,
  request: RegisterRequest,
  caller: Caller,
) => RegisterOutcome;

export interface RegisterOutcome {
  reply: HttpReply;
  /** True when state changed (the HTTP layer persists it). */
  committed: boolean;
}

export const NULL_REFERENCE = 'Object reference not set to an instance of an object.';

/** Thrown where the service would throw; the action's own try/catch or the exception handler answers. */
export class ServiceException extends Error {}

export function hasScope(caller: Caller, accepted: string[]): boolean {
  return caller.scope.split(' ').some((s) => accepted.includes(s));
}

/** `AuthenticationHelper`: org number of the `consumer` claim; throws on a foreign authority or prefix. */
export function readConsumerOrg(caller: Caller): string | undefined {
  const consumer = caller.consumer;
  if (consumer === undefined || consumer === null) return undefined;
  if (typeof consumer !== 'object') throw new ServiceException('Invalid consumer claim');
  const { authority, ID } = consumer as { authority?: unknown; ID?: unknown };
  if (authority !== 'iso6523-actorid-upis' || typeof ID !== 'string')
    throw new ServiceException('Invalid consumer claim');
  const [prefix, org] = ID.split(':');
  if (prefix !== '0192' || org === undefined) throw new ServiceException('Invalid consumer claim');
  return org;
}

/** `HasWriteAccess`: the admin scope (a substring test) or the consumer org equals the vendor org. */
export function hasWriteAccess(caller: Caller, vendorOrgNumber: string): boolean {
  if (caller.scope.includes(SCOPE_ADMIN)) return true;
  const org = readConsumerOrg(caller);
  return org !== undefined && org.toLowerCase() === vendorOrgNumber.toLowerCase();
}

export function authorOf(caller: Caller, context: RegisterContext): ChangeAuthor {
  let orgNumber: string;
  try {
    orgNumber = readConsumerOrg(caller) ?? '';
  } catch {
    orgNumber = '';
  }
  return { orgNumber, clientId: caller.clientId, time: context.now() };
}

export const done = (reply: HttpReply, committed = false): RegisterOutcome => ({ reply, committed });
