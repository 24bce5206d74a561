/**
 * The pure state core of the local Altinn's system register: the rows of `system_register`, the
 * `maskinporten_client` ownership table and `system_change_log` (shared/altinn-system-register.md §2.5).
 * No HTTP, no clock and no randomness of its own: callers pass the time and the new internal id.
 * Operations return results as values; the service layer (register-service.ts) decides statuses.
 */
import { copyRight, type AccessPackage, type LanguageMap, type Right } from '../model/system.ts';
import type { LiveSystem, RegisteredSystemDTO, SystemChangeLogEntry } from '../model/wire.ts';

/** What a request sets and a row stores alike. `rights`/`accessPackages`: null when sent as `null`. */
export interface SystemContent {
  name: LanguageMap;
  description: LanguageMap;
  rights: Right[] | null;
  accessPackages: AccessPackage[] | null;
  clientId: string[];
  allowedRedirectUrls: string[];
  isVisible: boolean;
}

/** One row of `system_register`; a null list is stored as DB NULL. */
export interface StoredSystem extends SystemContent {
  internalId: string;
  id: string;
  /** Org number without `0192:`. */
  vendorOrgNumber: string;
  isDeleted: boolean;
}

/** The writable columns, as the UPDATE/INSERT statements set them. */
export type SystemColumns = Omit<StoredSystem, 'internalId' | 'isDeleted'>;

export type ChangeType = SystemChangeLogEntry['changeType'];

export interface ChangeLogRecord {
  systemInternalId: string;
  changedByOrgNumber: string;
  changeType: ChangeType;
  changedData: unknown;
  clientId: string;
  /** ms since epoch. */
  created: number;
}

/** Who is writing, and when: what the changelog records. */
export interface ChangeAuthor {
  orgNumber: string;
  clientId: string;
  time: number;
}

/** One row of `system_user_profile` (§8.3), seeded through the control API. */
export interface StoredSystemUser {
  id: string;
  /** The register's `system_id` the user was created for. */
  systemId: string;
  integrationTitle: string;
  reporteeOrgNo: string;
  externalRef: string;
  userType: string;
  /** ms since epoch. */
  created: number;
  /** `sequence_no`: the order pages are read in, and what a continuation token points at. */
  sequenceNo: number;
}

/** Everything the register keeps, as plain JSON (what `--data` writes). */
export interface RegisterSnapshot {
  systems: StoredSystem[];
  changelog: ChangeLogRecord[];
  /** Absent in data files written before system users were modelled. */
  systemUsers?: StoredSystemUser[];
}

export type StoredCreateResult = { ok: true; internalId: string } | { ok: false; reason: 'duplicateKey' };
export type DeleteResult = { systemRowsChanged: number; clientRowsDeleted: number };
export type SeedResult =
  { ok: true } | { ok: false; reason: 'clientIdTaken'; clientId: string; systemId: string };

export class RegisterState {
  /** system_id → row; insertion order is the DB's natural order for lists. */
  private readonly systems = new Map<string, StoredSystem>();
  /** maskinporten_client: client_id → system_internal_id (only non-deleted systems hold rows). */
  private readonly clientOwners = new Map<string, string>();
  private readonly byInternalId = new Map<string, StoredSystem>();
  private changelog: ChangeLogRecord[] = [];
  private systemUsers: StoredSystemUser[] = [];

  static fromSnapshot(snapshot: RegisterSnapshot): RegisterState {
    const state = new RegisterState();
    for (const system of snapshot.systems) state.put(structuredClone(system));
    state.changelog = structuredClone(snapshot.changelog);
    state.systemUsers = structuredClone(snapshot.systemUsers ?? []);
    return state;
  }

  toSnapshot(): RegisterSnapshot {
    return { systems: [...this.systems.values()], changelog: this.changelog, systemUsers: this.systemUsers };
  }

  clear(): void {
    this.systems.clear();
    this.clientOwners.clear();
    this.byInternalId.clear();
    this.changelog = [];
    this.systemUsers = [];
  }

  /** Adds system users, numbering them after the ones already there. */
  addSystemUsers(users: readonly Omit<StoredSystemUser, 'sequenceNo'>[]): void {
    let next = (this.systemUsers.at(-1)?.sequenceNo ?? 0) + 1;
    for (const user of users) this.systemUsers.push({ ...structuredClone(user), sequenceNo: next++ });
  }

  /** Up to `limit` system users of `systemId` from sequence number `from` on, in sequence order. */
  listSystemUsers(systemId: string, from: number, limit: number): StoredSystemUser[] {
    return this.systemUsers.filter((u) => u.systemId === systemId && u.sequenceNo >= from).slice(0, limit);
  }

  find(id: string): StoredSystem | undefined {
    return this.systems.get(id);
  }

  all(): StoredSystem[] {
    return [...this.systems.values()];
  }

  /** The system that holds a client id in `maskinporten_client`, if any (exact, case-sensitive). */
  findClientOwner(clientId: string): StoredSystem | undefined {
    const internalId = this.clientOwners.get(clientId);
    return internalId === undefined ? undefined : this.byInternalId.get(internalId);
  }

  listByVendor(orgNumber: string): StoredSystem[] {
    return this.all().filter((s) => !s.isDeleted && s.vendorOrgNumber === orgNumber);
  }

  listVisible(): StoredSystem[] {
    return this.all().filter((s) => !s.isDeleted && s.isVisible);
  }

  changelogOf(internalId: string): ChangeLogRecord[] {
    return this.changelog.filter((c) => c.systemInternalId === internalId).reverse();
  }

