import {
  removeStaleTemporaryFiles,
  writeFileAtomicallySync
} from "./chunk-JQXKIT2I.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-DYX2OOHH.js";
import {
  storedRedirectUrl
} from "./chunk-LTTDTWR3.js";
import {
  SignJWT,
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify
} from "./chunk-Y6H6IDJD.js";
import {
  ACCESS_PACKAGE_EXPORT_PATH,
  DELEGABLE_RESOURCE_TYPES,
  SCOPE_ADMIN,
  SCOPE_PORTAL,
  SCOPE_WRITE,
  SYSTEM_REGISTER_PATH,
  SYSTEM_USERS_BY_SYSTEM_PATH,
  copyRight
} from "./chunk-2QRLR2CN.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-7VZ5H7B6.js";

// src/emulator/index.ts
const { randomUUID: randomUUID3 } = globalThis.process.getBuiltinModule("node:crypto");
const { createServer } = globalThis.process.getBuiltinModule("node:http");
const { setTimeout: sleep } = globalThis.process.getBuiltinModule("node:timers/promises");

// src/emulator/catalogue-store.ts
const { createHash } = globalThis.process.getBuiltinModule("node:crypto");

// src/emulator/http-reply.ts
const { randomBytes } = globalThis.process.getBuiltinModule("node:crypto");
var JSON_TYPE = "application/json; charset=utf-8";
var PROBLEM_TYPE = "application/problem+json; charset=utf-8";
function replyJson(status, value, headers = {}) {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}
function replyText(status, text) {
  return { status, headers: { "content-type": "text/plain; charset=utf-8" }, body: text };
}
function replyEmpty(status, headers = {}) {
  return { status, headers, body: "" };
}
function createTraceId() {
  return `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`;
}
var STATUS_DESCRIPTIONS = { 400: "Bad Request" };
var RFC_9110_400 = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
var VALIDATION_TITLE = "One or more validation errors occurred.";
function replyProblem(status, type, title, members) {
  return {
    status,
    headers: { "content-type": PROBLEM_TYPE },
    body: JSON.stringify({ type, title, status, ...members })
  };
}
function replyValidationProblem(errors) {
  return replyProblem(400, "urn:altinn:error:STD-00000", VALIDATION_TITLE, {
    code: "STD-00000",
    traceId: createTraceId(),
    statusDescription: STATUS_DESCRIPTIONS[400],
    validationErrors: errors
  });
}
function replyAspNetValidationProblem(errors) {
  return replyProblem(400, RFC_9110_400, VALIDATION_TITLE, { errors, traceId: createTraceId() });
}
function replyBadRequest(detail) {
  return replyProblem(400, RFC_9110_400, "Bad Request", { detail, traceId: createTraceId() });
}
function replyUnhandledError(exception) {
  return replyProblem(
    500,
    "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    "An error occurred while processing your request.",
    {
      ...exception === void 0 ? {} : { detail: exception },
      traceId: createTraceId()
    }
  );
}
function findValidationCodes(reply) {
  if (!reply.headers["content-type"]?.startsWith("application/problem+json")) return [];
  try {
    const parsed = JSON.parse(reply.body);
    return (parsed.validationErrors ?? []).map((e) => e.code).filter((c) => typeof c === "string");
  } catch {
    return [];
  }
}

