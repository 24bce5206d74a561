/**
 * The system register (§1) and the catalogue look-ups, over the retrying transport with a
 * Maskinporten token. Each method maps the register's quirks (§4.1, §3.1) to one clear outcome.
 */
import { holdsRequest } from '../model/canonical.ts';
import type { LiveLookup } from '../model/live-state.ts';
import type { AltinnEnvironment } from './environments.ts';
import {
  AltinnClientError,
  AltinnError,
  AltinnNetworkError,
  AltinnUnreachableError,
  classifyErrorBody,
} from './errors.ts';
import { redactSecrets } from '../model/redact.ts';
import type { AccessToken, MaskinportenTokenProvider } from './maskinporten.ts';
import { parseRetryAfter } from './transport.ts';
import type { HttpRequest, HttpResponse, Transport } from './transport.ts';
import {
  ACCESS_PACKAGE_EXPORT_PATH,
  SYSTEM_REGISTER_PATH,
  SYSTEM_USERS_BY_SYSTEM_PATH,
} from '../model/wire.ts';
import type {
  AccessPackageRecord,
  SystemUserPage,
  SystemUserRecord,
  LiveSystem,
  RegisterSystemRequest,
  RegisteredSystemDTO,
  ResourceRecord,
  SystemChangeLogEntry,
} from '../model/wire.ts';

export interface SystemRegisterClientOptions {
  environment: AltinnEnvironment;
  transport: Transport;
  tokens: MaskinportenTokenProvider;
  /** Attempts at a create whose outcome was unknown (network error or 5xx), each after a read. */
  maxCreateAttempts?: number;
}

export interface CreateResult {
  /** Altinn's internal GUID from the 200 answer; absent when a lost answer was confirmed by a read. */
  internalId: string | undefined;
  /** True when the create had landed although its answer was lost. */
  confirmedByRead: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
}

interface AuthorizedRequest {
  method: HttpRequest['method'];
  path: string;
  body?: unknown;
  retry: boolean;
  signal?: AbortSignal | undefined;
}

export class SystemRegisterClient {
  readonly environment: AltinnEnvironment;
  readonly #transport: Transport;
  readonly #tokens: MaskinportenTokenProvider;
  readonly #maxCreateAttempts: number;
  /** Whether the platform URL leads to Altinn; asked once, at the first 404 that could say otherwise. */
  #isAltinn: Promise<boolean> | undefined;

  constructor(options: SystemRegisterClientOptions) {
    this.environment = options.environment;
    this.#transport = options.transport;
    this.#tokens = options.tokens;
    this.#maxCreateAttempts = options.maxCreateAttempts ?? 4;
  }

