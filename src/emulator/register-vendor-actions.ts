/**
 * The register's vendor actions, #1–#8 of shared/altinn-system-register.md §1.2: create, read, list,
 * update, the rights and access-package sub-resources, delete and the changelog, check by check in
 * the service's order (§3.3–3.5, §4).
 */
import type { AltinnValidationError } from '../model/wire.ts';
import {
  replyAspNetValidationProblem,
  replyEmpty,
  replyJson,
  replyText,
  replyUnhandledError,
  replyValidationProblem,
} from './http-reply.ts';
import type { BindingResult, BoundSystemRequest } from './register-binding.ts';
import { bindAccessPackageList, bindRightList, bindSystemRequest } from './register-binding.ts';
import type {
  Caller,
  RegisterAction,
  RegisterContext,
  RegisterOutcome,
  RegisterRequest,
} from './register-request.ts';
import {
  authorOf,
  done,
  hasWriteAccess,
  NULL_REFERENCE,
  readConsumerOrg,
  ServiceException,
} from './register-request.ts';
import {
  findStorageViolation,
  toChangedData,
  toChangedPackages,
  toChangedRights,
  toColumns,
  toJsonbOrder,
} from './register-rows.ts';
import type { ChangeAuthor, StoredSystem } from './register-state.ts';
import { renderChangeLogEntry, renderLiveSystem, renderSystemDTO } from './register-state.ts';
import {
  ERROR_PATHS,
  createValidationError,
  isHttpsAbsoluteUrl,
  validateAccessPackages,
  validateRights,
} from './register-validation.ts';

/**
 * Model binding (a failure is the automatic 400), then TrimStringsActionFilter, which trims only the
 * top-level id and vendor.ID.
 */
function bindTrimmedSystemRequest(request: RegisterRequest): BoundSystemRequest | RegisterOutcome {
  const bound = bindSystemRequest(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  return { ...bound.value, id: bound.value.id.trim(), vendorId: bound.value.vendorId.trim() };
}

/** #1 POST `/vendor` (§3.3). The whole action is inside try/catch: exceptions become 500 text or 409. */
export const createSystem: RegisterAction = (context, request, caller) => {
  const body = bindTrimmedSystemRequest(request);
  if ('reply' in body) return body;
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
};

/** #2 GET `/vendor/{id}`: deleted systems included. */
export function getSystem(context: RegisterContext, caller: Caller, id: string): RegisterOutcome {
  const system = context.state.find(id);
  if (!system) return done(replyEmpty(404));
  if (!hasWriteAccess(caller, system.vendorOrgNumber)) return done(replyEmpty(403));
  return done(replyJson(200, renderLiveSystem(system)));
}

/** #3 GET `/vendor`: the caller's non-deleted systems, invisible ones included. */
export function listVendorSystems(
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
export function updateSystem(
  context: RegisterContext,
  request: RegisterRequest,
  caller: Caller,
  id: string,
): RegisterOutcome {
  const body = bindTrimmedSystemRequest(request);
  if ('reply' in body) return body;
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

/** How #5 and #6 differ: the list they bind, how they validate it, and where they store it. */
interface SubResource<T> {
  bind: (text: string) => BindingResult<T[]>;
  validate: (items: T[], stored: StoredSystem) => AltinnValidationError[];
  /** Stores the list with its changelog entry (`changedData` in .NET's default shape). */
  store: (items: T[], author: ChangeAuthor) => void;
}

/**
 * The order #5 and #6 share (§3.5): binding, then load (no null check, so an unknown id is a
 * NullReferenceException), ownership, deleted, validation.
 */
function replaceSubResource<T>(
  context: RegisterContext,
  request: RegisterRequest,
  caller: Caller,
  id: string,
  resource: SubResource<T>,
): RegisterOutcome {
  const bound = resource.bind(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  const stored = context.state.find(id);
  if (!stored) throw new TypeError(NULL_REFERENCE);
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  if (stored.isDeleted) return done(replyText(400, 'Cannot update a system marked as deleted.'));
  const errors = resource.validate(bound.value, stored);
  if (errors.length > 0) return done(replyValidationProblem(errors));
  resource.store(bound.value, authorOf(caller, context));
  return done(replyJson(200, { succeeded: true }), true);
}

/** #5 PUT `/vendor/{id}/rights`: an unknown id answers 500. */
export function updateRights(id: string): RegisterAction {
  return (context, request, caller) =>
    replaceSubResource(context, request, caller, id, {
      bind: bindRightList,
      validate: (rights) => validateRights(rights, context.catalogue),
      store: (rights, author) =>
        context.state.replaceRights(id, rights, author, toJsonbOrder(toChangedRights(rights))),
    });
}

/** #6 PUT `/vendor/{id}/accesspackages`: uses the stored isVisible for 00018. */
export function updateAccessPackages(id: string): RegisterAction {
  return (context, request, caller) =>
    replaceSubResource(context, request, caller, id, {
      bind: bindAccessPackageList,
      validate: (packages, stored) => validateAccessPackages(packages, stored.isVisible, context.catalogue),
      store: (packages, author) =>
        context.state.replaceAccessPackages(id, packages, author, toJsonbOrder(toChangedPackages(packages))),
    });
}

/** #7 DELETE (§4.1): committed even when it answers 400 (no client ids, or already deleted). */
export function deleteSystem(context: RegisterContext, caller: Caller, id: string): RegisterOutcome {
  const stored = context.state.find(id);
  if (!stored) return done(replyAspNetValidationProblem({ return: ['System not found'] }));
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  const result = context.state.softDelete(id, authorOf(caller, context));
  const succeeded = result.systemRowsChanged > 0 && result.clientRowsDeleted > 0;
  return done(succeeded ? replyJson(200, { succeeded: true }) : replyEmpty(400), true);
}

/** #8 GET `/vendor/{id}/changelog`, newest first. */
export function getChangelog(context: RegisterContext, caller: Caller, id: string): RegisterOutcome {
  const stored = context.state.find(id);
  if (!stored) return done(replyText(404, `System with ID ${id} not found.`));
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  return done(replyJson(200, context.state.changelogOf(stored.internalId).map(renderChangeLogEntry)));
}
