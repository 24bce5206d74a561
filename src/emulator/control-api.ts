/**
 * The test and demo control surface under `/_emulator/` (never part of Altinn's). Its bodies are a
 * public interface that other tools drive; they are documented in the README, "The local Altinn".
 */
import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import type { AccessPackageRecord, LiveSystem, ResourceRecord } from '../model/wire.ts';
import { SYSTEM_REGISTER_PATH } from '../model/wire.ts';
import type { AccessPackage, Right } from '../model/system.ts';
import type { CatalogueStore } from './catalogue-store.ts';
import type { FaultInjector } from './fault-injector.ts';
import { parseFaultSettings } from './fault-injector.ts';
import type { HttpReply } from './http-reply.ts';
import { replyEmpty, replyJson } from './http-reply.ts';
import type { TokenService } from './maskinporten.ts';
import type { RegisterState, StoredSystem } from './register-state.ts';
import { renderLiveSystem } from './register-state.ts';

/** One line of `GET /_emulator/requests`. */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** 0 when no response was sent (an injected hang). */
  status: number;
  /** AUTH.VLD codes in the response body. */
  codes: string[];
  /** ISO timestamp from the emulator's clock. */
  time: string;
  fault?: 'error' | 'rateLimit' | 'reset' | 'timeout';
  /**
   * The system the request is about: the id in a register path (`/vendor/{id}…`, `/{id}…`), or for
   * `POST /vendor` the body's `id`, trimmed as the service trims it; null when it names none or the
   * body does not parse. Lets a test check directly which ids were created when.
   */
  systemId: string | null;
}

