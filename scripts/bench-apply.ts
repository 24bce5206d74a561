/**
 * Applying: 500 creates, then 500 updates, against the local Altinn with 50 ms of injected latency,
 * at the default concurrency. The writes are timed against the ideal ⌈500 / concurrency⌉ × 50 ms
 * (target ≤ 1.3×); the whole run (read, apply, verifying read) is reported beside it against its own
 * ideal. Peak memory is the process's (the emulator runs in it too). Writes scripts/results/apply.json.
 *
 *   npx node scripts/bench-apply.ts
 */
import { runApply } from '../src/apply/apply-run.ts';
import { connectToAltinn } from '../src/altinn/connect.ts';
import { readLiveState } from '../src/altinn/read-live-state.ts';
import { DEFAULT_CONCURRENCY } from '../src/altinn/transport.ts';
import { DEFAULT_PLAN_SETTINGS } from '../src/plan/plan-types.ts';
import type { SystemSpec } from '../src/model/system.ts';
import { registerTestClient, setFaults, startLocalAltinn } from '../test/support/local-altinn.ts';
import { buildDesired, buildSpec } from '../test/support/system-builders.ts';
import { writeBenchmarkResult, type BenchmarkFigure } from './bench-result.ts';

const SYSTEMS = 500;
const LATENCY_MS = 50;
const TARGET_RATIO = 1.3;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const altinn = await startLocalAltinn();
try {
  const client = await registerTestClient(altinn.url);
  const connection = await connectToAltinn({ environment: 'local', env: client.env, altinnUrl: altinn.url });
  await connection.tokens.getToken();
  await setFaults(altinn.url, { latencyMs: LATENCY_MS });
  const created: SystemSpec[] = Array.from({ length: SYSTEMS }, (_, i) =>
    buildSpec(`bench${i}`, { clientId: [`bench-client-${i}`] }),
  );
  const updated = created.map((spec) => ({ ...spec, description: { ...spec.description, en: 'Rewritten' } }));
  const repoIds = created.map((spec) => spec.id);
  const settings = { ...DEFAULT_PLAN_SETTINGS, safety: { ...DEFAULT_PLAN_SETTINGS.safety } };

  const measure = async (desired: SystemSpec[], action: string) => {
    const started = performance.now();
    const live = await readLiveState(connection.client, { environment: 'local', repoIds });
    const run = await runApply(
      { client: connection.client, desired: desired.map(buildDesired), live, settings, environment: 'local' },
      { allowDelete: false, force: true },
    );
    const totalMs = performance.now() - started;
    const report = run.report;
    if (!report || report.counts.applied !== SYSTEMS || run.exitCode !== 0) {
      throw new Error(`${action}: ${JSON.stringify(report?.counts)} exit ${run.exitCode}`);
    }
    if (!report.results.every((result) => result.action === action)) throw new Error(`expected ${action}s`);
    return { applyMs: report.durationMs, totalMs };
  };

  const waves = Math.ceil(SYSTEMS / DEFAULT_CONCURRENCY);
  const idealWrites = waves * LATENCY_MS;
  // GET /vendor, then the reads in waves; the same again to verify.
  const idealRead = (1 + waves) * LATENCY_MS;
  const idealTotal = idealRead + idealWrites + idealRead;
  const figures: BenchmarkFigure[] = [];
  for (const [desired, action] of [
    [created, 'create'],
    [updated, 'update'],
  ] as const) {
    const { applyMs, totalMs } = await measure(desired, action);
    const ratio = applyMs / idealWrites;
    figures.push(
      {
        label: `${SYSTEMS} ${action}s, writes, concurrency ${DEFAULT_CONCURRENCY} (ideal ${idealWrites} ms)`,
        value: Math.round(applyMs),
        unit: 'ms',
      },
      {
        label: `${action}s: writes vs ideal`,
        value: Number(ratio.toFixed(3)),
        unit: '×',
        target: `≤ ${TARGET_RATIO}× ideal`,
        met: ratio <= TARGET_RATIO,
      },
      {
        label: `${action}s: whole run (read, apply, verifying read) vs its ideal ${idealTotal} ms`,
        value: Number((totalMs / idealTotal).toFixed(3)),
        unit: '×',
        target: 'report only',
        met: true,
      },
    );
  }
  await connection.close();
  clearInterval(sampler);
  figures.push(
    {
      label: 'peak resident memory, sampled every 20 ms (process, emulator included)',
      value: Number((peakRss / 2 ** 20).toFixed(1)),
      unit: 'MiB',
      target: 'report only',
      met: true,
    },
    {
      label: 'peak resident memory, maxRSS (process, emulator included)',
      value: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
      unit: 'MiB',
      target: 'report only',
      met: true,
    },
  );

  await writeBenchmarkResult('apply', figures);
} finally {
  clearInterval(sampler);
  await altinn.close();
}