  /**
   * INSERT the row, its client ids and a `create` entry, as one transaction: a duplicate system id or
   * client id (a PK violation, e.g. a client id twice in one body) leaves nothing behind.
   */
  insert(
    columns: SystemColumns,
    internalId: string,
    author: ChangeAuthor,
    changedData: unknown,
  ): StoredCreateResult {
    if (this.systems.has(columns.id)) return { ok: false, reason: 'duplicateKey' };
    // Empty strings are client ids like any other (§9): stored, and held against other systems.
    const clientIds = columns.clientId;
    if (new Set(clientIds).size !== clientIds.length || clientIds.some((c) => this.clientOwners.has(c))) {
      return { ok: false, reason: 'duplicateKey' };
    }
    this.put({ ...structuredClone(columns), internalId, isDeleted: false });
    this.log(internalId, 'create', author, changedData);
    return { ok: true, internalId };
  }

  /** UPDATE every column and sync `maskinporten_client`: released ids become free, new ones are claimed. */
  update(id: string, columns: SystemColumns, author: ChangeAuthor, changedData: unknown): boolean {
    const current = this.systems.get(id);
    if (!current) return false;
    for (const clientId of current.clientId) {
      if (this.clientOwners.get(clientId) === current.internalId) this.clientOwners.delete(clientId);
    }
    const next: StoredSystem = {
      ...structuredClone(columns),
      internalId: current.internalId,
      isDeleted: false,
    };
    this.put(next);
    this.log(current.internalId, 'update', author, changedData);
    return true;
  }

  /** `changedData`: the list as the changelog stores it (the service serialises it, §9). */
  replaceRights(id: string, rights: Right[], author: ChangeAuthor, changedData: unknown): boolean {
    const current = this.systems.get(id);
    if (!current) return false;
    current.rights = structuredClone(rights);
    this.log(current.internalId, 'rightsupdate', author, changedData);
    return true;
  }

  replaceAccessPackages(
    id: string,
    packages: AccessPackage[],
    author: ChangeAuthor,
    changedData: unknown,
  ): boolean {
    const current = this.systems.get(id);
    if (!current) return false;
    current.accessPackages = structuredClone(packages);
    this.log(current.internalId, 'accesspackageupdate', author, changedData);
    return true;
  }

  /** §4.1: set is_deleted, delete the client rows, log `delete`; report row counts as the repository does. */
  softDelete(id: string, author: ChangeAuthor): DeleteResult {
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
    this.log(current.internalId, 'delete', author, null);
    return { systemRowsChanged: 1, clientRowsDeleted };
  }

  /** Control API: store a system as given, bypassing validation but not the client-id primary key. */
  seed(system: StoredSystem): SeedResult {
    const existing = this.systems.get(system.id);
    if (!system.isDeleted) {
      for (const clientId of system.clientId) {
        const owner = this.findClientOwner(clientId);
        if (owner && owner.id !== system.id) {
          return { ok: false, reason: 'clientIdTaken', clientId, systemId: owner.id };
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

  private put(system: StoredSystem): void {
    this.systems.set(system.id, system);
    this.byInternalId.set(system.internalId, system);
    if (!system.isDeleted) {
      for (const clientId of system.clientId) this.clientOwners.set(clientId, system.internalId);
    }
  }

  private log(internalId: string, changeType: ChangeType, author: ChangeAuthor, changedData: unknown): void {
    this.changelog.push({
      systemInternalId: internalId,
      changedByOrgNumber: author.orgNumber,
      changeType,
      changedData,
      clientId: author.clientId,
      created: author.time,
    });
  }
}

/** GET `/vendor/{id}` shape (§2.2): nulls omitted, empty client ids dropped. */
export function renderLiveSystem(system: StoredSystem): LiveSystem {
  const live: LiveSystem = {
    id: system.id,
    vendor: { ID: `0192:${system.vendorOrgNumber}` },
    name: system.name,
    description: system.description,
    isDeleted: system.isDeleted,
    clientId: system.clientId.filter((c) => c !== ''),
    isVisible: system.isVisible,
    allowedRedirectUrls: system.allowedRedirectUrls,
  };
  // Property order as the service serialises the response model.
  const ordered: Record<string, unknown> = {
    id: live.id,
    vendor: live.vendor,
    name: live.name,
    description: live.description,
  };
  if (system.rights !== null) ordered.rights = system.rights.map(copyRight);
  if (system.accessPackages !== null) ordered.accessPackages = system.accessPackages;
  Object.assign(ordered, {
    isDeleted: live.isDeleted,
    clientId: live.clientId,
    isVisible: live.isVisible,
    allowedRedirectUrls: live.allowedRedirectUrls,
  });
  return ordered as unknown as LiveSystem;
}

/** `RegisteredSystemDTO` (§2.3). */
export function renderSystemDTO(system: StoredSystem): RegisteredSystemDTO {
  const dto: Record<string, unknown> = {
    systemId: system.id,
    systemVendorOrgNumber: system.vendorOrgNumber,
    systemVendorOrgName: '',
    name: system.name,
    description: system.description,
  };
  if (system.rights !== null) dto.rights = system.rights.map(copyRight);
  if (system.accessPackages !== null) dto.accessPackages = system.accessPackages;
  dto.isVisible = system.isVisible;
  return dto as unknown as RegisteredSystemDTO;
}

export function renderChangeLogEntry(record: ChangeLogRecord): SystemChangeLogEntry {
  const entry: SystemChangeLogEntry = {
    systemInternalId: record.systemInternalId,
    changedByOrgNumber: record.changedByOrgNumber,
    changeType: record.changeType,
    clientId: record.clientId,
    created: new Date(record.created).toISOString(),
  };
  if (record.changedData !== null && record.changedData !== undefined) entry.changedData = record.changedData;
  return entry;
}