/** The `systemId` of a request log entry; `path` without the query. */
export function findRequestSystemId(method: string, path: string, body: string): string | null {
  if (!path.startsWith(`${SYSTEM_REGISTER_PATH}/`)) return null;
  const segments = path
    .slice(SYSTEM_REGISTER_PATH.length)
    .split('/')
    .filter((segment) => segment !== '');
  const [first, second] = segments;
  if (first === 'vendor' && second === undefined) {
    if (method !== 'POST') return null;
    try {
      const parsed = JSON.parse(body) as unknown;
      return isObject(parsed) && typeof parsed.id === 'string' ? parsed.id.trim() : null;
    } catch {
      return null;
    }
  }
  const encoded = first === 'vendor' ? second : first;
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

export interface ControlContext {
  state: RegisterState;
  catalogue: CatalogueStore;
  tokens: TokenService;
  faults: FaultInjector;
  requests: RequestLogEntry[];
  /** The emulator's clock, ms since epoch. */
  now: () => number;
  reset(): void;
}

export interface ControlOutcome {
  reply: HttpReply;
  committed: boolean;
}

interface SeedSystemUser {
  systemId: string;
  reporteeOrgNo: string;
  integrationTitle?: string;
}

function isResourceRecord(r: unknown): r is ResourceRecord {
  return isObject(r) && typeof r.identifier === 'string' && typeof r.resourceType === 'string';
}

function isAccessPackageRecord(p: unknown): p is AccessPackageRecord {
  return (
    isObject(p) &&
    typeof p.urn === 'string' &&
    typeof p.isDelegable === 'boolean' &&
    typeof p.isAssignable === 'boolean'
  );
}

function isSeedSystemUser(u: unknown): u is SeedSystemUser {
  return (
    isObject(u) &&
    typeof u.systemId === 'string' &&
    typeof u.reporteeOrgNo === 'string' &&
    /^\d{9}$/.test(u.reporteeOrgNo) &&
    (u.integrationTitle === undefined || typeof u.integrationTitle === 'string')
  );
}

/** A JSON body that must be a list whose every item has one shape; `shape` is said when it is not. */
function readListOf<T>(
  body: string,
  isItem: (item: unknown) => item is T,
  shape: string,
): { ok: true; value: T[] } | { ok: false; message: string } {
  const parsed = parseBody(body);
  if (!parsed.ok) return parsed;
  const value: unknown = parsed.value;
  if (!Array.isArray(value) || !value.every(isItem)) return { ok: false, message: `body must be ${shape}` };
  return { ok: true, value: value as T[] };
}

function badRequest(message: string): ControlOutcome {
  return { reply: replyJson(400, { error: message }), committed: false };
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `body is not valid JSON: ${(error as Error).message}` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');
const isLanguageMap = (v: unknown): v is Record<string, string> =>
  isObject(v) && Object.values(v).every((s) => typeof s === 'string');

function readSeedSystem(
  value: unknown,
  index: number,
): { ok: true; value: LiveSystem } | { ok: false; message: string } {
  const at = `[${index}]`;
  if (!isObject(value)) return { ok: false, message: `${at} must be an object` };
  const v = value;
  if (typeof v.id !== 'string' || v.id === '')
    return { ok: false, message: `${at}.id must be a non-empty string` };
  if (!isObject(v.vendor) || typeof v.vendor.ID !== 'string' || !/^0192:.+$/.test(v.vendor.ID)) {
    return { ok: false, message: `${at}.vendor.ID must be "0192:<orgno>"` };
  }
  if (!isLanguageMap(v.name) || !isLanguageMap(v.description)) {
    return { ok: false, message: `${at}.name and .description must map language codes to strings` };
  }
  const optionalArray = (name: string) => v[name] === undefined || v[name] === null || Array.isArray(v[name]);
  if (!optionalArray('rights') || !optionalArray('accessPackages')) {
    return { ok: false, message: `${at}.rights and .accessPackages must be arrays when given` };
  }
  for (const name of ['clientId', 'allowedRedirectUrls']) {
    if (v[name] !== undefined && !isStringArray(v[name]))
      return { ok: false, message: `${at}.${name} must be an array of strings` };
  }
  for (const name of ['isVisible', 'isDeleted']) {
    if (v[name] !== undefined && typeof v[name] !== 'boolean')
      return { ok: false, message: `${at}.${name} must be a boolean` };
  }
  return { ok: true, value: v as unknown as LiveSystem };
}

function toStoredSystem(live: LiveSystem, internalId: string): StoredSystem {
  return {
    internalId,
    id: live.id,
    vendorOrgNumber: live.vendor.ID.slice('0192:'.length),
    name: live.name,
    description: live.description,
    rights: (live.rights as Right[] | null | undefined) ?? null,
    accessPackages: (live.accessPackages as AccessPackage[] | null | undefined) ?? null,
    clientId: live.clientId ?? [],
    allowedRedirectUrls: live.allowedRedirectUrls ?? [],
    isVisible: live.isVisible ?? true,
    isDeleted: live.isDeleted ?? false,
  };
}

export async function handleControlRequest(
  context: ControlContext,
  method: string,
  segments: string[],
  body: string,
): Promise<ControlOutcome> {
  const route = `${method} ${segments.join('/')}`;
  const read = (): ReturnType<typeof parseBody> => parseBody(body);
  switch (route) {
    case 'POST clients': {
      const parsed = read();
      if (!parsed.ok) return badRequest(parsed.message);
      const v = parsed.value;
      if (!isObject(v)) return badRequest('body must be {clientId, orgNumber, scopes, jwk}');
      if (typeof v.clientId !== 'string' || v.clientId === '')
        return badRequest('clientId must be a non-empty string');
      if (typeof v.orgNumber !== 'string' || !/^\d{9}$/.test(v.orgNumber))
        return badRequest('orgNumber must be 9 digits');
      if (!isStringArray(v.scopes)) return badRequest('scopes must be an array of strings');
      if (!isObject(v.jwk)) return badRequest('jwk must be a public RSA JWK object with kid');
      const result = await context.tokens.registerClient({
        clientId: v.clientId,
        orgNumber: v.orgNumber,
        scopes: v.scopes,
        jwk: v.jwk as JWK,
      });
      if (!result.ok) return badRequest(result.message);
      return { reply: replyJson(201, { clientId: v.clientId }), committed: true };
    }
    case 'GET clients':
      return { reply: replyJson(200, context.tokens.listClients()), committed: false };
    case 'POST systems': {
      const parsed = read();
      if (!parsed.ok) return badRequest(parsed.message);
      if (!Array.isArray(parsed.value))
        return badRequest('body must be an array of systems in the GET /vendor/{id} shape');
      const systems: LiveSystem[] = [];
      for (const [index, item] of parsed.value.entries()) {
        const checked = readSeedSystem(item, index);
        if (!checked.ok) return badRequest(checked.message);
        systems.push(checked.value);
      }
      for (const live of systems) {
        const internalId = context.state.find(live.id)?.internalId ?? randomUUID();
        const result = context.state.seed(toStoredSystem(live, internalId));
        if (!result.ok) {
          return {
            reply: replyJson(409, {
              error: `${live.id}: client id '${result.clientId}' is held by ${result.systemId}`,
            }),
            committed: true,
          };
        }
      }
      return { reply: replyJson(200, { seeded: systems.length }), committed: true };
    }
    case 'DELETE systems':
      // A fresh register (systems, changelog, system users) for the next test; clients and catalogue stay.
      context.state.clear();
      return { reply: replyEmpty(204), committed: true };
    case 'GET systems':
      return { reply: replyJson(200, context.state.all().map(renderLiveSystem)), committed: false };
    case 'POST resources': {
      const list = readListOf(body, isResourceRecord, '[{identifier, resourceType}, …]');
      if (!list.ok) return badRequest(list.message);
      context.catalogue.addResources(list.value);
      return { reply: replyJson(200, { added: list.value.length }), committed: true };
    }
    case 'POST accesspackages': {
      const list = readListOf(body, isAccessPackageRecord, '[{urn, isDelegable, isAssignable}, …]');
      if (!list.ok) return badRequest(list.message);
      context.catalogue.addAccessPackages(list.value);
      return { reply: replyJson(200, { added: list.value.length }), committed: true };
    }
    case 'POST system-users': {
      const list = readListOf(
        body,
        isSeedSystemUser,
        '[{systemId, reporteeOrgNo (9 digits), integrationTitle?}, …]',
      );
      if (!list.ok) return badRequest(list.message);
      const users = list.value;
      const unknown = users.find((u) => !context.state.find(u.systemId));
      if (unknown) return badRequest(`system ${unknown.systemId} does not exist`);
      context.state.addSystemUsers(
        users.map((u) => ({
          id: randomUUID(),
          systemId: u.systemId,
          reporteeOrgNo: u.reporteeOrgNo,
          integrationTitle: u.integrationTitle ?? u.systemId,
          externalRef: u.reporteeOrgNo,
          userType: 'standard',
          created: context.now(),
        })),
      );
      return { reply: replyJson(200, { added: users.length }), committed: true };
    }
    case 'PUT faults': {
      const parsed = read();
      if (!parsed.ok) return badRequest(parsed.message);
      const settings = parseFaultSettings(parsed.value);
      if (!settings.ok) return badRequest(settings.message);
      context.faults.configure(settings.value);
      return { reply: replyJson(200, settings.value), committed: false };
    }
    case 'GET faults':
      return { reply: replyJson(200, context.faults.settings), committed: false };
    case 'GET requests':
      return { reply: replyJson(200, context.requests), committed: false };
    case 'DELETE requests':
      context.requests.length = 0;
      return { reply: replyEmpty(204), committed: false };
    case 'POST reset':
      context.reset();
      return { reply: replyEmpty(204), committed: true };
    default:
      return {
        reply: replyJson(404, { error: `no control route ${method} /_emulator/${segments.join('/')}` }),
        committed: false,
      };
  }
}