// src/emulator/catalogue-store.ts
var EXPORT_GROUP_ID = "0195e1a6-0000-7000-8000-000000000001";
var EXPORT_AREA_ID = "0195e1a6-0000-7000-8000-000000000002";
function packageId(urn) {
  const hex = createHash("sha256").update(urn).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
var CatalogueStore = class {
  resources = /* @__PURE__ */ new Map();
  packages = /* @__PURE__ */ new Map();
  constructor(catalogue) {
    this.addResources(catalogue.resources);
    this.addAccessPackages(catalogue.accessPackages);
  }
  findResource(identifier) {
    return this.resources.get(identifier);
  }
  findAccessPackage(urn) {
    return this.packages.get(urn);
  }
  addResources(records) {
    for (const r of records)
      this.resources.set(r.identifier, { identifier: r.identifier, resourceType: r.resourceType });
  }
  addAccessPackages(records) {
    for (const p of records) {
      this.packages.set(p.urn, { urn: p.urn, isDelegable: p.isDelegable, isAssignable: p.isAssignable });
    }
  }
  /** Back to a given catalogue (control API reset). */
  reset(catalogue) {
    this.resources.clear();
    this.packages.clear();
    this.addResources(catalogue.resources);
    this.addAccessPackages(catalogue.accessPackages);
  }
  /**
   * `GET …/accesspackages/export` (§8.1): area groups of areas of packages, 204 when there are none.
   * The local Altinn keeps no areas, so every package sits in one area of one group; the package
   * records carry the fields the real `PackageDto` has.
   */
  exportAccessPackages() {
    const packages = [...this.packages.values()];
    if (packages.length === 0) return replyEmpty(204);
    const name = (urn) => urn.split(":").at(-1) ?? urn;
    return replyJson(200, [
      {
        id: EXPORT_GROUP_ID,
        name: "Local Altinn",
        urn: "accesspackage:areagroup:local",
        description: "Every access package of the local Altinn.",
        type: "Organization",
        areas: [
          {
            id: EXPORT_AREA_ID,
            name: "Local Altinn",
            urn: "accesspackage:area:local",
            description: "Every access package of the local Altinn.",
            iconUrl: null,
            packages: packages.map((p) => ({
              id: packageId(p.urn),
              name: name(p.urn),
              urn: p.urn,
              description: name(p.urn),
              isDelegable: p.isDelegable,
              isAssignable: p.isAssignable,
              isResourcePolicyAvailable: true
            }))
          }
        ]
      }
    ]);
  }
  toCatalogue() {
    return { resources: [...this.resources.values()], accessPackages: [...this.packages.values()] };
  }
};

// src/emulator/control-api.ts
const { randomUUID } = globalThis.process.getBuiltinModule("node:crypto");

// src/emulator/fault-injector.ts
var NO_FAULTS = {
  pathPrefix: "",
  latencyMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  resetRate: 0,
  timeoutRate: 0,
  seed: 1
};
function parseFaultSettings(body) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "body must be a JSON object" };
  }
  const input = body;
  const known = new Set(Object.keys(NO_FAULTS));
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length > 0) return { ok: false, message: `unknown field(s): ${unknown.join(", ")}` };
  const value = { ...NO_FAULTS };
  if (input.pathPrefix !== void 0) {
    if (typeof input.pathPrefix !== "string" || input.pathPrefix !== "" && !input.pathPrefix.startsWith("/"))
      return { ok: false, message: "pathPrefix must be a string starting with '/' (or '' for every path)" };
    value.pathPrefix = input.pathPrefix;
  }
  for (const key of Object.keys(NO_FAULTS)) {
    if (key === "pathPrefix") continue;
    const given = input[key];
    if (given === void 0) continue;
    if (typeof given !== "number" || !Number.isFinite(given) || given < 0) {
      return { ok: false, message: `${key} must be a non-negative number` };
    }
    if (key.endsWith("Rate") && given > 1) return { ok: false, message: `${key} must be between 0 and 1` };
    value[key] = given;
  }
  const total = value.errorRate + value.rateLimitRate + value.resetRate + value.timeoutRate;
  if (total > 1)
    return { ok: false, message: "errorRate + rateLimitRate + resetRate + timeoutRate must not exceed 1" };
  return { ok: true, value };
}
function createSeededRandom(seed) {
  let a = Math.floor(seed) >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var FaultInjector = class {
  current = NO_FAULTS;
  random = createSeededRandom(NO_FAULTS.seed);
  get settings() {
    return this.current;
  }
  configure(settings) {
    this.current = settings;
    this.random = createSeededRandom(settings.seed);
  }
  /** Do faults and latency apply to a request for `path`? */
  covers(path) {
    return path.startsWith(this.current.pathPrefix);
  }
  /** The fault for the next request, or null to serve it normally. */
  draw() {
    const s = this.current;
    if (s.errorRate + s.rateLimitRate + s.resetRate + s.timeoutRate === 0) return null;
    const r = this.random();
    let edge = s.errorRate;
    if (r < edge) return "error";
    edge += s.rateLimitRate;
    if (r < edge) return "rateLimit";
    edge += s.resetRate;
    if (r < edge) return "reset";
    edge += s.timeoutRate;
    if (r < edge) return "timeout";
    return null;
  }
};

// src/emulator/register-state.ts
var RegisterState = class _RegisterState {
  /** system_id → row; insertion order is the DB's natural order for lists. */
  systems = /* @__PURE__ */ new Map();
  /** maskinporten_client: client_id → system_internal_id (only non-deleted systems hold rows). */
  clientOwners = /* @__PURE__ */ new Map();
  byInternalId = /* @__PURE__ */ new Map();
  changelog = [];
  systemUsers = [];
  static fromSnapshot(snapshot) {
    const state = new _RegisterState();
    for (const system of snapshot.systems) state.put(structuredClone(system));
    state.changelog = structuredClone(snapshot.changelog);
    state.systemUsers = structuredClone(snapshot.systemUsers ?? []);
    return state;
  }
  toSnapshot() {
    return { systems: [...this.systems.values()], changelog: this.changelog, systemUsers: this.systemUsers };
  }
  clear() {
    this.systems.clear();
    this.clientOwners.clear();
    this.byInternalId.clear();
    this.changelog = [];
    this.systemUsers = [];
  }
  /** Adds system users, numbering them after the ones already there. */
  addSystemUsers(users) {
    let next = (this.systemUsers.at(-1)?.sequenceNo ?? 0) + 1;
    for (const user of users) this.systemUsers.push({ ...structuredClone(user), sequenceNo: next++ });
  }
  /** Up to `limit` system users of `systemId` from sequence number `from` on, in sequence order. */
  listSystemUsers(systemId, from, limit) {
    return this.systemUsers.filter((u) => u.systemId === systemId && u.sequenceNo >= from).slice(0, limit);
  }
  find(id) {
    return this.systems.get(id);
  }
  all() {
    return [...this.systems.values()];
  }
  /** The system that holds a client id in `maskinporten_client`, if any (exact, case-sensitive). */
  findClientOwner(clientId) {
    const internalId = this.clientOwners.get(clientId);
    return internalId === void 0 ? void 0 : this.byInternalId.get(internalId);
  }
  listByVendor(orgNumber) {
    return this.all().filter((s) => !s.isDeleted && s.vendorOrgNumber === orgNumber);
  }
  listVisible() {
    return this.all().filter((s) => !s.isDeleted && s.isVisible);
  }
  changelogOf(internalId) {
    return this.changelog.filter((c) => c.systemInternalId === internalId).reverse();
  }
  /**
   * INSERT the row, its client ids and a `create` entry, as one transaction: a duplicate system id or
   * client id (a PK violation, e.g. a client id twice in one body) leaves nothing behind.
   */
  insert(columns, internalId, author, changedData) {
    if (this.systems.has(columns.id)) return { ok: false, reason: "duplicateKey" };
    const clientIds = columns.clientId;
    if (new Set(clientIds).size !== clientIds.length || clientIds.some((c) => this.clientOwners.has(c))) {
      return { ok: false, reason: "duplicateKey" };
    }
    this.put({ ...structuredClone(columns), internalId, isDeleted: false });
    this.log(internalId, "create", author, changedData);
    return { ok: true, internalId };
  }
  /** UPDATE every column and sync `maskinporten_client`: released ids become free, new ones are claimed. */
  update(id, columns, author, changedData) {
    const current = this.systems.get(id);
    if (!current) return false;
    for (const clientId of current.clientId) {
      if (this.clientOwners.get(clientId) === current.internalId) this.clientOwners.delete(clientId);
    }
    const next = {
      ...structuredClone(columns),
      internalId: current.internalId,
      isDeleted: false
    };
    this.put(next);
    this.log(current.internalId, "update", author, changedData);
    return true;
  }
  /** `changedData`: the list as the changelog stores it (the service serialises it, §9). */
  replaceRights(id, rights, author, changedData) {
    const current = this.systems.get(id);
    if (!current) return false;
    current.rights = structuredClone(rights);
    this.log(current.internalId, "rightsupdate", author, changedData);
    return true;
  }
  replaceAccessPackages(id, packages, author, changedData) {
    const current = this.systems.get(id);
    if (!current) return false;
    current.accessPackages = structuredClone(packages);
    this.log(current.internalId, "accesspackageupdate", author, changedData);
    return true;
  }
  /** §4.1: set is_deleted, delete the client rows, log `delete`; report row counts as the repository does. */
  softDelete(id, author) {
    const current = this.systems.get(id);
    if (!current) return { systemRowsChanged: 0, clientRowsDeleted: 0 };
    current.isDeleted = true;
    let clientRowsDeleted = 0;
    for (const [clientId, owner] of this.clientOwners) {
      if (owner === current.internalId) {
        this.clientOwners.delete(clientId);
        clientRowsDeleted++;
      }
    }
    this.log(current.internalId, "delete", author, null);
    return { systemRowsChanged: 1, clientRowsDeleted };
  }
  /** Control API: store a system as given, bypassing validation but not the client-id primary key. */
  seed(system) {
    const existing = this.systems.get(system.id);
    if (!system.isDeleted) {
      for (const clientId of system.clientId) {
        const owner = this.findClientOwner(clientId);
        if (owner && owner.id !== system.id) {
          return { ok: false, reason: "clientIdTaken", clientId, systemId: owner.id };
        }
      }
    }
    if (existing) {
      for (const [clientId, owner] of this.clientOwners) {
        if (owner === existing.internalId) this.clientOwners.delete(clientId);
      }
      this.byInternalId.delete(existing.internalId);
      this.systems.delete(system.id);
    }
    this.put(structuredClone(system));
    return { ok: true };
  }
  put(system) {
    this.systems.set(system.id, system);
    this.byInternalId.set(system.internalId, system);
    if (!system.isDeleted) {
      for (const clientId of system.clientId) this.clientOwners.set(clientId, system.internalId);
    }
  }
  log(internalId, changeType, author, changedData) {
    this.changelog.push({
      systemInternalId: internalId,
      changedByOrgNumber: author.orgNumber,
      changeType,
      changedData,
      clientId: author.clientId,
      created: author.time
    });
  }
};
function renderLiveSystem(system) {
  const live = {
    id: system.id,
    vendor: { ID: `0192:${system.vendorOrgNumber}` },
    name: system.name,
    description: system.description,
    isDeleted: system.isDeleted,
    clientId: system.clientId.filter((c) => c !== ""),
    isVisible: system.isVisible,
    allowedRedirectUrls: system.allowedRedirectUrls
  };
  const ordered = {
    id: live.id,
    vendor: live.vendor,
    name: live.name,
    description: live.description
  };
  if (system.rights !== null) ordered.rights = system.rights.map(copyRight);
  if (system.accessPackages !== null) ordered.accessPackages = system.accessPackages;
  Object.assign(ordered, {
    isDeleted: live.isDeleted,
    clientId: live.clientId,
    isVisible: live.isVisible,
    allowedRedirectUrls: live.allowedRedirectUrls
  });
  return ordered;
}
function renderSystemDTO(system) {
  const dto = {
    systemId: system.id,
    systemVendorOrgNumber: system.vendorOrgNumber,
    systemVendorOrgName: "",
    name: system.name,
    description: system.description
  };
  if (system.rights !== null) dto.rights = system.rights.map(copyRight);
  if (system.accessPackages !== null) dto.accessPackages = system.accessPackages;
  dto.isVisible = system.isVisible;
  return dto;
}
function renderChangeLogEntry(record) {
  const entry = {
    systemInternalId: record.systemInternalId,
    changedByOrgNumber: record.changedByOrgNumber,
    changeType: record.changeType,
    clientId: record.clientId,
    created: new Date(record.created).toISOString()
  };
  if (record.changedData !== null && record.changedData !== void 0) entry.changedData = record.changedData;
  return entry;
}

// src/emulator/control-api.ts
function findRequestSystemId(method, path, body) {
  if (!path.startsWith(`${SYSTEM_REGISTER_PATH}/`)) return null;
  const segments = path.slice(SYSTEM_REGISTER_PATH.length).split("/").filter((segment) => segment !== "");
  const [first, second] = segments;
  if (first === "vendor" && second === void 0) {
    if (method !== "POST") return null;
    try {
      const parsed = JSON.parse(body);
      return isObject(parsed) && typeof parsed.id === "string" ? parsed.id.trim() : null;
    } catch {
      return null;
    }
  }
  const encoded = first === "vendor" ? second : first;
  if (encoded === void 0) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
function isResourceRecord(r) {
  return isObject(r) && typeof r.identifier === "string" && typeof r.resourceType === "string";
}
function isAccessPackageRecord(p) {
  return isObject(p) && typeof p.urn === "string" && typeof p.isDelegable === "boolean" && typeof p.isAssignable === "boolean";
}
function isSeedSystemUser(u) {
  return isObject(u) && typeof u.systemId === "string" && typeof u.reporteeOrgNo === "string" && /^\d{9}$/.test(u.reporteeOrgNo) && (u.integrationTitle === void 0 || typeof u.integrationTitle === "string");
}
function readListOf(body, isItem, shape) {
  const parsed = parseBody(body);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (!Array.isArray(value) || !value.every(isItem)) return { ok: false, message: `body must be ${shape}` };
  return { ok: true, value };
}
function badRequest(message) {
  return { reply: replyJson(400, { error: message }), committed: false };
}
function parseBody(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `body is not valid JSON: ${error.message}` };
  }
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
var isLanguageMap = (v) => isObject(v) && Object.values(v).every((s) => typeof s === "string");
function readSeedSystem(value, index) {
  const at = `[${index}]`;
  if (!isObject(value)) return { ok: false, message: `${at} must be an object` };
  const v = value;
  if (typeof v.id !== "string" || v.id === "")
    return { ok: false, message: `${at}.id must be a non-empty string` };
  if (!isObject(v.vendor) || typeof v.vendor.ID !== "string" || !/^0192:.+$/.test(v.vendor.ID)) {
    return { ok: false, message: `${at}.vendor.ID must be "0192:<orgno>"` };
  }
  if (!isLanguageMap(v.name) || !isLanguageMap(v.description)) {
    return { ok: false, message: `${at}.name and .description must map language codes to strings` };
  }
  const optionalArray = (name) => v[name] === void 0 || v[name] === null || Array.isArray(v[name]);
  if (!optionalArray("rights") || !optionalArray("accessPackages")) {
    return { ok: false, message: `${at}.rights and .accessPackages must be arrays when given` };
  }
  for (const name of ["clientId", "allowedRedirectUrls"]) {
    if (v[name] !== void 0 && !isStringArray(v[name]))
      return { ok: false, message: `${at}.${name} must be an array of strings` };
  }
  for (const name of ["isVisible", "isDeleted"]) {
    if (v[name] !== void 0 && typeof v[name] !== "boolean")
      return { ok: false, message: `${at}.${name} must be a boolean` };
  }
  return { ok: true, value: v };
}
function toStoredSystem(live, internalId) {
  return {
    internalId,
    id: live.id,
    vendorOrgNumber: live.vendor.ID.slice("0192:".length),
    name: live.name,
    description: live.description,
    rights: live.rights ?? null,
    accessPackages: live.accessPackages ?? null,
    clientId: live.clientId ?? [],
    allowedRedirectUrls: live.allowedRedirectUrls ?? [],
    isVisible: live.isVisible ?? true,
    isDeleted: live.isDeleted ?? false
  };
}
async function handleControlRequest(context, method, segments, body) {
  const route = `${method} ${segments.join("/")}`;
  const read = () => parseBody(body);
  switch (route) {
    case "POST clients": {
      const parsed = read();
      if (!parsed.ok) return badRequest(parsed.message);
      const v = parsed.value;
      if (!isObject(v)) return badRequest("body must be {clientId, orgNumber, scopes, jwk}");
      if (typeof v.clientId !== "string" || v.clientId === "")
        return badRequest("clientId must be a non-empty string");
      if (typeof v.orgNumber !== "string" || !/^\d{9}$/.test(v.orgNumber))
        return badRequest("orgNumber must be 9 digits");
      if (!isStringArray(v.scopes)) return badRequest("scopes must be an array of strings");
      if (!isObject(v.jwk)) return badRequest("jwk must be a public RSA JWK object with kid");
      const result = await context.tokens.registerClient({
        clientId: v.clientId,
        orgNumber: v.orgNumber,
        scopes: v.scopes,
        jwk: v.jwk
      });
      if (!result.ok) return badRequest(result.message);
      return { reply: replyJson(201, { clientId: v.clientId }), committed: true };
    }
    case "GET clients":
      return { reply: replyJson(200, context.tokens.listClients()), committed: false };
    case "POST systems": {
      const parsed = read();
      if (!parsed.ok) return badRequest(parsed.message);
      if (!Array.isArray(parsed.value))
        return badRequest("body must be an array of systems in the GET /vendor/{id} shape");
      const systems = [];
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
              error: `${live.id}: client id '${result.clientId}' is held by ${result.systemId}`
            }),
            committed: true
          };
        }
      }
      return { reply: replyJson(200, { seeded: systems.length }), committed: true };
    }
    case "DELETE systems":
      context.state.clear();
      return { reply: replyEmpty(204), committed: true };
    case "GET systems":
      return { reply: replyJson(200, context.state.all().map(renderLiveSystem)), committed: false };
    case "POST resources": {
      const list = readListOf(body, isResourceRecord, "[{identifier, resourceType}, \u2026]");
      if (!list.ok) return badRequest(list.message);
      context.catalogue.addResources(list.value);
      return { reply: replyJson(200, { added: list.value.length }), committed: true };
    }
    case "POST accesspackages": {
      const list = readListOf(body, isAccessPackageRecord, "[{urn, isDelegable, isAssignable}, \u2026]");
      if (!list.ok) return badRequest(list.message);
      context.catalogue.addAccessPackages(list.value);
      return { reply: replyJson(200, { added: list.value.length }), committed: true };
    }
    case "POST system-users": {
      const list = readListOf(
        body,
        isSeedSystemUser,
        "[{systemId, reporteeOrgNo (9 digits), integrationTitle?}, \u2026]"
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
          userType: "standard",
          created: context.now()
        }))
      );
      return { reply: replyJson(200, { added: users.length }), committed: true };
    }
    case "PUT faults": {
      const parsed = read();
      if (!parsed.ok) return badRequest(parsed.message);
      const settings = parseFaultSettings(parsed.value);
      if (!settings.ok) return badRequest(settings.message);
      context.faults.configure(settings.value);
      return { reply: replyJson(200, settings.value), committed: false };
    }
    case "GET faults":
      return { reply: replyJson(200, context.faults.settings), committed: false };
    case "GET requests":
      return { reply: replyJson(200, context.requests), committed: false };
    case "DELETE requests":
      context.requests.length = 0;
      return { reply: replyEmpty(204), committed: false };
    case "POST reset":
      context.reset();
      return { reply: replyEmpty(204), committed: true };
    default:
      return {
        reply: replyJson(404, { error: `no control route ${method} /_emulator/${segments.join("/")}` }),
        committed: false
      };
  }
}

