/**
 * The apply fault soak (issue 6): N systems applied from empty while the local Altinn injects 503s,
 * 429s with Retry-After, connection resets (after the write ran) and hangs. `sysreg apply` runs up to
 * `maxRuns` times, each in-process and timed; between runs the faults are paused to check whether the
 * plan is empty and Altinn equals git. Afterwards the request log says, by `systemId`, whether any
 * create was sent for an id that already existed. Used by test/apply/soak.test.ts (small) and
 * scripts/soak-apply.ts (200 systems, `npm run test:reliability`).
 */
import { main } from '../../src/cli.ts';
import type { LiveSystem } from '../../src/model/wire.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import {
  buildSystemSpec,
  holdsSpec,
  REGISTER_VENDOR_PATH,
  renderSystemYaml,
} from '../apply/apply-fixtures.ts';
import type { FaultSettings, LoggedRequest } from './local-altinn.ts';
import {
  listStoredSystems,
  readRequestLog,
  registerTestClient,
  setFaults,
  startLocalAltinn,
} from './local-altinn.ts';
import { findCreatesOfExistingIds } from './creates-of-existing-ids.ts';
import { createScratchRepo } from './scratch-repo.ts';

export interface SoakOptions {
  systems: number;
  faults: FaultSettings;
  /** Per-attempt timeout given to apply (`--request-timeout`), in seconds: what a hang costs. */
  requestTimeoutSeconds: number;
  maxRuns: number;
  concurrency?: number;
}

export interface SoakRun {
  exitCode: number;
  durationMs: number;
  applied: number;
  failed: number;
  /** After this run, with faults paused: is the plan empty and does Altinn hold every spec? */
  converged: boolean;
  /** The run's error, when it stopped before reporting (stderr's last line). */
  error?: string;
}

export interface SoakResult {
  runs: SoakRun[];
  converged: boolean;
  /** POSTs that created a system (answered 200, or run and then cut off by a reset). */
  createsThatLanded: number;
  /** POSTs answered AUTH.VLD-00002 or 409: a create for an id that already existed. */
  duplicateCreates: LoggedRequest[];
  /** POSTs whose `systemId` already existed live when sent (findCreatesOfExistingIds), whatever the answer. */
  createsOfExistingIds: LoggedRequest[];
  /** The distinct `systemId`s of the POSTs that created a system, sorted. */
  createdIds: string[];
  /** The ids of the systems the soak applies, sorted. */
  specIds: string[];
  /** Any answer carrying AUTH.VLD-00002. */
  burnedIdAnswers: number;
  /** How many requests met each injected fault. */
  faultsMet: Record<string, number>;
  /** Requests to the Maskinporten token endpoint, and how many of them met a fault. */
  tokenRequests: { total: number; faulted: number };
  storedSystems: number;
  /** Secret material found in any run's stdout or stderr (a JWT, the private key, a bearer header). */
  leakedSecrets: string[];
}

