/**
 * The system register's controller, reproduced check by check in the service's order
 * (shared/altinn-system-register.md §1, §3.3–3.5, §4), quirks included. It turns a routed request and
 * an authenticated caller into an `HttpReply`, reading and writing a `RegisterState`.
 */
import { storedRedirectUrl } from '../model/canonical.ts';
import { SCOPE_ADMIN, SCOPE_PORTAL, SCOPE_WRITE } from '../model/wire.ts';
import type { AltinnValidationError } from '../model/wire.ts';
import type { AccessPackage, Right } from '../model/system.ts';
import type { CatalogueStore } from './catalogue-store.ts';
import type { HttpReply } from './http-reply.ts';
import {
  replyAspNetValidationProblem,
  replyEmpty,
  replyJson,
  replyText,
  replyUnhandledError,
  replyValidationProblem,
} from './http-reply.ts';
import type { BoundSystemRequest } from './register-binding.ts';
import { bindAccessPackageList, bindRightList, bindSystemRequest } from './register-binding.ts';
import type { ChangeAuthor, RegisterState, StoredSystem, SystemColumns } from './register-state.ts';
import { renderChangeLogEntry, renderLiveSystem, renderSystemDTO } from './register-state.ts';
import {
  ERROR_PATHS,
  createValidationError,
  findTranslatedTextViolation,
  isHttpsAbsoluteUrl,
  satisfiesUriDomain,
  validateAccessPackages,
  validateRights,
} from './register-validation.ts';

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

export interface RegisterOutcome {
  reply: HttpReply;
  /** True when state changed (the HTTP layer persists it). */
  committed: boolean;
}

const NULL_REFERENCE = 'Object reference not set to an instance of an object.';

/** Thrown where the service would throw; the action's own try/catch or the exception handler answers. */
class ServiceException extends Error {}

function hasScope(caller: Caller, accepted: string[]): boolean {
  return caller.scope.split(' ').some((s) => accepted.includes(s));
}

/** `AuthenticationHelper`: org number of the `consumer` claim; throws on a foreign authority or prefix. */
function readConsumerOrg(caller: Caller): string | undefined {
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
function hasWriteAccess(caller: Caller, vendorOrgNumber: string): boolean {
  if (caller.scope.includes(SCOPE_ADMIN)) return true;
  const org = readConsumerOrg(caller);
  return org !== undefined && org.toLowerCase() === vendorOrgNumber.toLowerCase();
}

function authorOf(caller: Caller, context: RegisterContext): ChangeAuthor {
  let orgNumber: string;
  try {
    orgNumber = readConsumerOrg(caller) ?? '';
  } catch {
    orgNumber = '';
  }
  return { orgNumber, clientId: caller.clientId, time: context.now() };
}

/**
 * As PostgreSQL's jsonb gives a value back (§9): object keys sorted by length, then bytewise.
 * The changelog's `changedData` column is jsonb, so Altinn returns it in this order, not as sent.
 */
export function toJsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonbOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort(
    (a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)),
  );
  return Object.fromEntries(keys.map((key) => [key, toJsonbOrder((value as Record<string, unknown>)[key])]));
}

/** The request as the changelog stores it: default (PascalCase) System.Text.Json, as sent. */
function toChangedData(request: BoundSystemRequest): unknown {
  return toJsonbOrder({
    Id: request.id,
    Vendor: { ID: request.vendorId },
    Name: request.name,
    Description: request.description,
    Rights: request.rights === null ? null : toChangedRights(request.rights),
    AccessPackages: request.accessPackages === null ? null : toChangedPackages(request.accessPackages),
    ClientId: request.clientId,
    IsVisible: request.isVisible,
    AllowedRedirectUrls: request.allowedRedirectUrls,
  });
}

function toChangedRights(rights: Right[]): unknown {
  return rights.map((r) => ({
    Action: r.action ?? null,
    Resource: r.resource.map((p) => ({ id: p.id, value: p.value })),
  }));
}

function toChangedPackages(packages: AccessPackage[]): unknown {
  return packages.map((p) => ({ Urn: p.urn }));
}

