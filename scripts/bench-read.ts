/**
 * Reading live state: 500 systems behind 50 ms of injected latency, at the default concurrency,
 * against the ideal (1 + ⌈500 / concurrency⌉) × 50 ms plus one token request. Other concurrencies
 * and the sequential run are measured beside it, in the same run, to show why the default is what
 * it is. Writes scripts/results/read.json.
 *
 *   npx node scripts/bench-read.ts
 */
import { connectToAltinn } from '../src/altinn/connect.ts';
import { readLiveState } from '../src/altinn/read-live-state.ts';
import { DEFAULT_CONCURRENCY } from '../src/altinn/transport.ts';
import {
  makeLiveSystem,
  registerTestClient,
  seedSystems,
  setFaults,
  startLocalAltinn,
} from '../test/support/local-altinn.ts';
import { writeBenchmarkResult, type BenchmarkFigure } from './bench-result.ts';

const SYSTEMS = 500;
const LATENCY_MS = 50;
const TARGET_RATIO = 1.25;

const altinn = await startLocalAltinn();
try {
  const client = await registerTestClient(altinn.url);
  await seedSystems(
    altinn.url,
    Array.from({ length: SYSTEMS }, (_, i) =>
      makeLiveSystem(client.orgNumber, `bench${i}`, { clientId: [`bench-client-${i}`] }),
    ),
  );
  await setFaults(altinn.url, { latencyMs: LATENCY_MS });

  /** One cold read: a new connection, so the token request is part of it. */
  const measure = async (concurrency: number): Promise<number> => {
    const connection = await connectToAltinn({
      environment: 'local',
      env: client.env,
      altinnUrl: altinn.url,
      transport: { concurrency },
    });
    try {
      const started = performance.now();
      const state = await readLiveState(connection.client, { environment: 'local', repoIds: [] });
      const elapsed = performance.now() - started;
      if (Object.keys(state.systems).length !== SYSTEMS)
        throw new Error(`read ${Object.keys(state.systems).length} systems, expected ${SYSTEMS}`);
      return elapsed;
    } finally {
      await connection.close();
    }
  };
  const ideal = (concurrency: number) => (1 + Math.ceil(SYSTEMS / concurrency)) * LATENCY_MS + LATENCY_MS;

  await measure(DEFAULT_CONCURRENCY); // warm-up: JIT and sockets of the emulator
  const figures: BenchmarkFigure[] = [];
  const runs: Record<number, number> = {};
  for (const concurrency of [8, DEFAULT_CONCURRENCY, 32]) runs[concurrency] = await measure(concurrency);
  const atDefault = runs[DEFAULT_CONCURRENCY]!;
  const ratio = atDefault / ideal(DEFAULT_CONCURRENCY);
  figures.push(
    {
      label: `read ${SYSTEMS} systems, concurrency ${DEFAULT_CONCURRENCY} (default)`,
      value: Math.round(atDefault),
      unit: 'ms',
    },
    { label: `ideal at concurrency ${DEFAULT_CONCURRENCY}`, value: ideal(DEFAULT_CONCURRENCY), unit: 'ms' },
    {
      label: 'default vs ideal',
      value: Number(ratio.toFixed(3)),
      unit: '×',
      target: `≤ ${TARGET_RATIO}× ideal`,
      met: ratio <= TARGET_RATIO,
    },
  );
  for (const concurrency of [8, 32]) {
    figures.push({
      label: `read at concurrency ${concurrency} (vs its ideal ${ideal(concurrency)} ms)`,
      value: Math.round(runs[concurrency]!),
      unit: 'ms',
    });
  }
  const sequential = await measure(1);
  figures.push(
    { label: 'read sequentially (concurrency 1)', value: Math.round(sequential), unit: 'ms' },
    {
      label: 'speed-up of the default over sequential',
      value: Number((sequential / atDefault).toFixed(1)),
      unit: '×',
    },
  );

  await writeBenchmarkResult('read', figures);
} finally {
  await altinn.close();
}
