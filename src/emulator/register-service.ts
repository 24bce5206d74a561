/**
 * The system register's controller, reproduced check by check in the service's order
 * (shared/altinn-system-register.md §1, §3.3–3.5, §4), quirks included. It turns a routed request and
 * an authenticated caller into an `HttpReply`, reading and writing a `RegisterState`: authentication
 * and the policy's scope here, then the route's action (register-vendor-actions.ts,
 * register-portal-actions.ts).
 */
import { SCOPE_ADMIN, SCOPE_PORTAL, SCOPE_WRITE } from '../model/wire.ts';
import { replyEmpty, replyUnhandledError } from './http-reply.ts';
import {
  getPortalAccessPackages,
  getPortalRights,
  getPortalSystem,
  listVisibleSystems,
} from './register-portal-actions.ts';
import type {
  RegisterAction,
  RegisterContext,
  RegisterOutcome,
  RegisterRequest,
} from './register-request.ts';
import { done, hasScope, ServiceException } from './register-request.ts';
import {
  createSystem,
  deleteSystem,
  getChangelog,
  getSystem,
  listVendorSystems,
  updateAccessPackages,
  updateRights,
  updateSystem,
} from './register-vendor-actions.ts';

export type { Caller, RegisterContext, RegisterOutcome, RegisterRequest } from './register-request.ts';

export function handleRegisterRequest(context: RegisterContext, request: RegisterRequest): RegisterOutcome {
  const route = matchRoute(request.method, request.segments);
  if (route.kind === 'notFound') return done(replyEmpty(404));
  if (route.kind === 'methodNotAllowed') return done(replyEmpty(405, { allow: route.allow.join(', ') }));
  // Authentication, then the policy's scope check, before model binding (§3.3 step 1).
  const caller = request.caller;
  if (!caller) return done(replyEmpty(401));
  const policy = route.portal ? [SCOPE_PORTAL] : [SCOPE_WRITE, SCOPE_ADMIN];
  if (!hasScope(caller, policy)) return done(replyEmpty(403));
  try {
    return route.handle(context, request, caller);
  } catch (error) {
    if (error instanceof ServiceException || error instanceof TypeError) return done(replyUnhandledError());
    throw error;
  }
}

type Route =
  | { kind: 'found'; portal: boolean; handle: RegisterAction }
  | { kind: 'notFound' }
  | { kind: 'methodNotAllowed'; allow: string[] };

function matchRoute(method: string, segments: string[]): Route {
  const table = findRouteTable(segments);
  if (!table) return { kind: 'notFound' };
  const handle = table.handlers[method];
  if (!handle) return { kind: 'methodNotAllowed', allow: Object.keys(table.handlers) };
  return { kind: 'found', portal: table.portal, handle };
}

function findRouteTable(
  segments: string[],
): { portal: boolean; handlers: Record<string, RegisterAction> } | undefined {
  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (first === undefined) return { portal: true, handlers: { GET: listVisibleSystems } };
  if (first === 'vendor') {
    if (second === undefined)
      return { portal: false, handlers: { GET: listVendorSystems, POST: createSystem } };
    const id = second;
    if (third === undefined) {
      return {
        portal: false,
        handlers: {
          GET: (c, r, caller) => getSystem(c, caller, id),
          PUT: (c, r, caller) => updateSystem(c, r, caller, id),
          DELETE: (c, r, caller) => deleteSystem(c, caller, id),
        },
      };
    }
    if (third === 'rights') return { portal: false, handlers: { PUT: updateRights(id) } };
    if (third === 'accesspackages') {
      return { portal: false, handlers: { PUT: updateAccessPackages(id) } };
    }
    if (third === 'changelog')
      return { portal: false, handlers: { GET: (c, r, caller) => getChangelog(c, caller, id) } };
    return undefined;
  }
  const id = first;
  if (second === undefined && third === undefined)
    return { portal: true, handlers: { GET: (c) => getPortalSystem(c, id) } };
  if (third !== undefined) return undefined;
  if (second === 'rights') return { portal: true, handlers: { GET: (c, r) => getPortalRights(c, r, id) } };
  if (second === 'accesspackages')
    return { portal: true, handlers: { GET: (c) => getPortalAccessPackages(c, id) } };
  return undefined;
}