function toColumns(request: BoundSystemRequest, vendorOrgNumber: string): SystemColumns {
  return {
    id: request.id,
    vendorOrgNumber,
    name: request.name,
    description: request.description,
    rights: request.rights,
    accessPackages: request.accessPackages,
    clientId: request.clientId,
    allowedRedirectUrls: request.allowedRedirectUrls.map(storedRedirectUrl),
    isVisible: request.isVisible,
  };
}

/** The DB's domain and length checks, in the order an INSERT/UPDATE would hit them. */
function findStorageViolation(columns: SystemColumns): string | undefined {
  if (columns.id.length > 255) return '22001: value too long for type character varying(255)';
  for (const map of [columns.name, columns.description]) {
    const constraint = findTranslatedTextViolation(map);
    if (constraint) {
      return `23514: value for domain business_application.translated_text violates check constraint "${constraint}"`;
    }
  }
  if (columns.allowedRedirectUrls.some((u) => !satisfiesUriDomain(u))) {
    return '23514: value for domain business_application.uri violates check constraint "uri_scheme_check"';
  }
  return undefined;
}

const done = (reply: HttpReply, committed = false): RegisterOutcome => ({ reply, committed });

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

type Handler = (context: RegisterContext, request: RegisterRequest, caller: Caller) => RegisterOutcome;
type Route =
  | { kind: 'found'; portal: boolean; handle: Handler }
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
): { portal: boolean; handlers: Record<string, Handler> } | undefined {
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
    if (third === 'rights')
      return { portal: false, handlers: { PUT: (c, r, caller) => updateRights(c, r, caller, id) } };
    if (third === 'accesspackages') {
      return { portal: false, handlers: { PUT: (c, r, caller) => updateAccessPackages(c, r, caller, id) } };
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

/** #1 POST `/vendor` (§3.3). The whole action is inside try/catch: exceptions become 500 text or 409. */
function createSystem(context: RegisterContext, request: RegisterRequest, caller: Caller): RegisterOutcome {
  const bound = bindSystemRequest(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  // TrimStringsActionFilter: only the top-level id and vendor.ID.
  const body: BoundSystemRequest = {
    ...bound.value,
    id: bound.value.id.trim(),
    vendorId: bound.value.vendorId.trim(),
  };
  try {
    const identityParts = body.vendorId.split(':');
    if (identityParts[0] !== '0192') {
      return done(replyValidationProblem([createValidationError('AUTH.VLD-00000', ERROR_PATHS.vendorId)]));
    }
    const orgNumber = identityParts[1];
    if (orgNumber === undefined) throw new ServiceException('Index was outside the bounds of the array.');
    const errors: AltinnValidationError[] = [];
    if (body.id.includes(' ')) errors.push(createValidationError('AUTH.VLD-00013', ERROR_PATHS.systemId));
    if (body.id.split('_')[0] !== orgNumber)
      errors.push(createValidationError('AUTH.VLD-00001', ERROR_PATHS.systemId));
    if (context.state.find(body.id))
      errors.push(createValidationError('AUTH.VLD-00002', ERROR_PATHS.systemId));
    if (!body.allowedRedirectUrls.every(isHttpsAbsoluteUrl)) {
      errors.push(createValidationError('AUTH.VLD-00005', ERROR_PATHS.redirectUrls));
    }
    if (body.clientId.some((c) => context.state.findClientOwner(c) !== undefined)) {
      errors.push(createValidationError('AUTH.VLD-00004', ERROR_PATHS.clientId));
    }
    errors.push(...validateRights(body.rights, context.catalogue));
    errors.push(...validateAccessPackages(body.accessPackages, body.isVisible, context.catalogue));
    // Ownership runs after the validators but wins over their errors (§3.3 step 6).
    if (!hasWriteAccess(caller, orgNumber)) return done(replyEmpty(403));
    if (errors.length > 0) return done(replyValidationProblem(errors));
    const columns = toColumns(body, orgNumber);
    const violation = findStorageViolation(columns);
    if (violation) throw new ServiceException(violation);
    const result = context.state.insert(
      columns,
      context.newInternalId(),
      authorOf(caller, context),
      toChangedData(body),
    );
    if (!result.ok) return done(replyText(409, `The System already exist: ${body.id}`));
    return done(replyJson(200, result.internalId), true);
  } catch (error) {
    if (error instanceof ServiceException || error instanceof TypeError)
      return done(replyText(500, error.message));
    throw error;
  }
}

/** #2 GET `/vendor/{id}`: deleted systems included. */
function getSystem(context: RegisterContext, caller: Caller, id: string): RegisterOutcome {
  const system = context.state.find(id);
  if (!system) return done(replyEmpty(404));
  if (!hasWriteAccess(caller, system.vendorOrgNumber)) return done(replyEmpty(403));
  return done(replyJson(200, renderLiveSystem(system)));
}

/** #3 GET `/vendor`: the caller's non-deleted systems, invisible ones included. */
function listVendorSystems(
  context: RegisterContext,
  _request: RegisterRequest,
  caller: Caller,
): RegisterOutcome {
  const org = readConsumerOrg(caller);
  if (org === undefined) return done(replyEmpty(403));
  return done(
    replyJson(200, context.state.listByVendor(org).map(renderSystemDTO), { 'cache-control': 'no-store' }),
  );
}

/** #4 PUT `/vendor/{id}` (§3.4). */
function updateSystem(
  context: RegisterContext,
  request: RegisterRequest,
  caller: Caller,
  id: string,
): RegisterOutcome {
  const bound = bindSystemRequest(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  const body: BoundSystemRequest = {
    ...bound.value,
    id: bound.value.id.trim(),
    vendorId: bound.value.vendorId.trim(),
  };
  const notFound = replyText(404, `System with ID '${id}' not found.`);
  const stored = context.state.find(id);
  if (!stored) return done(notFound);
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  if (body.vendorId !== `0192:${stored.vendorOrgNumber}`) return done(notFound);
  if (body.id !== id)
    return done(replyValidationProblem([createValidationError('AUTH.VLD-00012', ERROR_PATHS.systemId)]));
  if (stored.isDeleted) return done(replyText(400, 'Cannot update a system marked as deleted.'));
  const errors: AltinnValidationError[] = [];
  errors.push(...validateRights(body.rights, context.catalogue));
  errors.push(...validateAccessPackages(body.accessPackages, body.isVisible, context.catalogue));
  const lowered = body.clientId.map((c) => c.toLowerCase());
  if (new Set(lowered).size !== lowered.length) {
    errors.push(createValidationError('AUTH.VLD-00011', ERROR_PATHS.clientId));
  }
  for (const clientId of body.clientId) {
    const owner = context.state.findClientOwner(clientId);
    if (owner && owner.internalId !== stored.internalId) {
      errors.push(createValidationError('AUTH.VLD-00004', ERROR_PATHS.clientId));
    }
  }
  if (errors.length > 0) return done(replyValidationProblem(errors));
  const columns = toColumns(body, stored.vendorOrgNumber);
  // Not caught on PUT: a DB constraint failure rolls back and reaches the exception handler.
  const violation = findStorageViolation(columns);
  if (violation) return done(replyUnhandledError(`Npgsql.PostgresException (0x80004005): ${violation}`));
  context.state.update(id, columns, authorOf(caller, context), toChangedData(body));
  return done(replyJson(200, { succeeded: true }), true);
}

/** Shared order of #5 and #6 (§3.5): load (no null check), ownership, deleted, validation. */
function checkSubResourceWrite(
  context: RegisterContext,
  caller: Caller,
  id: string,
): StoredSystem | RegisterOutcome {
  const stored = context.state.find(id);
  if (!stored) throw new TypeError(NULL_REFERENCE);
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  if (stored.isDeleted) return done(replyText(400, 'Cannot update a system marked as deleted.'));
  return stored;
}

/** #5 PUT `/vendor/{id}/rights`: an unknown id answers 500. */
function updateRights(
  context: RegisterContext,
  request: RegisterRequest,
  caller: Caller,
  id: string,
): RegisterOutcome {
  const bound = bindRightList(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  const checked = checkSubResourceWrite(context, caller, id);
  if ('reply' in checked) return checked;
  const errors = validateRights(bound.value, context.catalogue);
  if (errors.length > 0) return done(replyValidationProblem(errors));
  context.state.replaceRights(
    id,
    bound.value,
    authorOf(caller, context),
    toJsonbOrder(toChangedRights(bound.value)),
  );
  return done(replyJson(200, { succeeded: true }), true);
}

/** #6 PUT `/vendor/{id}/accesspackages`: uses the stored isVisible for 00018. */
function updateAccessPackages(
  context: RegisterContext,
  request: RegisterRequest,
  caller: Caller,
  id: string,
): RegisterOutcome {
  const bound = bindAccessPackageList(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  const checked = checkSubResourceWrite(context, caller, id);
  if ('reply' in checked) return checked;
  const errors = validateAccessPackages(bound.value, checked.isVisible, context.catalogue);
  if (errors.length > 0) return done(replyValidationProblem(errors));
  context.state.replaceAccessPackages(
    id,
    bound.value,
    authorOf(caller, context),
    toJsonbOrder(toChangedPackages(bound.value)),
  );
  return done(replyJson(200, { succeeded: true }), true);
}

/** #7 DELETE (§4.1): committed even when it answers 400 (no client ids, or already deleted). */
function deleteSystem(context: RegisterContext, caller: Caller, id: string): RegisterOutcome {
  const stored = context.state.find(id);
  if (!stored) return done(replyAspNetValidationProblem({ return: ['System not found'] }));
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  const result = context.state.softDelete(id, authorOf(caller, context));
  const succeeded = result.systemRowsChanged > 0 && result.clientRowsDeleted > 0;
  return done(succeeded ? replyJson(200, { succeeded: true }) : replyEmpty(400), true);
}

/** #8 GET `/vendor/{id}/changelog`, newest first. */
function getChangelog(context: RegisterContext, caller: Caller, id: string): RegisterOutcome {
  const stored = context.state.find(id);
  if (!stored) return done(replyText(404, `System with ID ${id} not found.`));
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  return done(replyJson(200, context.state.changelogOf(stored.internalId).map(renderChangeLogEntry)));
}

/** #9 GET `/`: visible, non-deleted systems of every vendor. */
function listVisibleSystems(context: RegisterContext): RegisterOutcome {
  return done(replyJson(200, context.state.listVisible().map(renderSystemDTO)));
}

/** #10 GET `/{id}`: deleted systems are not filtered out. */
function getPortalSystem(context: RegisterContext, id: string): RegisterOutcome {
  const system = context.state.find(id);
  return done(system ? replyJson(200, renderSystemDTO(system)) : replyEmpty(404));
}

/** #11 GET `/{id}/rights`: `[]` for an unknown id; `useOldFormatForApp` splits app resources. */
function getPortalRights(context: RegisterContext, request: RegisterRequest, id: string): RegisterOutcome {
  const rights = context.state.find(id)?.rights ?? [];
  const oldFormat = readQuery(request.query, 'useOldFormatForApp')?.toLowerCase() === 'true';
  const rendered = rights.map((right) => {
    const resource = oldFormat ? right.resource.flatMap(toOldAppFormat) : right.resource;
    return right.action === undefined || right.action === null
      ? { resource }
      : { action: right.action, resource };
  });
  return done(replyJson(200, rendered));
}

/** ASP.NET's `[FromQuery]` binds names case-insensitively (§9): `?useoldformatforapp=true` works. */
function readQuery(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

/**
 * `DelegationHelper`'s old app format (§9): an `app_{org}_{app}` resource becomes an org and an app
 * pair; other resources stay; pairs that are not resources, and app values that do not split into
 * exactly org and app, are dropped.
 */
function toOldAppFormat(pair: { id: string; value: string }): { id: string; value: string }[] {
  if (pair.id !== 'urn:altinn:resource') return [];
  if (!pair.value.startsWith('app_')) return [pair];
  const parts = pair.value.split('_');
  if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return [];
  return [
    { id: 'urn:altinn:org', value: parts[1] ?? '' },
    { id: 'urn:altinn:app', value: parts[2] ?? '' },
  ];
}

/** #12 GET `/{id}/accesspackages`: `[]` for an unknown id. */
function getPortalAccessPackages(context: RegisterContext, id: string): RegisterOutcome {
  return done(replyJson(200, context.state.find(id)?.accessPackages ?? []));
}