  /** The caller's organisation number (9 digits), from the token's `consumer` claim. */
  async getCallerOrgNumber(options: CallOptions = {}): Promise<string | undefined> {
    return (await this.#tokens.getToken(options.signal)).consumerOrgNumber;
  }

  /** GET `/vendor`: the caller's non-deleted systems in short form (§2.3). */
  async listVendorSystems(options: CallOptions = {}): Promise<RegisteredSystemDTO[]> {
    const path = `${SYSTEM_REGISTER_PATH}/vendor`;
    const response = await this.#send({ method: 'GET', path, retry: true, signal: options.signal });
    return this.#json<RegisteredSystemDTO[]>(response, 'GET', path, [200]);
  }

  /** GET `/vendor/{id}`: 200 found (deleted ones too), 404 absent, 403 another vendor's. */
  async getSystem(id: string, options: CallOptions = {}): Promise<LiveLookup> {
    const path = buildSystemPath(id);
    const response = await this.#send({ method: 'GET', path, retry: true, signal: options.signal });
    if (response.status === 404) return { status: 'absent' };
    if (response.status === 403) return { status: 'forbidden' };
    return { status: 'found', system: this.#json<LiveSystem>(response, 'GET', path, [200]) };
  }

  /**
   * POST `/vendor`. Never repeated blindly: after a network failure or a 5xx the outcome is
   * unknown, so the id is read first. The same content there means the create landed; nothing
   * there means it may be sent again, within the attempt bound.
   */
  async createSystem(body: RegisterSystemRequest, options: CallOptions = {}): Promise<CreateResult> {
    const path = `${SYSTEM_REGISTER_PATH}/vendor`;
    let lastFailure: unknown;
    for (let attempt = 1; attempt <= this.#maxCreateAttempts; attempt += 1) {
      let response: HttpResponse | undefined;
      try {
        response = await this.#send({ method: 'POST', path, body, retry: false, signal: options.signal });
      } catch (error) {
        // Only a lost connection leaves the outcome unknown; a token failure or an abort is final.
        if (options.signal?.aborted || !(error instanceof AltinnNetworkError)) throw error;
        lastFailure = error;
      }
      if (response) {
        if (response.status === 200) {
          const parsed = parseJson(response.body);
          return { internalId: typeof parsed === 'string' ? parsed : undefined, confirmedByRead: false };
        }
        lastFailure = this.#error(response, 'POST', path);
        if (response.status < 500 && response.status !== 429) throw lastFailure;
      }
      const lookup = await this.getSystem(body.id, options);
      if (lookup.status === 'found') {
        if (holdsRequest(lookup.system, body)) return { internalId: undefined, confirmedByRead: true };
        // Something else holds the id: a retry would only earn AUTH.VLD-00002.
        throw lastFailure;
      }
      if (lookup.status === 'forbidden') throw lastFailure;
      if (attempt < this.#maxCreateAttempts) {
        // A 429 says when to come back; otherwise a short jittered backoff.
        const asked = response?.status === 429 ? parseRetryAfter(response.headers['retry-after']) : undefined;
        const wait = asked ?? Math.random() * 250 * 2 ** (attempt - 1);
        if (wait > this.#transport.retryPolicy.maxDelayMs) throw lastFailure;
        await delay(wait, options.signal);
      }
    }
    throw lastFailure;
  }

  /** PUT `/vendor/{id}` with the whole document (§4.2). Safe to repeat: it replaces. */
  async updateSystem(id: string, body: RegisterSystemRequest, options: CallOptions = {}): Promise<void> {
    const path = buildSystemPath(id);
    const response = await this.#send({ method: 'PUT', path, body, retry: true, signal: options.signal });
    if (response.status !== 200) throw this.#error(response, 'PUT', path);
  }

  /**
   * DELETE `/vendor/{id}`. A 400 may hide a committed delete (no client ids, or deleted already,
   * §4.1), so a 400 is checked with a read: `isDeleted: true` means done.
   */
  async deleteSystem(id: string, options: CallOptions = {}): Promise<void> {
    const path = buildSystemPath(id);
    const response = await this.#send({ method: 'DELETE', path, retry: true, signal: options.signal });
    if (response.status === 200) return;
    const error = this.#error(response, 'DELETE', path);
    if (response.status === 400) {
      const lookup = await this.getSystem(id, options);
      if (lookup.status === 'found' && lookup.system.isDeleted) return;
    }
    throw error;
  }

  /** GET `/vendor/{id}/changelog`, newest first. */
  async getChangelog(id: string, options: CallOptions = {}): Promise<SystemChangeLogEntry[]> {
    const path = `${buildSystemPath(id)}/changelog`;
    const response = await this.#send({ method: 'GET', path, retry: true, signal: options.signal });
    return this.#json<SystemChangeLogEntry[]>(response, 'GET', path, [200]);
  }

  /** The resource registry's record for `id`, or undefined when it does not exist there. */
  async lookupResource(id: string, options: CallOptions = {}): Promise<ResourceRecord | undefined> {
    const path = `/resourceregistry/api/v1/resource/${encodeURIComponent(id)}`;
    const response = await this.#sendPublic(path, options.signal);
    if (response.status === 404 || response.status === 204) return undefined;
    const record = this.#json<{ identifier?: string; resourceType?: string }>(response, 'GET', path, [200]);
    return { identifier: record.identifier ?? id, resourceType: String(record.resourceType ?? '') };
  }

  /** Access management's record for `urn`, or undefined when it does not exist there. */
  async lookupAccessPackage(
    urn: string,
    options: CallOptions = {},
  ): Promise<AccessPackageRecord | undefined> {
    const path = `/accessmanagement/api/v1/meta/info/accesspackages/package/urn/${encodeURIComponent(urn)}`;
    const response = await this.#sendPublic(path, options.signal);
    if (response.status === 404 || response.status === 204 || response.status === 400) return undefined;
    const record = this.#json<{ urn?: string; isDelegable?: boolean; isAssignable?: boolean }>(
      response,
      'GET',
      path,
      [200],
    );
    return {
      urn: record.urn ?? urn,
      isDelegable: record.isDelegable === true,
      isAssignable: record.isAssignable === true,
    };
  }

  /** Every access package the environment defines, from its anonymous export (§8.1). */
  async exportAccessPackages(options: CallOptions = {}): Promise<AccessPackageRecord[]> {
    const path = ACCESS_PACKAGE_EXPORT_PATH;
    const response = await this.#sendPublic(path, options.signal);
    if (response.status === 204) return [];
    const groups = this.#json<unknown>(response, 'GET', path, [200]);
    const packages = readAccessPackageExport(groups);
    if (!packages) {
      throw new AltinnClientError(
        `GET ${path} answered a body that is not a list of area groups with packages`,
      );
    }
    return packages;
  }

  /**
   * The system users of a system (§8.3): every page, following `links.next`. A next link is followed
   * only on this environment's own origin (the token goes with it), and at most `MAX_PAGES` times.
   */
  async listSystemUsers(systemId: string, options: CallOptions = {}): Promise<SystemUserRecord[]> {
    const origin = new URL(this.environment.platformUrl).origin;
    const users: SystemUserRecord[] = [];
    const seen = new Set<string>();
    let path: string | null = `${SYSTEM_USERS_BY_SYSTEM_PATH}/${encodeURIComponent(systemId)}`;
    for (let pageNumber = 0; path !== null; pageNumber += 1) {
      if (pageNumber >= MAX_SYSTEM_USER_PAGES || seen.has(path)) {
        throw new AltinnClientError(
          `GET ${path}: the system users of ${systemId} do not end after ${pageNumber} pages`,
        );
      }
      seen.add(path);
      const response = await this.#send({ method: 'GET', path, retry: true, signal: options.signal });
      const page = this.#json<Partial<SystemUserPage>>(response, 'GET', path, [200]);
      if (!Array.isArray(page.data) || typeof page.links !== 'object' || page.links === null) {
        throw new AltinnClientError(`GET ${path} answered a body without links and data`);
      }
      users.push(...page.data);
      const next = page.links.next;
      if (next === null || next === undefined) break;
      const url = URL.parse(next, origin);
      if (url?.origin !== origin) {
        throw new AltinnClientError(`GET ${path}: the next page is not on ${origin}; not following it`);
      }
      path = `${url.pathname}${url.search}`;
    }
    return users;
  }

  /** Sends with the bearer token; on a 401, one refresh and one retry, then the exchange fallback. */
  async #send(request: AuthorizedRequest): Promise<HttpResponse> {
    let token = await this.#tokens.getToken(request.signal);
    let response = await this.#sendWith(request, token);
    if (response.status !== 401) return response;
    token = await this.#tokens.refresh(token, request.signal);
    response = await this.#sendWith(request, token);
    if (response.status !== 401 || !this.#tokens.switchToExchange()) return response;
    token = await this.#tokens.getToken(request.signal);
    return this.#sendWith(request, token);
  }

  #sendWith(request: AuthorizedRequest, token: AccessToken): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token.value}`,
      accept: 'application/json',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return this.#reach(request.path, {
      method: request.method,
      url: `${this.environment.platformUrl}${request.path}`,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      retry: request.retry,
      ...(request.signal ? { signal: request.signal } : {}),
    });
  }

  /** Catalogue look-ups are public in Altinn; no token is sent where none is needed. */
  #sendPublic(path: string, signal: AbortSignal | undefined): Promise<HttpResponse> {
    return this.#reach(path, {
      method: 'GET',
      url: `${this.environment.platformUrl}${path}`,
      headers: { accept: 'application/json' },
      retry: true,
      ...(signal ? { signal } : {}),
    });
  }

  /**
   * Every request to the platform. A failed connection, or a 404 that Altinn would not give, is
   * reported as the register being out of reach at the configured URL, never read as data.
   */
  async #reach(path: string, request: HttpRequest): Promise<HttpResponse> {
    let response: HttpResponse;
    try {
      response = await this.#transport.send(request);
    } catch (error) {
      if (error instanceof AltinnNetworkError) throw error.within(this.#unreachable());
      throw error;
    }
    if (response.status === 404)
      await this.#checkNotFound(response, `${request.method} ${path}`, request.signal);
    return response;
  }

  #unreachable(): string {
    return `cannot reach the Altinn register at ${redactSecrets(this.environment.platformUrl)}`;
  }

  /**
   * Altinn's 404s (§1.2) are empty, the register's `System with ID …` text, or a problem document. A
   * web page or other text is another server; an empty or JSON one is Altinn's only if the platform
   * also serves its OpenID configuration (a wrong path prefix answers 404 everywhere).
   */
  async #checkNotFound(
    response: HttpResponse,
    request: string,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const contentType = response.headers['content-type'] ?? '';
    const shape = classifyErrorBody(response.body, contentType).kind;
    if (/html/i.test(contentType) || (shape === 'text' && !response.body.startsWith('System with ID'))) {
      throw new AltinnUnreachableError(
        this.environment.platformUrl,
        `${request} answered 404 with a page that is not Altinn's; check the URL`,
      );
    }
    this.#isAltinn ??= this.#probeAltinn(signal);
    if (!(await this.#isAltinn)) {
      throw new AltinnUnreachableError(
        this.environment.platformUrl,
        `${request} answered 404, and there is no Altinn at ${OPENID_CONFIGURATION_PATH} either; check the URL (a path too many or too few?)`,
      );
    }
  }

  async #probeAltinn(signal: AbortSignal | undefined): Promise<boolean> {
    let response: HttpResponse;
    try {
      response = await this.#transport.send({
        method: 'GET',
        url: `${this.environment.platformUrl}${OPENID_CONFIGURATION_PATH}`,
        headers: { accept: 'application/json' },
        retry: true,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (error instanceof AltinnNetworkError) throw error.within(this.#unreachable());
      throw error;
    }
    const parsed = response.status === 200 ? parseJson(response.body) : undefined;
    return typeof (parsed as { issuer?: unknown } | undefined)?.issuer === 'string';
  }

  #json<T>(response: HttpResponse, method: string, path: string, ok: number[]): T {
    if (!ok.includes(response.status)) throw this.#error(response, method, path);
    const parsed = parseJson(response.body);
    if (parsed === undefined) {
      throw new AltinnClientError(
        `${method} ${path} answered ${response.status} with a body that is not JSON`,
      );
    }
    return parsed as T;
  }

  #error(response: HttpResponse, method: string, path: string): AltinnError {
    return new AltinnError({
      status: response.status,
      method,
      path,
      body: response.body,
      ...(response.headers['content-type'] ? { contentType: response.headers['content-type'] } : {}),
    });
  }
}

