/**
 * Shared set-up for the apply tests: a local Altinn with a Maskinporten client for the examples'
 * vendor (keys made at run time), a scratch repository whose `systems/` the test writes, and the real
 * CLI run in-process against both.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { LiveSystem, RegisterSystemRequest } from '../../src/model/wire.ts';
import { main } from '../../src/cli.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import type { LocalAltinn, LoggedRequest, TestClient } from '../support/local-altinn.ts';
import { readRequestLog, registerTestClient, startLocalAltinn } from '../support/local-altinn.ts';
import { createScratchRepo } from '../support/scratch-repo.ts';
import type { ScratchRepo } from '../support/scratch-repo.ts';

export const ORG = '314159268';
export const REGISTER_VENDOR_PATH = '/authentication/api/v1/systemregister/vendor';

export interface ApplyBench {
  altinn: LocalAltinn;
  client: TestClient;
  repo: ScratchRepo;
  /** Runs `sysreg <argv>` in the scratch repo against the local Altinn. */
  sysreg(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  writeSystem(spec: SystemSpec): Promise<void>;
  writeConfig(text: string): Promise<void>;
  /** Register writes (POST/PUT/DELETE) in the request log since the last `clearLog`. */
  writes(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export async function startApplyBench(): Promise<ApplyBench> {
  const altinn = await startLocalAltinn();
  const client = await registerTestClient(altinn.url, { orgNumber: ORG });
  const repo = await createScratchRepo();
  return {
    altinn,
    client,
    repo,
    async sysreg(...argv) {
      let stdout = '';
      let stderr = '';
      const code = await main({
        argv,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        // As on the merge to main: a CI job, where apply does not ask before writing.
        env: { ...client.env, NO_COLOR: '1', CI: 'true' },
        cwd: repo.root,
      });
      return { code, stdout, stderr };
    },
    async writeSystem(spec) {
      await repo.write(`systems/${spec.id}.yaml`, renderSystemYaml(spec));
    },
    async writeConfig(text) {
      await writeFile(path.join(repo.root, 'sysreg.config.yaml'), text);
    },
    async writes() {
      return (await readRequestLog(altinn.url)).filter(
        (entry) => entry.method !== 'GET' && entry.path.startsWith(REGISTER_VENDOR_PATH),
      );
    },
    async close() {
      await altinn.close();
      await repo.remove();
    },
  };
}

/** A valid system of the examples' vendor, with overrides. */
export function buildSystemSpec(name: string, overrides: Partial<SystemSpec> = {}): SystemSpec {
  return {
    id: `${ORG}_${name}`,
    vendor: { ID: `0192:${ORG}` },
    name: { nb: `${name} nb`, nn: `${name} nn`, en: `${name} en` },
    description: { nb: `Om ${name}`, nn: `Om ${name}`, en: `About ${name}` },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] }],
    accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
    clientId: [`${name}-client`],
    allowedRedirectUrls: [`https://${name}.example/callback`],
    isVisible: true,
    isDeleted: false,
    ...overrides,
  };
}

/** The YAML a vendor would write for `spec` (a tombstone keeps `isDeleted: true`). */
export function renderSystemYaml(spec: SystemSpec): string {
  const { isDeleted, ...rest } = spec;
  return stringify(isDeleted ? { ...rest, isDeleted } : rest);
}

/** The live system Altinn would hold for `spec`, for seeding. */
export function toLiveSystem(spec: SystemSpec, overrides: Partial<LiveSystem> = {}): LiveSystem {
  return {
    id: spec.id,
    vendor: { ID: spec.vendor.ID },
    name: spec.name,
    description: spec.description,
    rights: spec.rights,
    accessPackages: spec.accessPackages,
    clientId: spec.clientId,
    allowedRedirectUrls: spec.allowedRedirectUrls,
    isVisible: spec.isVisible,
    isDeleted: false,
    ...overrides,
  };
}

/** Does the stored system hold exactly what `spec` asks (URLs compared as Altinn normalises them)? */
export function holdsSpec(live: LiveSystem | undefined, spec: SystemSpec): boolean {
  if (!live || live.isDeleted) return false;
  const request: RegisterSystemRequest = {
    id: spec.id,
    vendor: spec.vendor,
    name: spec.name,
    description: spec.description,
    rights: spec.rights,
    accessPackages: spec.accessPackages,
    clientId: spec.clientId,
    allowedRedirectUrls: spec.allowedRedirectUrls,
    isVisible: spec.isVisible,
  };
  return stringifyForCompare(request, live);
}

function stringifyForCompare(request: RegisterSystemRequest, live: LiveSystem): boolean {
  const sortedMap = (map: Record<string, string>) => JSON.stringify(Object.entries(map).sort());
  return (
    sortedMap(request.name) === sortedMap(live.name) &&
    sortedMap(request.description) === sortedMap(live.description) &&
    JSON.stringify(request.rights) === JSON.stringify(live.rights ?? []) &&
    JSON.stringify(request.accessPackages) === JSON.stringify(live.accessPackages ?? []) &&
    JSON.stringify([...request.clientId].sort()) === JSON.stringify([...live.clientId].sort()) &&
    JSON.stringify(request.allowedRedirectUrls.map((url) => new URL(url).href)) ===
      JSON.stringify(live.allowedRedirectUrls) &&
    request.isVisible === live.isVisible
  );
}