export async function runApplySoak(options: SoakOptions): Promise<SoakResult> {
  const altinn = await startLocalAltinn();
  const repo = await createScratchRepo();
  try {
    const client = await registerTestClient(altinn.url, { orgNumber: '314159268' });
    const specs: SystemSpec[] = Array.from({ length: options.systems }, (_, index) =>
      buildSystemSpec(`soak${String(index).padStart(4, '0')}`, {
        clientId: [`soak-client-${index}`],
        isVisible: index % 3 !== 0,
      }),
    );
    for (const spec of specs) await repo.write(`systems/${spec.id}.yaml`, renderSystemYaml(spec));
    const runs: SoakRun[] = [];
    let output = '';
    for (let run = 1; run <= options.maxRuns; run += 1) {
      await setFaults(altinn.url, { ...options.faults, seed: (options.faults.seed ?? 1) + run * 1000 });
      let stdout = '';
      let stderr = '';
      const started = Date.now();
      const exitCode = await main({
        argv: [
          'apply',
          '--env',
          'local',
          '--format',
          'json',
          '--yes',
          '--request-timeout',
          String(options.requestTimeoutSeconds),
          ...(options.concurrency ? ['--concurrency', String(options.concurrency)] : []),
        ],
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env: { ...client.env },
        cwd: repo.root,
      });
      const durationMs = Date.now() - started;
      output += stdout + stderr;
      await setFaults(altinn.url, {});
      const counts = readCounts(stdout);
      const converged = await checkConverged(altinn.url, specs, client.env, repo.root);
      const error = stdout === '' ? stderr.trim().split('\n').at(-1) : undefined;
      runs.push({ exitCode, durationMs, ...counts, converged, ...(error ? { error } : {}) });
      if (converged) break;
    }
    const log = await readRequestLog(altinn.url);
    const posts = log.filter(
      (entry) => entry.method === 'POST' && entry.path.replace(/\/$/, '') === REGISTER_VENDOR_PATH,
    );
    const tokenLog = log.filter((entry) => entry.path === '/maskinporten/token');
    const faultsMet: Record<string, number> = {};
    for (const entry of log) {
      if (typeof entry.fault === 'string') faultsMet[entry.fault] = (faultsMet[entry.fault] ?? 0) + 1;
    }
    return {
      runs,
      converged: runs.at(-1)?.converged ?? false,
      createsThatLanded: posts.filter((entry) => entry.status === 200).length,
      createsOfExistingIds: findCreatesOfExistingIds(log),
      createdIds: [
        ...new Set(
          posts.filter((entry) => entry.status === 200).map((entry) => entry.systemId ?? '(no systemId)'),
        ),
      ].sort(),
      specIds: specs.map((spec) => spec.id).sort(),
      duplicateCreates: posts.filter(
        (entry) => entry.status === 409 || (entry.codes ?? []).includes('AUTH.VLD-00002'),
      ),
      burnedIdAnswers: log.filter((entry) => (entry.codes ?? []).includes('AUTH.VLD-00002')).length,
      faultsMet,
      tokenRequests: {
        total: tokenLog.length,
        faulted: tokenLog.filter((entry) => typeof entry.fault === 'string').length,
      },
      storedSystems: (await listStoredSystems(altinn.url)).length,
      leakedSecrets: findSecrets(output, client.privateKeyPem),
    };
  } finally {
    await altinn.close();
    await repo.remove();
  }
}

function readCounts(stdout: string): { applied: number; failed: number } {
  try {
    const run = JSON.parse(stdout) as { report?: { counts?: { applied: number; failed: number } } | null };
    return { applied: run.report?.counts?.applied ?? 0, failed: run.report?.counts?.failed ?? 0 };
  } catch {
    // The run ended before it could report (a token failure, say): nothing is known to be applied.
    return { applied: 0, failed: 0 };
  }
}

/** Faults off: the plan is empty, and Altinn holds exactly the specs (nothing more, nothing less). */
async function checkConverged(
  url: string,
  specs: readonly SystemSpec[],
  env: Record<string, string>,
  root: string,
): Promise<boolean> {
  const stored = new Map<string, LiveSystem>(
    (await listStoredSystems(url)).map((system) => [system.id, system]),
  );
  if (stored.size !== specs.length || !specs.every((spec) => holdsSpec(stored.get(spec.id), spec)))
    return false;
  const sink = { write: () => true };
  const code = await main({
    argv: ['plan', '--env', 'local', '--detailed-exitcode'],
    stdout: sink,
    stderr: sink,
    env: { ...env },
    cwd: root,
  });
  return code === 0;
}

function findSecrets(output: string, privateKeyPem: string): string[] {
  const keyLine = privateKeyPem.split('\n')[1] ?? 'no key line';
  const found: string[] = [];
  if (/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(output)) found.push('a JWT');
  if (output.includes('PRIVATE KEY') || output.includes(keyLine)) found.push('the private key');
  if (/bearer\s+\S/i.test(output)) found.push('a bearer header');
  return found;
}