/** Altinn Authentication's OpenID configuration: public, small, and on every platform (§1). */
const OPENID_CONFIGURATION_PATH = '/authentication/api/v1/openid/.well-known/openid-configuration';

/** Far more than any vendor's customers at Altinn's page size; a bound against a looping `next`. */
const MAX_SYSTEM_USER_PAGES = 10_000;

/** The packages of an export (§8.1), or undefined when it does not have that shape. */
export function readAccessPackageExport(groups: unknown): AccessPackageRecord[] | undefined {
  if (!Array.isArray(groups)) return undefined;
  const records: AccessPackageRecord[] = [];
  for (const group of groups as { areas?: unknown }[]) {
    if (typeof group !== 'object' || group === null || !Array.isArray(group.areas)) return undefined;
    for (const area of group.areas as { packages?: unknown }[]) {
      if (typeof area !== 'object' || area === null) return undefined;
      if (area.packages === null || area.packages === undefined) continue;
      if (!Array.isArray(area.packages)) return undefined;
      for (const item of area.packages as {
        urn?: unknown;
        isDelegable?: unknown;
        isAssignable?: unknown;
      }[]) {
        if (typeof item !== 'object' || item === null || typeof item.urn !== 'string') return undefined;
        records.push({
          urn: item.urn,
          isDelegable: item.isDelegable === true,
          isAssignable: item.isAssignable === true,
        });
      }
    }
  }
  return records;
}

export function buildSystemPath(id: string): string {
  return `${SYSTEM_REGISTER_PATH}/vendor/${encodeURIComponent(id)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
