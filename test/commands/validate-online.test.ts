/**
 * `sysreg validate --env NAME` against the local Altinn over HTTP: resources and access packages are
 * looked up in that environment, and the same rules report what it lacks, at the offline positions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, type Catalogue } from '../../src/catalogue/default-catalogue.ts';
import { restrictToEnvironment } from '../../src/commands/validate-online.ts';
import { discoverSystemFiles } from '../../src/systems/discover.ts';
import { loadSystemFiles } from '../../src/systems/load.ts';
import { validateSystems } from '../../src/systems/validate.ts';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';
import {
  readRequestLog,
  registerTestClient,
  startLocalAltinn,
  type LocalAltinn,
  type TestClient,
} from '../support/local-altinn.ts';
import { renderLocalEnvironmentsConfig, runCliInProcess } from '../support/run-cli-in-process.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let altinn: LocalAltinn;
let client: TestClient;
let repo: ScratchRepo;

/** Resources and packages that only the test environment knows, added through the control API. */
const EXTRA_RESOURCES = [
  { identifier: 'fjordsoft-fakturamottak', resourceType: 'GenericAccessResource' },
  { identifier: 'fjordsoft-skjema', resourceType: 'MaskinportenSchema' },
];
const EXTRA_PACKAGES = [
  { urn: 'urn:altinn:accesspackage:fjordsoft-spesial', isDelegable: true, isAssignable: true },
  { urn: 'urn:altinn:accesspackage:fjordsoft-laast', isDelegable: false, isAssignable: false },
];

function withRight(name: string, resource: string, accessPackage: string): string {
  return renderValidSystem(name)
    .replace('value: ske-krav-og-betalinger', `value: ${resource}`)
    .replace('urn:altinn:accesspackage:skattegrunnlag', accessPackage);
}

async function postControl(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${altinn.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  altinnCode?: string;
  environment?: string;
  message: string;
}

async function validateOnline(environment: string, env: Record<string, string> = client.env) {
  const result = await runCliInProcess(['validate', '--env', environment, '--format', 'json'], {
    cwd: repo.root,
    env,
  });
  expect(scanForSecrets(result.stdout + result.stderr)).toEqual([]);
  const report = result.stdout
    ? (JSON.parse(result.stdout) as { valid: boolean; diagnostics: JsonDiagnostic[] })
    : undefined;
  return { ...result, report };
}

beforeAll(async () => {
  altinn = await startLocalAltinn();
  client = await registerTestClient(altinn.url, { orgNumber: '314159268' });
  repo = await createScratchRepo();
  // Known offline and in the environment.
  await repo.write('systems/314159268_kjent.yaml', renderValidSystem('kjent'));
  // Each of these names something the environment lacks until the control API adds it.
  await repo.write(
    'systems/314159268_faktura.yaml',
    withRight('faktura', 'fjordsoft-fakturamottak', 'urn:altinn:accesspackage:fjordsoft-spesial'),
  );
  await repo.write(
    'systems/314159268_skjema.yaml',
    withRight('skjema', 'fjordsoft-skjema', 'urn:altinn:accesspackage:fjordsoft-laast'),
  );
  // A resource that only tt02's override names: checked in tt02, not in local.
  await repo.write(
    'systems/314159268_overstyrt.yaml',
    `${renderValidSystem('overstyrt')}environments:\n  tt02:\n    rights:\n      - resource:\n          - id: urn:altinn:resource\n            value: finnes-bare-i-prod\n`,
  );
  await repo.write('sysreg.config.yaml', renderLocalEnvironmentsConfig(altinn.url, ['tt02']));
});

afterAll(async () => {
  await repo.remove();
  await altinn.close();
});

describe('sysreg validate --env', () => {
  it('reports resources and packages the environment lacks (00003, 00008), at the offline positions', async () => {
    const { code, report } = await validateOnline('local');
    expect(code).toBe(1);
    const found = report!.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.altinnCode]);
    expect(found).toEqual([
      ['systems/314159268_faktura.yaml', 15, 'resource-known', 'AUTH.VLD-00003'],
      ['systems/314159268_faktura.yaml', 17, 'access-package-known', 'AUTH.VLD-00008'],
      ['systems/314159268_skjema.yaml', 15, 'resource-known', 'AUTH.VLD-00003'],
      ['systems/314159268_skjema.yaml', 17, 'access-package-known', 'AUTH.VLD-00008'],
    ]);
    expect(report!.diagnostics[0]!.message).toContain(
      '`fjordsoft-fakturamottak` is not in the Resource Registry',
    );
  });

  it('after the environment gains them: not delegable (00017, 00008) for the locked ones only', async () => {
    await postControl('/_emulator/resources', EXTRA_RESOURCES);
    await postControl('/_emulator/accesspackages', EXTRA_PACKAGES);
    const { code, report } = await validateOnline('local');
    expect(code).toBe(1);
    expect(report!.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.altinnCode])).toEqual([
      ['systems/314159268_skjema.yaml', 15, 16, 'resource-type-delegable', 'AUTH.VLD-00017'],
      ['systems/314159268_skjema.yaml', 17, 10, 'access-package-delegable', 'AUTH.VLD-00008'],
      // The environment's record also says it cannot be assigned, so a visible system may not have it.
      ['systems/314159268_skjema.yaml', 17, 10, 'access-package-visible-not-assignable', 'AUTH.VLD-00018'],
    ]);
  });

  it('gives exactly what the offline rules give with the environment’s catalogue', async () => {
    const { report } = await validateOnline('local');
    const files = await loadSystemFiles(discoverSystemFiles(repo.root, []).files);
    expect(files).toHaveLength(4);
    const catalogue: Catalogue = {
      resources: [...DEFAULT_CATALOGUE.resources, ...EXTRA_RESOURCES],
      accessPackages: [...DEFAULT_CATALOGUE.accessPackages, ...EXTRA_PACKAGES],
    };
    const offline = validateSystems(
      files.map((file) => restrictToEnvironment(file, 'local')),
      { catalogue, checkResources: true },
    );
    expect(offline).toHaveLength(3);
    expect(report!.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual(
      offline.map((d) => [d.file, d.line, d.column, d.ruleId, d.message]),
    );
  });

  it('checks an environment’s overrides in that environment only, at the override’s position', async () => {
    const { report } = await validateOnline('tt02');
    const override = report!.diagnostics.filter((d) => d.file === 'systems/314159268_overstyrt.yaml');
    expect(override).toEqual([
      expect.objectContaining({
        line: 28,
        ruleId: 'resource-known',
        altinnCode: 'AUTH.VLD-00003',
        environment: 'tt02',
      }),
    ]);
  });

  it('makes no token request: the catalogue look-ups are public', async () => {
    await fetch(`${altinn.url}/_emulator/requests`, { method: 'DELETE' });
    await validateOnline('local');
    const log = await readRequestLog(altinn.url);
    expect(log.filter((entry) => entry.path.includes('/maskinporten/token'))).toEqual([]);
    expect(log.some((entry) => entry.path.includes('/resourceregistry/api/v1/resource/'))).toBe(true);
  });

  it('without --env stays offline: unknown resources are not checked, unknown packages are', async () => {
    const result = await runCliInProcess(['validate', '--format', 'json'], { cwd: repo.root, env: {} });
    const report = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['access-package-known', 'access-package-known']);
  });

  it('names each missing credential, exit 1, no stack trace', async () => {
    const result = await runCliInProcess(['validate', '--env', 'local'], {
      cwd: repo.root,
      env: { SYSREG_ALTINN_URL: altinn.url },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MASKINPORTEN_CLIENT_ID');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