// src/emulator/emulator-data.ts
const { readFileSync } = globalThis.process.getBuiltinModule("node:fs");
var EMULATOR_DATA_FORMAT = "sysreg-emulator/1";
var EmulatorDataError = class extends Error {
  exitCode = 1;
  constructor(message) {
    super(message);
    this.name = "EmulatorDataError";
  }
};
function readEmulatorData(file) {
  let text;
  try {
    removeStaleTemporaryFiles(file);
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new EmulatorDataError(`${file}: cannot read: ${error.message}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EmulatorDataError(`${file}: not valid JSON (${error.message})`);
  }
  const data = parsed;
  if (data?.format !== EMULATOR_DATA_FORMAT) {
    throw new EmulatorDataError(
      `${file}: not an emulator data file (expected "format": "${EMULATOR_DATA_FORMAT}")`
    );
  }
  if (!Array.isArray(data.register?.systems) || !Array.isArray(data.register?.changelog) || !Array.isArray(data.clients) || !Array.isArray(data.catalogue?.resources) || !Array.isArray(data.catalogue?.accessPackages)) {
    throw new EmulatorDataError(`${file}: missing register, clients or catalogue`);
  }
  return data;
}
function writeEmulatorData(file, data) {
  writeFileAtomicallySync(file, JSON.stringify(data), { mode: 384 });
}

// src/emulator/maskinporten.ts
const { randomUUID: randomUUID2 } = globalThis.process.getBuiltinModule("node:crypto");
var JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
var GRANT_ALGORITHMS = ["RS256", "RS384", "RS512"];
var DOCUMENTED_GRANT_CLAIMS = /* @__PURE__ */ new Set([
  "aud",
  "iss",
  "iat",
  "exp",
  "jti",
  "scope",
  "resource",
  "consumer_org",
  "authorization_details"
]);
var CLOCK_SKEW_SECONDS = 10;
var MAX_GRANT_LIFETIME_SECONDS = 120;
var ALTINN_TOKEN_LIFETIME_SECONDS = 30 * 60;
async function generateSigningKey(kid) {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...await exportJWK(publicKey), kid, alg: "RS256", use: "sig" };
  return { kid, privateKey, publicKey, publicJwk };
}
function oauthError(error, description) {
  return replyJson(400, { error, error_description: description });
}
var TokenService = class _TokenService {
  maskinportenIssuer;
  altinnIssuer;
  now;
  tokenLifetimeSeconds;
  maskinportenKey;
  altinnKey;
  /** Per client, its public key imported once per algorithm (a WebCrypto key is bound to one hash). */
  clients = /* @__PURE__ */ new Map();
  /** jti → exp (seconds): a grant's jti is never accepted twice while it could still be valid. */
  usedJtis = /* @__PURE__ */ new Map();
  /** Verified bearer tokens, so the hot path of the register does not re-run RSA on every request. */
  verified = /* @__PURE__ */ new Map();
  constructor(options, maskinportenKey, altinnKey) {
    this.maskinportenIssuer = `${options.baseUrl}/maskinporten/`;
    this.altinnIssuer = `${options.baseUrl}/authentication/api/v1/openid/`;
    this.now = options.now;
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
    this.maskinportenKey = maskinportenKey;
    this.altinnKey = altinnKey;
  }
  static async create(options) {
    const [maskinporten, altinn] = await Promise.all([
      generateSigningKey(`maskinporten-${randomUUID2()}`),
      generateSigningKey(`altinn-${randomUUID2()}`)
    ]);
    return new _TokenService(options, maskinporten, altinn);
  }
  nowSeconds() {
    return Math.floor(this.now() / 1e3);
  }
  async registerClient(client) {
    if (typeof client.jwk.kid !== "string" || client.jwk.kid === "")
      return { ok: false, message: "jwk.kid is required" };
    if (client.jwk.kty !== "RSA") return { ok: false, message: "jwk must be an RSA key (kty RSA)" };
    if ("d" in client.jwk) return { ok: false, message: 'jwk must be the public key only (no "d")' };
    try {
      const key = await importJWK(toPublicRsaJwk(client.jwk), "RS256");
      const stored = {
        clientId: client.clientId,
        orgNumber: client.orgNumber,
        scopes: [...client.scopes],
        jwk: { ...toPublicRsaJwk(client.jwk), kid: client.jwk.kid }
      };
      this.clients.set(client.clientId, { client: stored, keys: /* @__PURE__ */ new Map([["RS256", key]]) });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `jwk is not a usable RSA public key: ${error.message}` };
    }
  }
  listClients() {
    return [...this.clients.values()].map((c) => c.client);
  }
  clearClients() {
    this.clients.clear();
    this.usedJtis.clear();
    this.verified.clear();
  }
  /** POST `/maskinporten/token`. */
  async issueToken(contentType, body) {
    if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return oauthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }
    const form = new URLSearchParams(body);
    const grantType = form.get("grant_type");
    if (grantType === null) return oauthError("invalid_request", "Missing grant_type");
    if (grantType !== JWT_BEARER_GRANT)
      return oauthError("invalid_request", `Unsupported grant_type: ${grantType}`);
    const assertion = form.get("assertion");
    if (assertion === null || assertion === "") return oauthError("invalid_request", "Missing assertion");
    let header;
    let unverified;
    try {
      header = decodeProtectedHeader(assertion);
      unverified = decodeJwt(assertion);
    } catch {
      return oauthError("invalid_grant", "Invalid assertion. The assertion is not a well-formed JWT.");
    }
    if (typeof header.alg !== "string" || !GRANT_ALGORITHMS.includes(header.alg)) {
      return oauthError(
        "invalid_grant",
        `Invalid assertion. Unsupported alg ${String(header.alg)}; use RS256, RS384 or RS512.`
      );
    }
    if (header.kid === void 0) {
      return oauthError(
        "invalid_grant",
        header.x5c ? "Invalid assertion. x5c (business certificate) grants are not supported here; register a JWK with a kid." : "Invalid assertion. The header must carry kid (or x5c)."
      );
    }
    const registered = typeof unverified.iss === "string" ? this.clients.get(unverified.iss) : void 0;
    if (!registered)
      return oauthError("invalid_client", "Invalid client. iss is not a registered client_id.");
    if (header.kid !== registered.client.jwk.kid) {
      return oauthError("invalid_client", "Invalid client. kid is not a key registered on the client.");
    }
    try {
      let key = registered.keys.get(header.alg);
      if (!key) {
        key = await importJWK(toPublicRsaJwk(registered.client.jwk), header.alg);
        registered.keys.set(header.alg, key);
      }
      await compactVerify(assertion, key, { algorithms: [header.alg] });
    } catch {
      return oauthError(
        "invalid_grant",
        "Invalid assertion. Client authentication failed: signature verification failed."
      );
    }
    const claims = unverified;
    const undocumented = Object.keys(claims).filter((name) => !DOCUMENTED_GRANT_CLAIMS.has(name));
    if (undocumented.length > 0) {
      return oauthError(
        "invalid_grant",
        `Invalid assertion. Undocumented claims: ${undocumented.join(", ")}.`
      );
    }
    if (claims.aud !== this.maskinportenIssuer) {
      return oauthError(
        "invalid_grant",
        `Invalid assertion. aud must be exactly ${this.maskinportenIssuer}.`
      );
    }
    const now = this.nowSeconds();
    if (typeof claims.iat !== "number" || Math.abs(claims.iat - now) > CLOCK_SKEW_SECONDS) {
      return oauthError(
        "invalid_grant",
        "Invalid assertion. iat must be within 10 seconds of the server clock."
      );
    }
    if (typeof claims.exp !== "number" || claims.exp <= now - CLOCK_SKEW_SECONDS) {
      return oauthError("invalid_grant", "Invalid assertion. exp is missing or has passed.");
    }
    if (claims.exp - claims.iat > MAX_GRANT_LIFETIME_SECONDS) {
      return oauthError("invalid_grant", "Invalid assertion. exp - iat must not exceed 120 seconds.");
    }
    if (claims.jti !== void 0) {
      this.pruneJtis(now);
      if (typeof claims.jti !== "string" || this.usedJtis.has(claims.jti)) {
        return oauthError("invalid_grant", "Invalid assertion. jti has already been used.");
      }
    }
    if (typeof claims.scope !== "string" || claims.scope.trim() === "") {
      return oauthError("invalid_scope", "Missing scope.");
    }
    const requested = claims.scope.split(" ").filter((s) => s !== "");
    const refused = requested.filter((s) => !registered.client.scopes.includes(s));
    if (refused.length > 0) {
      return oauthError("invalid_scope", `Scope(s) not granted to the client: ${refused.join(" ")}`);
    }
    if (typeof claims.jti === "string") this.usedJtis.set(claims.jti, claims.exp);
    const scope = requested.join(" ");
    const accessToken = await new SignJWT({
      scope,
      consumer: { authority: "iso6523-actorid-upis", ID: `0192:${registered.client.orgNumber}` },
      client_id: registered.client.clientId,
      client_amr: "private_key_jwt",
      token_type: "Bearer"
    }).setProtectedHeader({ alg: "RS256", kid: this.maskinportenKey.kid, typ: "JWT" }).setIssuer(this.maskinportenIssuer).setIssuedAt(now).setExpirationTime(now + this.tokenLifetimeSeconds).setJti(randomUUID2()).sign(this.maskinportenKey.privateKey);
    return replyJson(200, {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: this.tokenLifetimeSeconds,
      scope
    });
  }
  pruneJtis(now) {
    for (const [jti, exp] of this.usedJtis) if (exp < now - CLOCK_SKEW_SECONDS) this.usedJtis.delete(jti);
  }
  /** Validate a bearer token as the register's JwtCookie handler does: signature, exp with 10 s skew, no aud. */
  async verifyBearer(authorization) {
    if (!authorization?.startsWith("Bearer ")) return null;
    const token = authorization.slice("Bearer ".length).trim();
    const cached = this.verified.get(token);
    const now = this.nowSeconds();
    if (cached) {
      const exp = cached.claims.exp ?? 0;
      const nbf = cached.claims.nbf ?? 0;
      return exp + CLOCK_SKEW_SECONDS >= now && nbf - CLOCK_SKEW_SECONDS <= now ? cached : null;
    }
    let issuer;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return null;
    }
    if (issuer === void 0) return null;
    const which = issuer === this.maskinportenIssuer ? "maskinporten" : issuer === this.altinnIssuer ? "altinn" : null;
    if (!which) return null;
    const key = which === "maskinporten" ? this.maskinportenKey : this.altinnKey;
    try {
      const { payload } = await jwtVerify(token, key.publicKey, {
        issuer,
        algorithms: ["RS256"],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(this.now()),
        requiredClaims: ["exp"]
      });
      const result = { issuer: which, claims: payload };
      if (this.verified.size >= 1e3) this.verified.clear();
      this.verified.set(token, result);
      return result;
    } catch {
      return null;
    }
  }
  /** GET `/authentication/api/v1/exchange/maskinporten` (§5.1): a Maskinporten token for an Altinn one. */
  async exchangeMaskinportenToken(headers) {
    if (headers["x-altinn-enterpriseuser-authentication"] !== void 0) return replyEmpty(410);
    const authorization = typeof headers.authorization === "string" ? headers.authorization : void 0;
    const verified = await this.verifyBearer(authorization);
    if (!verified || verified.issuer !== "maskinporten") return replyEmpty(401);
    const consumer = verified.claims.consumer;
    const consumerId = typeof consumer?.ID === "string" ? consumer.ID : void 0;
    const orgNumber = consumerId?.split(":")[1];
    if (!orgNumber) return replyEmpty(401);
    const claims = { ...verified.claims };
    for (const name of ["aud", "iss", "client_amr", "sid", "iat", "exp", "nbf", "jti"]) delete claims[name];
    const now = this.nowSeconds();
    const token = await new SignJWT({
      ...claims,
      "urn:altinn:orgNumber": orgNumber,
      "urn:altinn:authenticatemethod": "maskinporten",
      "urn:altinn:authlevel": 3,
      sid: randomUUID2()
    }).setProtectedHeader({ alg: "RS256", kid: this.altinnKey.kid, typ: "JWT" }).setIssuer(this.altinnIssuer).setIssuedAt(now).setNotBefore(now).setExpirationTime(now + ALTINN_TOKEN_LIFETIME_SECONDS).sign(this.altinnKey.privateKey);
    return replyText(200, token);
  }
  maskinportenMetadata(baseUrl) {
    return {
      issuer: this.maskinportenIssuer,
      token_endpoint: `${baseUrl}/maskinporten/token`,
      jwks_uri: `${baseUrl}/maskinporten/jwk`,
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      grant_types_supported: [JWT_BEARER_GRANT],
      token_endpoint_auth_signing_alg_values_supported: GRANT_ALGORITHMS
    };
  }
  altinnMetadata(baseUrl) {
    return {
      issuer: this.altinnIssuer,
      jwks_uri: `${baseUrl}/authentication/api/v1/openid/jwks`,
      id_token_signing_alg_values_supported: ["RS256"]
    };
  }
  maskinportenJwks() {
    return { keys: [this.maskinportenKey.publicJwk] };
  }
  altinnJwks() {
    return { keys: [this.altinnKey.publicJwk] };
  }
};
function toPublicRsaJwk(jwk) {
  const key = { kty: "RSA" };
  if (jwk.n !== void 0) key.n = jwk.n;
  if (jwk.e !== void 0) key.e = jwk.e;
  return key;
}

// src/emulator/register-request.ts
var NULL_REFERENCE = "Object reference not set to an instance of an object.";
var ServiceException = class extends Error {
};
function hasScope(caller, accepted) {
  return caller.scope.split(" ").some((s) => accepted.includes(s));
}
function readConsumerOrg(caller) {
  const consumer = caller.consumer;
  if (consumer === void 0 || consumer === null) return void 0;
  if (typeof consumer !== "object") throw new ServiceException("Invalid consumer claim");
  const { authority, ID } = consumer;
  if (authority !== "iso6523-actorid-upis" || typeof ID !== "string")
    throw new ServiceException("Invalid consumer claim");
  const [prefix, org] = ID.split(":");
  if (prefix !== "0192" || org === void 0) throw new ServiceException("Invalid consumer claim");
  return org;
}
function hasWriteAccess(caller, vendorOrgNumber) {
  if (caller.scope.includes(SCOPE_ADMIN)) return true;
  const org = readConsumerOrg(caller);
  return org !== void 0 && org.toLowerCase() === vendorOrgNumber.toLowerCase();
}
function authorOf(caller, context) {
  let orgNumber;
  try {
    orgNumber = readConsumerOrg(caller) ?? "";
  } catch {
    orgNumber = "";
  }
  return { orgNumber, clientId: caller.clientId, time: context.now() };
}
var done = (reply, committed = false) => ({ reply, committed });

// src/emulator/register-portal-actions.ts
function listVisibleSystems(context) {
  return done(replyJson(200, context.state.listVisible().map(renderSystemDTO)));
}
function getPortalSystem(context, id) {
  const system = context.state.find(id);
  return done(system ? replyJson(200, renderSystemDTO(system)) : replyEmpty(404));
}
function getPortalRights(context, request, id) {
  const rights = context.state.find(id)?.rights ?? [];
  const oldFormat = readQuery(request.query, "useOldFormatForApp")?.toLowerCase() === "true";
  const rendered = rights.map((right) => {
    const resource = oldFormat ? right.resource.flatMap(toOldAppFormat) : right.resource;
    return right.action === void 0 || right.action === null ? { resource } : { action: right.action, resource };
  });
  return done(replyJson(200, rendered));
}
function readQuery(query, name) {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return void 0;
}
function toOldAppFormat(pair) {
  if (pair.id !== "urn:altinn:resource") return [];
  if (!pair.value.startsWith("app_")) return [pair];
  const parts = pair.value.split("_");
  if (parts.length !== 3 || parts[1] === "" || parts[2] === "") return [];
  return [
    { id: "urn:altinn:org", value: parts[1] ?? "" },
    { id: "urn:altinn:app", value: parts[2] ?? "" }
  ];
}
function getPortalAccessPackages(context, id) {
  return done(replyJson(200, context.state.find(id)?.accessPackages ?? []));
}

// src/emulator/register-binding.ts
var MODEL = "Altinn.Platform.Authentication.Core.Models.SystemRegisters.RegisterSystemRequest";
var RIGHT_LIST = `System.Collections.Generic.List\`1[Altinn.Platform.Authentication.Core.Models.Rights.Right]`;
var PACKAGE_LIST = `System.Collections.Generic.List\`1[Altinn.Platform.Authentication.Core.Models.AccessPackages.AccessPackage]`;
var BindingFailure = class extends Error {
  errors;
  constructor(errors) {
    super("model binding failed");
    this.errors = errors;
  }
};
function fail(jsonPath, message, parameter) {
  throw new BindingFailure({ [jsonPath]: [message], [parameter]: [`The ${parameter} field is required.`] });
}
function convertError(jsonPath, type, parameter) {
  fail(
    jsonPath,
    `The JSON value could not be converted to ${type}. Path: ${jsonPath} | LineNumber: 0 | BytePositionInLine: 0.`,
    parameter
  );
}
function parseJson(text, parameter) {
  if (text.trim() === "") {
    throw new BindingFailure({
      "": [`A non-empty request body is required.`],
      [parameter]: [`The ${parameter} field is required.`]
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    fail(
      "$",
      `The request body is not valid JSON: ${reason}. Path: $ | LineNumber: 0 | BytePositionInLine: 0.`,
      parameter
    );
  }
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function member(object, name) {
  if (Object.hasOwn(object, name)) return { present: true, value: object[name] };
  let found = { present: false, value: void 0 };
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === lower) found = { present: true, value: object[key] };
  }
  return found;
}
var RequiredCheck = class {
  errors = {};
  string(value, key, jsonPath, parameter) {
    if (value === null) {
      this.add(key);
      return "";
    }
    if (typeof value !== "string") convertError(jsonPath, "System.String", parameter);
    if (value.trim() === "") this.add(key);
    return value;
  }
  add(key) {
    const field = key.split(".").at(-1)?.replace(/\[\d+\]$/, "") ?? key;
    this.errors[key] = [`The ${field} field is required.`];
  }
};
function bindLanguageMap(value, jsonPath, key, required) {
  if (value === null) {
    required.add(key);
    return {};
  }
  if (!isObject2(value))
    convertError(jsonPath, "System.Collections.Generic.Dictionary`2[System.String,System.String]", "request");
  const map = {};
  for (const [language, text] of Object.entries(value)) {
    if (typeof text !== "string") convertError(`${jsonPath}.${language}`, "System.String", "request");
    map[language] = text;
  }
  return map;
}
function bindRights(value, jsonPath, keyPrefix, parameter, required) {
  if (!Array.isArray(value)) convertError(jsonPath, RIGHT_LIST, parameter);
  return value.map((item, index) => {
    const path = `${jsonPath}[${index}]`;
    const key = `${keyPrefix}[${index}]`;
    if (!isObject2(item))
      convertError(path, "Altinn.Platform.Authentication.Core.Models.Rights.Right", parameter);
    const action = member(item, "action").value;
    if (action !== void 0 && action !== null && typeof action !== "string")
      convertError(`${path}.action`, "System.String", parameter);
    const resource = member(item, "resource");
    let pairs = [];
    if (!resource.present || resource.value === null) {
      if (resource.present) required.add(`${key}.Resource`);
    } else {
      if (!Array.isArray(resource.value))
        convertError(
          `${path}.resource`,
          "System.Collections.Generic.List`1[Altinn.Platform.Authentication.Core.Models.AttributePair]",
          parameter
        );
      pairs = resource.value.map((pair, pairIndex) => {
        const pairPath = `${path}.resource[${pairIndex}]`;
        const pairKey = `${key}.Resource[${pairIndex}]`;
        if (!isObject2(pair))
          convertError(pairPath, "Altinn.Platform.Authentication.Core.Models.AttributePair", parameter);
        const id = member(pair, "id");
        const pairValue = member(pair, "value");
        return {
          id: id.present ? required.string(id.value, `${pairKey}.Id`, `${pairPath}.id`, parameter) : (required.add(`${pairKey}.Id`), ""),
          value: pairValue.present ? required.string(pairValue.value, `${pairKey}.Value`, `${pairPath}.value`, parameter) : (required.add(`${pairKey}.Value`), "")
        };
      });
    }
    return typeof action === "string" ? { action, resource: pairs } : { resource: pairs };
  });
}
function bindAccessPackages(value, jsonPath, parameter) {
  if (!Array.isArray(value)) convertError(jsonPath, PACKAGE_LIST, parameter);
  return value.map((item, index) => {
    if (item === null) return { urn: null };
    if (!isObject2(item))
      convertError(
        `${jsonPath}[${index}]`,
        "Altinn.Platform.Authentication.Core.Models.AccessPackages.AccessPackage",
        parameter
      );
    const urn = member(item, "urn").value;
    if (urn !== void 0 && urn !== null && typeof urn !== "string")
      convertError(`${jsonPath}[${index}].urn`, "System.String", parameter);
    return { urn: urn ?? null };
  });
}
function bindStringList(value, jsonPath, key, required, type) {
  if (value === null) {
    required.add(key);
    return [];
  }
  if (!Array.isArray(value)) convertError(jsonPath, `System.Collections.Generic.List\`1[${type}]`, "request");
  return value.map((item, index) => {
    if (typeof item !== "string") convertError(`${jsonPath}[${index}]`, type, "request");
    return item;
  });
}
function bindSystemRequest(text) {
  try {
    const body = parseJson(text, "request");
    if (!isObject2(body)) convertError("$", MODEL, "request");
    const id = member(body, "id");
    const vendor = member(body, "vendor");
    const name = member(body, "name");
    const description = member(body, "description");
    const missing = [
      ["id", id],
      ["vendor", vendor],
      ["name", name],
      ["description", description]
    ].filter(([, m]) => !m.present).map(([n]) => n);
    if (missing.length > 0) {
      fail(
        "$",
        `JSON deserialization for type '${MODEL}' was missing required properties, including the following: ${missing.join(", ")}`,
        "request"
      );
    }
    const required = new RequiredCheck();
    const boundId = required.string(id.value, "Id", "$.id", "request");
    let vendorId = "";
    if (vendor.value === null) required.add("Vendor");
    else {
      if (!isObject2(vendor.value))
        convertError("$.vendor", "Altinn.Platform.Authentication.Core.Models.VendorInfo", "request");
      const vendorIdMember = member(vendor.value, "ID");
      if (!vendorIdMember.present) required.add("Vendor.ID");
      else vendorId = required.string(vendorIdMember.value, "Vendor.ID", "$.vendor.ID", "request");
    }
    const boundName = bindLanguageMap(name.value, "$.name", "Name", required);
    const boundDescription = bindLanguageMap(description.value, "$.description", "Description", required);
    const rights = member(body, "rights");
    const accessPackages = member(body, "accessPackages");
    const clientId = member(body, "clientId");
    const urls = member(body, "allowedRedirectUrls");
    const isVisible = member(body, "isVisible");
    const boundRights = !rights.present ? [] : rights.value === null ? null : bindRights(rights.value, "$.rights", "Rights", "request", required);
    const boundPackages = !accessPackages.present ? [] : accessPackages.value === null ? null : bindAccessPackages(accessPackages.value, "$.accessPackages", "request");
    const boundClientIds = clientId.present ? bindStringList(clientId.value, "$.clientId", "ClientId", required, "System.String") : [];
    const boundUrls = urls.present ? bindStringList(urls.value, "$.allowedRedirectUrls", "AllowedRedirectUrls", required, "System.Uri") : [];
    if (isVisible.present && typeof isVisible.value !== "boolean")
      convertError("$.isVisible", "System.Boolean", "request");
    if (Object.keys(required.errors).length > 0) return { ok: false, errors: required.errors };
    return {
      ok: true,
      value: {
        id: boundId,
        vendorId,
        name: boundName,
        description: boundDescription,
        rights: boundRights,
        accessPackages: boundPackages,
        clientId: boundClientIds,
        allowedRedirectUrls: boundUrls,
        isVisible: isVisible.present ? isVisible.value : true
      }
    };
  } catch (error) {
    if (error instanceof BindingFailure) return { ok: false, errors: error.errors };
    throw error;
  }
}
function bindRightList(text) {
  try {
    const body = parseJson(text, "rights");
    const required = new RequiredCheck();
    const rights = bindRights(body, "$", "", "rights", required);
    if (Object.keys(required.errors).length > 0) return { ok: false, errors: required.errors };
    return { ok: true, value: rights };
  } catch (error) {
    if (error instanceof BindingFailure) return { ok: false, errors: error.errors };
    throw error;
  }
}
function bindAccessPackageList(text) {
  try {
    return { ok: true, value: bindAccessPackages(parseJson(text, "accessPackages"), "$", "accessPackages") };
  } catch (error) {
    if (error instanceof BindingFailure) return { ok: false, errors: error.errors };
    throw error;
  }
}

// src/emulator/register-validation.ts
var VALIDATION_TITLES = {
  "AUTH.VLD-00000": "the org number identifier is not valid ISO6523 identifier",
  "AUTH.VLD-00001": "The system id does not match the format orgnumber_xxxx...",
  "AUTH.VLD-00002": "The system id already exists",
  "AUTH.VLD-00003": "One or more resources specified in rights were not found in Altinn's resource register.",
  "AUTH.VLD-00004": "One of the client id is already tagged with an existing system",
  "AUTH.VLD-00005": "One or more of the redirect urls format is not valid. The valid format is https://xxx.xx",
  "AUTH.VLD-00006": "One or more duplicate rights found",
  "AUTH.VLD-00007": "One or more duplicate access package(s) found",
  "AUTH.VLD-00008": "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
  "AUTH.VLD-00009": "One or more resource id is in wrong format. The valid format is urn:altinn:resource",
  "AUTH.VLD-00011": "Request contains duplicate client ids",
  "AUTH.VLD-00012": "The system ID in the request body does not match the system ID in the URL",
  "AUTH.VLD-00013": "System ID cannot have spaces in id (leading, trailing or in between the id)",
  "AUTH.VLD-00017": "One or more resources specified in rights is of resource type which is not delegable.",
  "AUTH.VLD-00018": "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true"
};
var ERROR_PATHS = {
  vendorId: "/registersystemrequest/vendor/id",
  systemId: "/registersystemrequest/systemid",
  redirectUrls: "/registersystemrequest/allowedredirecturls",
  clientId: "/registersystemrequest/clientid",
  accessPackages: "/registersystemrequest/accesspackages",
  rightsResource: "/registersystemrequest/rights/resource"
};
function createValidationError(code, path, extensions = {}) {
  return { code, title: VALIDATION_TITLES[code] ?? code, paths: [path], ...extensions };
}
function validateRights(rights, catalogue) {
  if (rights === null) throw new TypeError("Object reference not set to an instance of an object.");
  const badFormat = [];
  const notFound = [];
  const notDelegable = [];
  for (const right of rights) {
    for (const pair of right.resource) {
      if (!/^urn:altinn:resource$/.test(pair.id)) badFormat.push(pair.value);
      else {
        const resource = catalogue.findResource(pair.value);
        if (!resource) notFound.push(pair.value);
        else if (!DELEGABLE_RESOURCE_TYPES.includes(resource.resourceType)) notDelegable.push(pair.value);
      }
    }
  }
  const errors = [];
  const path = ERROR_PATHS.rightsResource;
  if (badFormat.length > 0) {
    errors.push(
      createValidationError("AUTH.VLD-00009", path, {
        "Invalid Resource Id Details : ": badFormat.join(" | ")
      })
    );
  }
  if (notFound.length > 0) {
    errors.push(
      createValidationError("AUTH.VLD-00003", path, { "ResourceIds Not Found : ": notFound.join(" | ") })
    );
  }
  if (notDelegable.length > 0) {
    errors.push(
      createValidationError("AUTH.VLD-00017", path, {
        "ResourceIds Not Delegable : ": notDelegable.join(" | ")
      })
    );
  }
  const keys = rights.map(
    (right) => `${right.action ?? ""}:${right.resource.map((pair) => `${pair.id}:${pair.value}`).join(",")}`
  );
  if (new Set(keys).size !== keys.length) errors.push(createValidationError("AUTH.VLD-00006", path));
  return errors;
}
function validateAccessPackages(packages, isVisible, catalogue) {
  if (packages === null) return [];
  const invalidFormat = [];
  const notFound = [];
  const notDelegable = [];
  let nonAssignable = false;
  for (const { urn } of packages) {
    if (urn === null || urn === void 0 || urn === "" || urn.split(":").length < 4) {
      invalidFormat.push(urn ?? "");
      continue;
    }
    const record = catalogue.findAccessPackage(urn);
    if (!record) notFound.push(urn);
    else {
      if (!record.isDelegable && !record.isAssignable) notDelegable.push(urn);
      if (!record.isAssignable) nonAssignable = true;
    }
  }
  const errors = [];
  const path = ERROR_PATHS.accessPackages;
  const details = [
    invalidFormat.length > 0 ? `Invalid format: ${invalidFormat.join(", ")}` : "",
    notFound.length > 0 ? `Not found: ${notFound.join(", ")}` : "",
    notDelegable.length > 0 ? `Not possible to delegate: ${notDelegable.join(", ")}` : ""
  ].filter((part) => part !== "");
  if (details.length > 0) {
    errors.push(
      createValidationError("AUTH.VLD-00008", path, { "Invalid Urn Details : ": details.join(" | ") })
    );
  }
  const urns = packages.map((p) => p.urn);
  if (new Set(urns).size !== urns.length) errors.push(createValidationError("AUTH.VLD-00007", path));
  if (isVisible && nonAssignable) errors.push(createValidationError("AUTH.VLD-00018", path));
  return errors;
}
function isHttpsAbsoluteUrl(url) {
  return URL.canParse(url) && new URL(url).protocol === "https:";
}
function satisfiesUriDomain(stored) {
  return /^https?:\/\/[^.]+/.test(stored);
}
function findTranslatedTextViolation(map) {
  for (const language of ["en", "nb", "nn"]) {
    if (!Object.hasOwn(map, language)) return `translated_text_contains_${language}`;
  }
  return void 0;
}

// src/emulator/register-rows.ts
function toJsonbOrder(value) {
  if (Array.isArray(value)) return value.map(toJsonbOrder);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).sort(
    (a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b))
  );
  return Object.fromEntries(keys.map((key) => [key, toJsonbOrder(value[key])]));
}
function toChangedData(request) {
  return toJsonbOrder({
    Id: request.id,
    Vendor: { ID: request.vendorId },
    Name: request.name,
    Description: request.description,
    Rights: request.rights === null ? null : toChangedRights(request.rights),
    AccessPackages: request.accessPackages === null ? null : toChangedPackages(request.accessPackages),
    ClientId: request.clientId,
    IsVisible: request.isVisible,
    AllowedRedirectUrls: request.allowedRedirectUrls
  });
}
function toChangedRights(rights) {
  return rights.map((r) => ({
    Action: r.action ?? null,
    Resource: r.resource.map((p) => ({ id: p.id, value: p.value }))
  }));
}
function toChangedPackages(packages) {
  return packages.map((p) => ({ Urn: p.urn }));
}
function toColumns(request, vendorOrgNumber) {
  return {
    id: request.id,
    vendorOrgNumber,
    name: request.name,
    description: request.description,
    rights: request.rights,
    accessPackages: request.accessPackages,
    clientId: request.clientId,
    allowedRedirectUrls: request.allowedRedirectUrls.map(storedRedirectUrl),
    isVisible: request.isVisible
  };
}
function findStorageViolation(columns) {
  if (columns.id.length > 255) return "22001: value too long for type character varying(255)";
  for (const map of [columns.name, columns.description]) {
    const constraint = findTranslatedTextViolation(map);
    if (constraint) {
      return `23514: value for domain business_application.translated_text violates check constraint "${constraint}"`;
    }
  }
  if (columns.allowedRedirectUrls.some((u) => !satisfiesUriDomain(u))) {
    return '23514: value for domain business_application.uri violates check constraint "uri_scheme_check"';
  }
  return void 0;
}

// src/emulator/register-vendor-actions.ts
function bindTrimmedSystemRequest(request) {
  const bound = bindSystemRequest(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  return { ...bound.value, id: bound.value.id.trim(), vendorId: bound.value.vendorId.trim() };
}
var createSystem = (context, request, caller) => {
  const body = bindTrimmedSystemRequest(request);
  if ("reply" in body) return body;
  try {
    const identityParts = body.vendorId.split(":");
    if (identityParts[0] !== "0192") {
      return done(replyValidationProblem([createValidationError("AUTH.VLD-00000", ERROR_PATHS.vendorId)]));
    }
    const orgNumber = identityParts[1];
    if (orgNumber === void 0) throw new ServiceException("Index was outside the bounds of the array.");
    const errors = [];
    if (body.id.includes(" ")) errors.push(createValidationError("AUTH.VLD-00013", ERROR_PATHS.systemId));
    if (body.id.split("_")[0] !== orgNumber)
      errors.push(createValidationError("AUTH.VLD-00001", ERROR_PATHS.systemId));
    if (context.state.find(body.id))
      errors.push(createValidationError("AUTH.VLD-00002", ERROR_PATHS.systemId));
    if (!body.allowedRedirectUrls.every(isHttpsAbsoluteUrl)) {
      errors.push(createValidationError("AUTH.VLD-00005", ERROR_PATHS.redirectUrls));
    }
    if (body.clientId.some((c) => context.state.findClientOwner(c) !== void 0)) {
      errors.push(createValidationError("AUTH.VLD-00004", ERROR_PATHS.clientId));
    }
    errors.push(...validateRights(body.rights, context.catalogue));
    errors.push(...validateAccessPackages(body.accessPackages, body.isVisible, context.catalogue));
    if (!hasWriteAccess(caller, orgNumber)) return done(replyEmpty(403));
    if (errors.length > 0) return done(replyValidationProblem(errors));
    const columns = toColumns(body, orgNumber);
    const violation = findStorageViolation(columns);
    if (violation) throw new ServiceException(violation);
    const result = context.state.insert(
      columns,
      context.newInternalId(),
      authorOf(caller, context),
      toChangedData(body)
    );
    if (!result.ok) return done(replyText(409, `The System already exist: ${body.id}`));
    return done(replyJson(200, result.internalId), true);
  } catch (error) {
    if (error instanceof ServiceException || error instanceof TypeError)
      return done(replyText(500, error.message));
    throw error;
  }
};
function getSystem(context, caller, id) {
  const system = context.state.find(id);
  if (!system) return done(replyEmpty(404));
  if (!hasWriteAccess(caller, system.vendorOrgNumber)) return done(replyEmpty(403));
  return done(replyJson(200, renderLiveSystem(system)));
}
function listVendorSystems(context, _request, caller) {
  const org = readConsumerOrg(caller);
  if (org === void 0) return done(replyEmpty(403));
  return done(
    replyJson(200, context.state.listByVendor(org).map(renderSystemDTO), { "cache-control": "no-store" })
  );
}
function updateSystem(context, request, caller, id) {
  const body = bindTrimmedSystemRequest(request);
  if ("reply" in body) return body;
  const notFound = replyText(404, `System with ID '${id}' not found.`);
  const stored = context.state.find(id);
  if (!stored) return done(notFound);
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  if (body.vendorId !== `0192:${stored.vendorOrgNumber}`) return done(notFound);
  if (body.id !== id)
    return done(replyValidationProblem([createValidationError("AUTH.VLD-00012", ERROR_PATHS.systemId)]));
  if (stored.isDeleted) return done(replyText(400, "Cannot update a system marked as deleted."));
  const errors = [];
  errors.push(...validateRights(body.rights, context.catalogue));
  errors.push(...validateAccessPackages(body.accessPackages, body.isVisible, context.catalogue));
  const lowered = body.clientId.map((c) => c.toLowerCase());
  if (new Set(lowered).size !== lowered.length) {
    errors.push(createValidationError("AUTH.VLD-00011", ERROR_PATHS.clientId));
  }
  for (const clientId of body.clientId) {
    const owner = context.state.findClientOwner(clientId);
    if (owner && owner.internalId !== stored.internalId) {
      errors.push(createValidationError("AUTH.VLD-00004", ERROR_PATHS.clientId));
    }
  }
  if (errors.length > 0) return done(replyValidationProblem(errors));
  const columns = toColumns(body, stored.vendorOrgNumber);
  const violation = findStorageViolation(columns);
  if (violation) return done(replyUnhandledError(`Npgsql.PostgresException (0x80004005): ${violation}`));
  context.state.update(id, columns, authorOf(caller, context), toChangedData(body));
  return done(replyJson(200, { succeeded: true }), true);
}
function replaceSubResource(context, request, caller, id, resource) {
  const bound = resource.bind(request.body);
  if (!bound.ok) return done(replyAspNetValidationProblem(bound.errors));
  const stored = context.state.find(id);
  if (!stored) throw new TypeError(NULL_REFERENCE);
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  if (stored.isDeleted) return done(replyText(400, "Cannot update a system marked as deleted."));
  const errors = resource.validate(bound.value, stored);
  if (errors.length > 0) return done(replyValidationProblem(errors));
  resource.store(bound.value, authorOf(caller, context));
  return done(replyJson(200, { succeeded: true }), true);
}
function updateRights(id) {
  return (context, request, caller) => replaceSubResource(context, request, caller, id, {
    bind: bindRightList,
    validate: (rights) => validateRights(rights, context.catalogue),
    store: (rights, author) => context.state.replaceRights(id, rights, author, toJsonbOrder(toChangedRights(rights)))
  });
}
function updateAccessPackages(id) {
  return (context, request, caller) => replaceSubResource(context, request, caller, id, {
    bind: bindAccessPackageList,
    validate: (packages, stored) => validateAccessPackages(packages, stored.isVisible, context.catalogue),
    store: (packages, author) => context.state.replaceAccessPackages(id, packages, author, toJsonbOrder(toChangedPackages(packages)))
  });
}
function deleteSystem(context, caller, id) {
  const stored = context.state.find(id);
  if (!stored) return done(replyAspNetValidationProblem({ return: ["System not found"] }));
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  const result = context.state.softDelete(id, authorOf(caller, context));
  const succeeded = result.systemRowsChanged > 0 && result.clientRowsDeleted > 0;
  return done(succeeded ? replyJson(200, { succeeded: true }) : replyEmpty(400), true);
}
function getChangelog(context, caller, id) {
  const stored = context.state.find(id);
  if (!stored) return done(replyText(404, `System with ID ${id} not found.`));
  if (!hasWriteAccess(caller, stored.vendorOrgNumber)) return done(replyEmpty(403));
  return done(replyJson(200, context.state.changelogOf(stored.internalId).map(renderChangeLogEntry)));
}

// src/emulator/register-service.ts
function handleRegisterRequest(context, request) {
  const route = matchRoute(request.method, request.segments);
  if (route.kind === "notFound") return done(replyEmpty(404));
  if (route.kind === "methodNotAllowed") return done(replyEmpty(405, { allow: route.allow.join(", ") }));
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
function matchRoute(method, segments) {
  const table = findRouteTable(segments);
  if (!table) return { kind: "notFound" };
  const handle = table.handlers[method];
  if (!handle) return { kind: "methodNotAllowed", allow: Object.keys(table.handlers) };
  return { kind: "found", portal: table.portal, handle };
}
function findRouteTable(segments) {
  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return void 0;
  if (first === void 0) return { portal: true, handlers: { GET: listVisibleSystems } };
  if (first === "vendor") {
    if (second === void 0)
      return { portal: false, handlers: { GET: listVendorSystems, POST: createSystem } };
    const id2 = second;
    if (third === void 0) {
      return {
        portal: false,
        handlers: {
          GET: (c, r, caller) => getSystem(c, caller, id2),
          PUT: (c, r, caller) => updateSystem(c, r, caller, id2),
          DELETE: (c, r, caller) => deleteSystem(c, caller, id2)
        }
      };
    }
    if (third === "rights") return { portal: false, handlers: { PUT: updateRights(id2) } };
    if (third === "accesspackages") {
      return { portal: false, handlers: { PUT: updateAccessPackages(id2) } };
    }
    if (third === "changelog")
      return { portal: false, handlers: { GET: (c, r, caller) => getChangelog(c, caller, id2) } };
    return void 0;
  }
  const id = first;
  if (second === void 0 && third === void 0)
    return { portal: true, handlers: { GET: (c) => getPortalSystem(c, id) } };
  if (third !== void 0) return void 0;
  if (second === "rights") return { portal: true, handlers: { GET: (c, r) => getPortalRights(c, r, id) } };
  if (second === "accesspackages")
    return { portal: true, handlers: { GET: (c) => getPortalAccessPackages(c, id) } };
  return void 0;
}

// src/emulator/system-users.ts
var encodeToken = (sequenceNo) => Buffer.from(`seq:${sequenceNo}`).toString("base64url");
function decodeToken(token) {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : void 0;
}
function vendorOrgOf(caller) {
  const consumer = caller.consumer;
  if (typeof consumer !== "object" || consumer === null || typeof consumer.ID !== "string") return void 0;
  const [prefix, org] = consumer.ID.split(":");
  return prefix === "0192" && org ? org : void 0;
}
function toExternal(user, vendorOrgNumber) {
  return {
    id: user.id,
    integrationTitle: user.integrationTitle,
    systemId: user.systemId,
    productName: user.systemId,
    reporteeOrgNo: user.reporteeOrgNo,
    created: new Date(user.created).toISOString(),
    isDeleted: false,
    supplierName: "",
    supplierOrgno: vendorOrgNumber,
    externalRef: user.externalRef,
    userType: user.userType
  };
}
function readQuery2(query, name) {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return void 0;
}
function handleSystemUsersRequest(context, request) {
  if (request.method !== "GET") return replyEmpty(405, { allow: "GET" });
  const { caller } = request;
  if (!caller) return replyEmpty(401);
  if (!caller.scope.split(" ").some((s) => s === SCOPE_WRITE || s === SCOPE_ADMIN)) return replyEmpty(403);
  const vendorOrgNumber = vendorOrgOf(caller);
  if (vendorOrgNumber === void 0) return replyEmpty(401);
  const system = context.state.find(request.systemId);
  if (!system || system.vendorOrgNumber !== vendorOrgNumber) {
    return replyJson(
      404,
      {
        type: "urn:altinn:error:AUTH-00011",
        title: "The Id does not refer to a Registered System.",
        status: 404,
        code: "AUTH-00011"
      },
      { "content-type": "application/problem+json; charset=utf-8" }
    );
  }
  const token = readQuery2(request.query, "token");
  const from = token === void 0 ? 0 : decodeToken(token);
  if (from === void 0)
    return replyJson(400, { title: "The continuation token is not valid.", status: 400 });
  const page = context.state.listSystemUsers(request.systemId, from, context.pageSize);
  const last = page.at(-1);
  const next = page.length === context.pageSize && last ? `${context.baseUrl}${SYSTEM_USERS_BY_SYSTEM_PATH}/${encodeURIComponent(request.systemId)}?token=${encodeToken(last.sequenceNo + 1)}` : null;
  return replyJson(200, { links: { next }, data: page.map((user) => toExternal(user, vendorOrgNumber)) });
}

// src/emulator/index.ts
var MAX_BODY_BYTES = 1024 * 1024;
var MAX_LOGGED_REQUESTS = 5e4;
var BodyTooLarge = class extends Error {
};
async function readBody(request) {
  if (request.headers["content-length"] === void 0 && request.headers["transfer-encoding"] === void 0)
    return "";
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function splitSegments(path) {
  return path.split("/").filter((s) => s !== "").map(decodeURIComponent);
}
function hasValidEscapes(path) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
function isClientGone(request, error) {
  return request.readableAborted || error.code === "ECONNRESET";
}
function writeReply(response, reply) {
  const body = Buffer.from(reply.body, "utf8");
  response.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  response.end(body);
}
function callerOf(claims) {
  let consumer = claims.consumer;
  if (typeof consumer === "string") {
    try {
      consumer = JSON.parse(consumer);
    } catch {
    }
  }
  return {
    scope: typeof claims.scope === "string" ? claims.scope : "",
    consumer,
    clientId: typeof claims.client_id === "string" ? claims.client_id : ""
  };
}
async function startEmulator(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? Date.now;
  const initialCatalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const dataFile = options.dataFile;
  const stored = dataFile ? readEmulatorData(dataFile) : void 0;
  const catalogue = new CatalogueStore(initialCatalogue);
  if (stored) {
    catalogue.addResources(stored.catalogue.resources);
    catalogue.addAccessPackages(stored.catalogue.accessPackages);
  }
  const state = stored ? RegisterState.fromSnapshot(stored.register) : new RegisterState();
  const faults = new FaultInjector();
  const requests = [];
  const server = createServer();
  server.keepAliveTimeout = 5e3;
  let ready = () => {
  };
  const tokensReady = new Promise((resolve) => ready = resolve);
  const hanging = /* @__PURE__ */ new Set();
  const logRequest = (entry) => {
    if (requests.length >= MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS + 1);
    requests.push(entry);
  };
  const persist = (tokens2) => {
    if (!dataFile) return;
    const data = {
      format: EMULATOR_DATA_FORMAT,
      register: state.toSnapshot(),
      clients: tokens2.listClients(),
      catalogue: catalogue.toCatalogue()
    };
    writeEmulatorData(dataFile, data);
  };
  let baseUrl = "";
  async function execute(tokens2, request, path, query, body) {
    const method = request.method ?? "GET";
    if (path === SYSTEM_REGISTER_PATH || path.startsWith(`${SYSTEM_REGISTER_PATH}/`)) {
      const verified = await tokens2.verifyBearer(request.headers.authorization);
      return handleRegisterRequest(
        { state, catalogue, now, newInternalId: randomUUID3 },
        {
          method,
          segments: splitSegments(path.slice(SYSTEM_REGISTER_PATH.length)),
          query,
          body,
          caller: verified ? callerOf(verified.claims) : null
        }
      );
    }
    const get = method === "GET";
    const answer = (reply) => ({ reply, committed: false });
    if (path.startsWith(`${SYSTEM_USERS_BY_SYSTEM_PATH}/`)) {
      const segments = splitSegments(path.slice(SYSTEM_USERS_BY_SYSTEM_PATH.length));
      if (segments.length !== 1) return answer(replyEmpty(404));
      const verified = await tokens2.verifyBearer(request.headers.authorization);
      return answer(
        handleSystemUsersRequest(
          { state, baseUrl, pageSize: options.systemUserPageSize ?? 100 },
          {
            method,
            systemId: segments[0] ?? "",
            query,
            caller: verified ? callerOf(verified.claims) : null
          }
        )
      );
    }
    switch (path.replace(/\/+$/, "")) {
      case ACCESS_PACKAGE_EXPORT_PATH:
        return answer(get ? catalogue.exportAccessPackages() : replyEmpty(405, { allow: "GET" }));
      case "/maskinporten/token":
        if (method !== "POST") return answer(replyEmpty(405, { allow: "POST" }));
        return answer(await tokens2.issueToken(request.headers["content-type"] ?? "", body));
      case "/maskinporten/.well-known/oauth-authorization-server":
        return answer(get ? replyJson(200, tokens2.maskinportenMetadata(baseUrl)) : replyEmpty(405));
      case "/maskinporten/jwk":
        return answer(get ? replyJson(200, tokens2.maskinportenJwks()) : replyEmpty(405));
      case "/authentication/api/v1/openid/.well-known/openid-configuration":
        return answer(get ? replyJson(200, tokens2.altinnMetadata(baseUrl)) : replyEmpty(405));
      case "/authentication/api/v1/openid/jwks":
        return answer(get ? replyJson(200, tokens2.altinnJwks()) : replyEmpty(405));
      case "/authentication/api/v1/exchange/maskinporten":
        return answer(get ? await tokens2.exchangeMaskinportenToken(request.headers) : replyEmpty(405));
    }
    const resource = /^\/resourceregistry\/api\/v1\/resource\/([^/]+)\/?$/.exec(path);
    if (resource && get) {
      const record = catalogue.findResource(decodeURIComponent(resource[1] ?? ""));
      return answer(record ? replyJson(200, { ...record }) : replyEmpty(404));
    }
    const accessPackage = /^\/accessmanagement\/api\/v1\/meta\/info\/accesspackages\/package\/urn\/([^/]+)\/?$/.exec(path);
    if (accessPackage && get) {
      const record = catalogue.findAccessPackage(decodeURIComponent(accessPackage[1] ?? ""));
      return answer(
        record ? replyJson(200, { ...record, id: randomUUID3(), name: record.urn.split(":").at(-1) }) : replyEmpty(404)
      );
    }
    return answer(replyEmpty(404));
  }
  async function serve(request, response) {
    const target = request.url ?? "/";
    const queryAt = target.indexOf("?");
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? "" : target.slice(queryAt + 1));
    const method = request.method ?? "GET";
    if (!hasValidEscapes(path)) {
      writeReply(response, replyBadRequest("The request path holds a malformed percent-escape."));
      request.resume();
      return;
    }
    const logPath = target;
    const isControl = path === "/_emulator" || path.startsWith("/_emulator/");
    const faulty = !isControl && faults.covers(path);
    const fault = faulty ? faults.draw() : null;
    const latencyMs = faulty ? faults.settings.latencyMs : 0;
    const tokens2 = await tokensReady;
    let body;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        writeReply(response, replyText(413, "Request body too large"));
        request.resume();
        return;
      }
      throw error;
    }
    const time = () => new Date(now()).toISOString();
    const systemId = isControl ? null : findRequestSystemId(method, path, body);
    if (isControl) {
      const outcome2 = await handleControlRequest(
        {
          state,
          catalogue,
          tokens: tokens2,
          faults,
          requests,
          now,
          reset: () => {
            state.clear();
            tokens2.clearClients();
            catalogue.reset(initialCatalogue);
            faults.configure({
              ...faults.settings,
              pathPrefix: "",
              latencyMs: 0,
              errorRate: 0,
              rateLimitRate: 0,
              resetRate: 0,
              timeoutRate: 0
            });
            requests.length = 0;
          }
        },
        method,
        splitSegments(path).slice(1),
        body
      );
      if (outcome2.committed) persist(tokens2);
      writeReply(response, outcome2.reply);
      return;
    }
    if (fault === "timeout") {
      logRequest({ method, path: logPath, status: 0, codes: [], time: time(), fault, systemId });
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    if (fault === "error" || fault === "rateLimit") {
      const reply = fault === "error" ? replyText(503, "Service Unavailable") : {
        ...replyText(429, "Too Many Requests"),
        headers: {
          "content-type": "text/plain; charset=utf-8",
          "retry-after": String(faults.settings.retryAfterSeconds)
        }
      };
      if (latencyMs > 0) await sleep(latencyMs);
      logRequest({ method, path: logPath, status: reply.status, codes: [], time: time(), fault, systemId });
      writeReply(response, reply);
      return;
    }
    const outcome = await execute(tokens2, request, path, query, body);
    if (outcome.committed) persist(tokens2);
    if (latencyMs > 0) await sleep(latencyMs);
    const entry = {
      method,
      path: logPath,
      status: outcome.reply.status,
      codes: findValidationCodes(outcome.reply),
      time: time(),
      systemId
    };
    if (fault === "reset") {
      logRequest({ ...entry, fault });
      request.socket.destroy();
      return;
    }
    logRequest(entry);
    writeReply(response, outcome.reply);
  }
  server.on("request", (request, response) => {
    serve(request, response).catch((error) => {
      if (isClientGone(request, error)) return;
      process.stderr.write(`sysreg emulator: internal error: ${error.message}
`);
      if (!response.headersSent) writeReply(response, replyText(500, "Internal emulator error"));
      else response.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${urlHost}:${address.port}`;
  const tokens = await TokenService.create({
    baseUrl,
    now,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 120
  });
  for (const client of stored?.clients ?? []) await tokens.registerClient(client);
  if (dataFile && !stored) {
    try {
      persist(tokens);
    } catch (error) {
      await new Promise((resolve) => server.close(() => resolve()));
      throw new EmulatorDataError(`${dataFile}: cannot write: ${error.message}`);
    }
  }
  ready(tokens);
  let closing;
  return {
    url: baseUrl,
    close() {
      closing ??= new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    }
  };
}
export {
  EmulatorDataError,
  startEmulator
};
