/**
 * The local Altinn: system register, Maskinporten and catalogues on loopback, over real HTTP
 * (issue 3). `startEmulator` is what tests, the demo, benchmarks and `sysreg emulator` start.
 * The HTTP edge lives here; the register's rules live in register-service.ts and its state in
 * register-state.ts.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ACCESS_PACKAGE_EXPORT_PATH,
  SYSTEM_REGISTER_PATH,
  SYSTEM_USERS_BY_SYSTEM_PATH,
} from '../model/wire.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import { DEFAULT_CATALOGUE } from '../catalogue/default-catalogue.ts';
import { CatalogueStore } from './catalogue-store.ts';
import type { RequestLogEntry } from './control-api.ts';
import { findRequestSystemId, handleControlRequest } from './control-api.ts';
import type { EmulatorData } from './emulator-data.ts';
import {
  EMULATOR_DATA_FORMAT,
  EmulatorDataError,
  readEmulatorData,
  writeEmulatorData,
} from './emulator-data.ts';
import type { InjectedFault } from './fault-injector.ts';
import { FaultInjector } from './fault-injector.ts';
import type { HttpReply } from './http-reply.ts';
import { findValidationCodes, replyBadRequest, replyEmpty, replyJson, replyText } from './http-reply.ts';
import { TokenService } from './maskinporten.ts';
import type { Caller } from './register-service.ts';
import { handleRegisterRequest } from './register-service.ts';
import { RegisterState } from './register-state.ts';
import { handleSystemUsersRequest } from './system-users.ts';

export { EmulatorDataError } from './emulator-data.ts';
export type { FaultSettings } from './fault-injector.ts';
export type { MaskinportenClient } from './maskinporten.ts';
export type { RequestLogEntry } from './control-api.ts';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port); the CLI defaults to 5101. */
  port?: number;
  /** Keep state in this JSON file across restarts, written atomically after every committed write. */
  dataFile?: string;
  /** Resources and access packages to start with; default DEFAULT_CATALOGUE. */
  catalogue?: Catalogue;
  /** Clock in ms since epoch, for token iat/exp checks and issued tokens. */
  now?: () => number;
  /** Lifetime of issued Maskinporten access tokens; default 120 s (Maskinporten's). */
  tokenLifetimeSeconds?: number;
  /** System users per page of `GET …/systemuser/vendor/bysystem/{id}`; default 100. */
  systemUserPageSize?: number;
}

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:5101`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_LOGGED_REQUESTS = 50_000;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  // Most requests are GETs without a body: skip the stream machinery.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined)
    return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Paths reach the handlers only after `hasValidEscapes` said yes, so decoding cannot throw. */
function splitSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
}

function hasValidEscapes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The client closed the connection before its request was read: nobody is left to answer. */
function isClientGone(request: IncomingMessage, error: unknown): boolean {
  return request.readableAborted || (error as NodeJS.ErrnoException).code === 'ECONNRESET';
}

function writeReply(response: ServerResponse, reply: HttpReply): void {
  const body = Buffer.from(reply.body, 'utf8');
  response.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  response.end(body);
}

function callerOf(claims: Record<string, unknown>): Caller {
  let consumer = claims.consumer;
  if (typeof consumer === 'string') {
    try {
      consumer = JSON.parse(consumer);
    } catch {
      // Left as a string: the ownership helper then fails as the service's JSON parse would.
    }
  }
  return {
    scope: typeof claims.scope === 'string' ? claims.scope : '',
    consumer,
    clientId: typeof claims.client_id === 'string' ? claims.client_id : '',
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const initialCatalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const dataFile = options.dataFile;
  const stored = dataFile ? readEmulatorData(dataFile) : undefined;

  const catalogue = new CatalogueStore(initialCatalogue);
  if (stored) {
    catalogue.addResources(stored.catalogue.resources);
    catalogue.addAccessPackages(stored.catalogue.accessPackages);
  }
  const state = stored ? RegisterState.fromSnapshot(stored.register) : new RegisterState();
  const faults = new FaultInjector();
  const requests: RequestLogEntry[] = [];

  const server = createServer();
  server.keepAliveTimeout = 5_000;
  let ready: (tokens: TokenService) => void = () => {};
  const tokensReady = new Promise<TokenService>((resolve) => (ready = resolve));
  const hanging = new Set<ServerResponse>();

  const logRequest = (entry: RequestLogEntry): void => {
    if (requests.length >= MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS + 1);
    requests.push(entry);
  };

  const persist = (tokens: TokenService): void => {
    if (!dataFile) return;
    const data: EmulatorData = {
      format: EMULATOR_DATA_FORMAT,
      register: state.toSnapshot(),
      clients: tokens.listClients(),
      catalogue: catalogue.toCatalogue(),
    };
    writeEmulatorData(dataFile, data);
  };

  let baseUrl = '';

  async function execute(
    tokens: TokenService,
    request: IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: string,
  ): Promise<{ reply: HttpReply; committed: boolean }> {
    const method = request.method ?? 'GET';
    if (path === SYSTEM_REGISTER_PATH || path.startsWith(`${SYSTEM_REGISTER_PATH}/`)) {
      const verified = await tokens.verifyBearer(request.headers.authorization);
      return handleRegisterRequest(
        { state, catalogue, now, newInternalId: randomUUID },
        {
          method,
          segments: splitSegments(path.slice(SYSTEM_REGISTER_PATH.length)),
          query,
          body,
          caller: verified ? callerOf(verified.claims) : null,
        },
      );
    }
    const get = method === 'GET';
    const answer = (reply: HttpReply) => ({ reply, committed: false });
    if (path.startsWith(`${SYSTEM_USERS_BY_SYSTEM_PATH}/`)) {
      const segments = splitSegments(path.slice(SYSTEM_USERS_BY_SYSTEM_PATH.length));
      if (segments.length !== 1) return answer(replyEmpty(404));
      const verified = await tokens.verifyBearer(request.headers.authorization);
      return answer(
        handleSystemUsersRequest(
          { state, baseUrl, pageSize: options.systemUserPageSize ?? 100 },
          {
            method,
            systemId: segments[0] ?? '',
            query,
            caller: verified ? callerOf(verified.claims) : null,
          },
        ),
      );
    }
    switch (path.replace(/\/+$/, '')) {
      case ACCESS_PACKAGE_EXPORT_PATH:
        return answer(get ? catalogue.exportAccessPackages() : replyEmpty(405, { allow: 'GET' }));
      case '/maskinporten/token':
        if (method !== 'POST') return answer(replyEmpty(405, { allow: 'POST' }));
        return answer(await tokens.issueToken(request.headers['content-type'] ?? '', body));
      case '/maskinporten/.well-known/oauth-authorization-server':
        return answer(get ? replyJson(200, tokens.maskinportenMetadata(baseUrl)) : replyEmpty(405));
      case '/maskinporten/jwk':
        return answer(get ? replyJson(200, tokens.maskinportenJwks()) : replyEmpty(405));
      case '/authentication/api/v1/openid/.well-known/openid-configuration':
        return answer(get ? replyJson(200, tokens.altinnMetadata(baseUrl)) : replyEmpty(405));
      case '/authentication/api/v1/openid/jwks':
        return answer(get ? replyJson(200, tokens.altinnJwks()) : replyEmpty(405));
      case '/authentication/api/v1/exchange/maskinporten':
        return answer(get ? await tokens.exchangeMaskinportenToken(request.headers) : replyEmpty(405));
    }
    const resource = /^\/resourceregistry\/api\/v1\/resource\/([^/]+)\/?$/.exec(path);
    if (resource && get) {
      const record = catalogue.findResource(decodeURIComponent(resource[1] ?? ''));
      return answer(record ? replyJson(200, { ...record }) : replyEmpty(404));
    }
    const accessPackage =
      /^\/accessmanagement\/api\/v1\/meta\/info\/accesspackages\/package\/urn\/([^/]+)\/?$/.exec(path);
    if (accessPackage && get) {
      const record = catalogue.findAccessPackage(decodeURIComponent(accessPackage[1] ?? ''));
      return answer(
        record
          ? replyJson(200, { ...record, id: randomUUID(), name: record.urn.split(':').at(-1) })
          : replyEmpty(404),
      );
    }
    return answer(replyEmpty(404));
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Split by hand: a WHATWG URL parse per request is a measurable share of the hot path.
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const method = request.method ?? 'GET';
    if (!hasValidEscapes(path)) {
      // As ASP.NET answers a request line it cannot decode, before any route or fault applies.
      writeReply(response, replyBadRequest('The request path holds a malformed percent-escape.'));
      request.resume();
      return;
    }
    const logPath = target;
    const isControl = path === '/_emulator' || path.startsWith('/_emulator/');
    const faulty = !isControl && faults.covers(path);
    // Drawn on arrival so that the sequence of faults follows the sequence of requests.
    const fault: InjectedFault | null = faulty ? faults.draw() : null;
    const latencyMs = faulty ? faults.settings.latencyMs : 0;
    const tokens = await tokensReady;
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        writeReply(response, replyText(413, 'Request body too large'));
        request.resume();
        return;
      }
      throw error;
    }
    const time = () => new Date(now()).toISOString();
    const systemId = isControl ? null : findRequestSystemId(method, path, body);

    if (isControl) {
      const outcome = await handleControlRequest(
        {
          state,
          catalogue,
          tokens,
          faults,
          requests,
          now,
          reset: () => {
            state.clear();
            tokens.clearClients();
            catalogue.reset(initialCatalogue);
            faults.configure({
              ...faults.settings,
              pathPrefix: '',
              latencyMs: 0,
              errorRate: 0,
              rateLimitRate: 0,
              resetRate: 0,
              timeoutRate: 0,
            });
            requests.length = 0;
          },
        },
        method,
        splitSegments(path).slice(1),
        body,
      );
      if (outcome.committed) persist(tokens);
      writeReply(response, outcome.reply);
      return;
    }

    if (fault === 'timeout') {
      logRequest({ method, path: logPath, status: 0, codes: [], time: time(), fault, systemId });
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    if (fault === 'error' || fault === 'rateLimit') {
      const reply =
        fault === 'error'
          ? replyText(503, 'Service Unavailable')
          : {
              ...replyText(429, 'Too Many Requests'),
              headers: {
                'content-type': 'text/plain; charset=utf-8',
                'retry-after': String(faults.settings.retryAfterSeconds),
              },
            };
      if (latencyMs > 0) await sleep(latencyMs);
      logRequest({ method, path: logPath, status: reply.status, codes: [], time: time(), fault, systemId });
      writeReply(response, reply);
      return;
    }
    const outcome = await execute(tokens, request, path, query, body);
    if (outcome.committed) persist(tokens);
    if (latencyMs > 0) await sleep(latencyMs);
    const entry: RequestLogEntry = {
      method,
      path: logPath,
      status: outcome.reply.status,
      codes: findValidationCodes(outcome.reply),
      time: time(),
      systemId,
    };
    if (fault === 'reset') {
      logRequest({ ...entry, fault });
      // The request ran (a write committed); the answer is lost, as when a connection drops.
      request.socket.destroy();
      return;
    }
    logRequest(entry);
    writeReply(response, outcome.reply);
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    serve(request, response).catch((error: unknown) => {
      if (isClientGone(request, error)) return;
      // A bug in the emulator: answer 500 without leaking a stack trace into the response.
      process.stderr.write(`sysreg emulator: internal error: ${(error as Error).message}\n`);
      if (!response.headersSent) writeReply(response, replyText(500, 'Internal emulator error'));
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${urlHost}:${address.port}`;
  const tokens = await TokenService.create({
    baseUrl,
    now,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 120,
  });
  for (const client of stored?.clients ?? []) await tokens.registerClient(client);
  if (dataFile && !stored) {
    // Write the empty state now, so an unwritable path is reported at start, not on the first write.
    try {
      persist(tokens);
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw new EmulatorDataError(`${dataFile}: cannot write: ${(error as Error).message}`);
    }
  }
  ready(tokens);

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
