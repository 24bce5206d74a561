/**
 * The vendor's view of a system's system users (shared/altinn-system-register.md §8.3):
 * `GET /authentication/api/v1/systemuser/vendor/bysystem/{systemId}`, paginated as Altinn's
 * `Paginated<T>` (`{ links: { next }, data }`), with an opaque continuation token in `next`.
 */
import { SCOPE_ADMIN, SCOPE_WRITE, SYSTEM_USERS_BY_SYSTEM_PATH } from '../model/wire.ts';
import type { SystemUserRecord } from '../model/wire.ts';
import type { HttpReply } from './http-reply.ts';
import { replyEmpty, replyJson } from './http-reply.ts';
import type { Caller } from './register-service.ts';
import type { RegisterState, StoredSystemUser } from './register-state.ts';

export interface SystemUsersContext {
  state: RegisterState;
  /** The emulator's base URL; `links.next` is absolute, as ASP.NET's `Url.Link` writes it. */
  baseUrl: string;
  pageSize: number;
}

/** `Opaque<long>`: the next sequence number, not meant to be read by clients. */
const encodeToken = (sequenceNo: number) => Buffer.from(`seq:${sequenceNo}`).toString('base64url');
function decodeToken(token: string): number | undefined {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

function vendorOrgOf(caller: Caller): string | undefined {
  const consumer = caller.consumer as { authority?: unknown; ID?: unknown } | null | undefined;
  if (typeof consumer !== 'object' || consumer === null || typeof consumer.ID !== 'string') return undefined;
  const [prefix, org] = consumer.ID.split(':');
  return prefix === '0192' && org ? org : undefined;
}

function toExternal(user: StoredSystemUser, vendorOrgNumber: string): SystemUserRecord {
  return {
    id: user.id,
    integrationTitle: user.integrationTitle,
    systemId: user.systemId,
    productName: user.systemId,
    reporteeOrgNo: user.reporteeOrgNo,
    created: new Date(user.created).toISOString(),
    isDeleted: false,
    supplierName: '',
    supplierOrgno: vendorOrgNumber,
    externalRef: user.externalRef,
    userType: user.userType,
  };
}

/** Query names bind case-insensitively, as ASP.NET's `[FromQuery]` does. */
function readQuery(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

export function handleSystemUsersRequest(
  context: SystemUsersContext,
  request: { method: string; systemId: string; query: URLSearchParams; caller: Caller | null },
): HttpReply {
  if (request.method !== 'GET') return replyEmpty(405, { allow: 'GET' });
  const { caller } = request;
  if (!caller) return replyEmpty(401);
  if (!caller.scope.split(' ').some((s) => s === SCOPE_WRITE || s === SCOPE_ADMIN)) return replyEmpty(403);
  const vendorOrgNumber = vendorOrgOf(caller);
  if (vendorOrgNumber === undefined) return replyEmpty(401);
  const system = context.state.find(request.systemId);
  if (!system || system.vendorOrgNumber !== vendorOrgNumber) {
    return replyJson(
      404,
      {
        type: 'urn:altinn:error:AUTH-00011',
        title: 'The Id does not refer to a Registered System.',
        status: 404,
        code: 'AUTH-00011',
      },
      { 'content-type': 'application/problem+json; charset=utf-8' },
    );
  }
  const token = readQuery(request.query, 'token');
  const from = token === undefined ? 0 : decodeToken(token);
  if (from === undefined)
    return replyJson(400, { title: 'The continuation token is not valid.', status: 400 });
  const page = context.state.listSystemUsers(request.systemId, from, context.pageSize);
  // A full page may have more after it; the next page then says so by being short.
  const last = page.at(-1);
  const next =
    page.length === context.pageSize && last
      ? `${context.baseUrl}${SYSTEM_USERS_BY_SYSTEM_PATH}/${encodeURIComponent(request.systemId)}?token=${encodeToken(last.sequenceNo + 1)}`
      : null;
  return replyJson(200, { links: { next }, data: page.map((user) => toExternal(user, vendorOrgNumber)) });
}
