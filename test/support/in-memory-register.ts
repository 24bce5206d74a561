/**
 * A vendor's system register held in memory, for tests of `runApply` that need reads and writes but
 * no HTTP: it answers the calls apply and its verification make, keeps deletes as tombstones, and
 * records every write. `storeAs` lets a test make Altinn keep something other than what was sent.
 */
import type { SystemRegisterClient } from '../../src/altinn/register-client.ts';
import type { LiveLookup } from '../../src/model/live-state.ts';
import type { LiveSystem, RegisterSystemRequest, RegisteredSystemDTO } from '../../src/model/wire.ts';
import { VENDOR_ORG } from './system-builders.ts';

export interface RecordedWrite {
  method: 'create' | 'update' | 'delete';
  id: string;
}

export interface InMemoryRegister {
  /** The client to hand to `runApply` (only the methods it calls are real). */
  client: SystemRegisterClient;
  systems: Map<string, LiveSystem>;
  writes: RecordedWrite[];
  /** Reads fail with this error once set (the read after apply, say). */
  failReadsWith?: Error;
}

export function createInMemoryRegister(
  seed: LiveSystem[],
  options: { storeAs?: (request: RegisterSystemRequest) => LiveSystem } = {},
): InMemoryRegister {
  const storeAs = options.storeAs ?? ((request) => ({ ...structuredClone(request), isDeleted: false }));
  const register: InMemoryRegister = {
    client: undefined as unknown as SystemRegisterClient,
    systems: new Map(seed.map((system) => [system.id, structuredClone(system)])),
    writes: [],
  };
  const read = (): void => {
    if (register.failReadsWith) throw register.failReadsWith;
  };
  const client = {
    async getCallerOrgNumber(): Promise<string> {
      return VENDOR_ORG;
    },
    async listVendorSystems(): Promise<RegisteredSystemDTO[]> {
      read();
      return [...register.systems.values()]
        .filter((system) => !system.isDeleted)
        .map((system) => ({
          systemId: system.id,
          systemVendorOrgNumber: VENDOR_ORG,
          systemVendorOrgName: 'Vendor',
          name: system.name,
          description: system.description,
          isVisible: system.isVisible,
        }));
    },
    async getSystem(id: string): Promise<LiveLookup> {
      read();
      const system = register.systems.get(id);
      return system ? { status: 'found', system: structuredClone(system) } : { status: 'absent' };
    },
    async createSystem(body: RegisterSystemRequest) {
      register.writes.push({ method: 'create', id: body.id });
      register.systems.set(body.id, storeAs(body));
      return { internalId: `guid-${body.id}`, confirmedByRead: false };
    },
    async updateSystem(id: string, body: RegisterSystemRequest) {
      register.writes.push({ method: 'update', id });
      register.systems.set(id, storeAs(body));
    },
    async deleteSystem(id: string) {
      register.writes.push({ method: 'delete', id });
      const system = register.systems.get(id);
      if (system) register.systems.set(id, { ...system, isDeleted: true });
    },
  };
  register.client = client as unknown as SystemRegisterClient;
  return register;
}
