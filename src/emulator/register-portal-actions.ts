/**
 * The register's portal reads, #9–#12 of shared/altinn-system-register.md §1.2: what end users see,
 * deleted systems included where the service does not filter them.
 */
import { replyEmpty, replyJson } from './http-reply.ts';
import type { RegisterContext, RegisterOutcome, RegisterRequest } from './register-request.ts';
import { done } from './register-request.ts';
import { renderSystemDTO } from './register-state.ts';

/** #9 GET `/`: visible, non-deleted systems of every vendor. */
export function listVisibleSystems(context: RegisterContext): RegisterOutcome {
  return done(replyJson(200, context.state.listVisible().map(renderSystemDTO)));
}

/** #10 GET `/{id}`: deleted systems are not filtered out. */
export function getPortalSystem(context: RegisterContext, id: string): RegisterOutcome {
  const system = context.state.find(id);
  return done(system ? replyJson(200, renderSystemDTO(system)) : replyEmpty(404));
}

/** #11 GET `/{id}/rights`: `[]` for an unknown id; `useOldFormatForApp` splits app resources. */
export function getPortalRights(
  context: RegisterContext,
  request: RegisterRequest,
  id: string,
): RegisterOutcome {
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
export function getPortalAccessPackages(context: RegisterContext, id: string): RegisterOutcome {
  return done(replyJson(200, context.state.find(id)?.accessPackages ?? []));
}
