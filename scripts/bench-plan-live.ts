/**
 * `sysreg plan` end to end through the command core (src/cli.ts `main`): 500 system files loaded
 * and validated, 500 live systems read behind 50 ms of injected latency, planned and rendered as
 * JSON. Compared with the read's ideal (1 + ⌈500 / concurrency⌉) × 50 ms plus one token request,
 * and with the bare read (readLiveState) measured in the same run. 50 of the systems were renamed
 * in the "portal", so the plan has work to diff and render. The local Altinn runs in a process of
 * its own (`sysreg emulator`), as the real one is remote: the CLI's own work is what is measured.
 * Writes scripts/results/plan-live.json.
 *
 *   npx node scripts/bench-plan-live.ts
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli.ts';
import { connectToAltinn } from '../src/altinn/connect.ts';
import { readLiveState } from '../src/altinn/read-live-state.ts';
import { DEFAULT_CONCURRENCY } from '../src/altinn/transport.ts';
import type { Plan } from '../src/plan/plan-types.ts';
import { listStoredSystems, seedSystems, setFaults } from '../test/support/local-altinn.ts';
import { resetLocalAltinn, writeLocalConfig, writePlanThroughApi } from '../test/support/live-repo.ts';
import { createScratchRepo, renderValidSystem } from '../test/support/scratch-repo.ts';
import { writeBenchmarkResult, type BenchmarkFigure } from './bench-result.ts';

const SYSTEMS = 500;
const RENAMED = 50;
const LATENCY_MS = 50;
const TARGET_RATIO = 1.25;
const RUNS = 5;

function cpuMilliseconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `sysreg emulator --port 0` as a child process; its first line of output is its URL. */
async function startAltinnProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, '..', 'src', 'cli.ts'), 'emulator', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    if (output.includes('\n')) break;
  }
  const url = output.trim().replace(/\/$/, '');
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`the emulator printed '${output}'`);
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

const altinn = await startAltinnProcess();
const repo = await createScratchRepo();
try {
  const names = Array.from({ length: SYSTEMS }, (_, index) => `bench${String(index).padStart(3, '0')}`);
  for (const name of names) await repo.write(`systems/314159268_${name}.yaml`, renderValidSystem(name));
  await writeLocalConfig(repo, altinn.url);
  const client = await resetLocalAltinn(altinn.url);

  /** One cold `sysreg plan --env local --format json`: a new connection, so the token is part of it. */
  const runPlan = async (): Promise<{ ms: number; cpuMs: number; plan: Plan }> => {
    let stdout = '';
    let stderr = '';
    const cpu = process.cpuUsage();
    const started = performance.now();
    const code = await main({
      argv: ['plan', '--env', 'local', '--format', 'json'],
      cwd: repo.root,
      env: client.env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    const ms = performance.now() - started;
    const cpuMs = cpuMilliseconds(process.cpuUsage(cpu));
    if (code !== 0) throw new Error(`plan exited ${code}: ${stderr.slice(0, 500)}`);
    return { ms, cpuMs, plan: JSON.parse(stdout) as Plan };
  };

  // Put every system in Altinn through the register API, then rename some "in the portal".
  const creates = await runPlan();
  await writePlanThroughApi(repo, client, creates.plan);
  const renamed = (await listStoredSystems(altinn.url))
    .slice(0, RENAMED)
    .map((system) => ({ ...system, name: { ...system.name, en: `${system.name.en ?? ''} (renamed)` } }));
  await seedSystems(altinn.url, renamed);
  await setFaults(altinn.url, { latencyMs: LATENCY_MS });

  const readOnly = async (): Promise<{ ms: number; cpuMs: number }> => {
    const connection = await connectToAltinn({
      environment: 'local',
      env: client.env,
      altinnUrl: altinn.url,
    });
    try {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await readLiveState(connection.client, {
        environment: 'local',
        repoIds: names.map((n) => `314159268_${n}`),
      });
      return { ms: performance.now() - started, cpuMs: cpuMilliseconds(process.cpuUsage(cpu)) };
    } finally {
      await connection.close();
    }
  };

  const warmUp = await runPlan(); // JIT, compile cache and the emulator's sockets
  if (warmUp.plan.counts.update !== RENAMED || warmUp.plan.counts.changes !== RENAMED) {
    throw new Error(`expected ${RENAMED} updates, got ${JSON.stringify(warmUp.plan.counts)}`);
  }
  const loadAverage = os.loadavg()[0]!;
  const plans: { ms: number; cpuMs: number }[] = [];
  const reads: { ms: number; cpuMs: number }[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    plans.push(await runPlan());
    reads.push(await readOnly());
  }
  const plan = median(plans.map((run) => run.ms));
  const read = median(reads.map((run) => run.ms));
  const planCpu = median(plans.map((run) => run.cpuMs));
  const readCpu = median(reads.map((run) => run.cpuMs));
  const ideal = (1 + Math.ceil(SYSTEMS / DEFAULT_CONCURRENCY)) * LATENCY_MS + LATENCY_MS;
  const ratio = plan / ideal;
  const figures: BenchmarkFigure[] = [
    {
      label: `plan ${SYSTEMS} systems end to end (${RENAMED} updates), concurrency ${DEFAULT_CONCURRENCY}, median of ${RUNS}`,
      value: Math.round(plan),
      unit: 'ms',
    },
    { label: `ideal read at concurrency ${DEFAULT_CONCURRENCY} (plus one token)`, value: ideal, unit: 'ms' },
    {
      label: 'plan end to end vs ideal',
      value: Number(ratio.toFixed(3)),
      unit: '×',
      target: `≤ ${TARGET_RATIO}× ideal`,
      met: ratio <= TARGET_RATIO,
    },
    { label: `read alone (readLiveState), median of ${RUNS}`, value: Math.round(read), unit: 'ms' },
    {
      label: 'plan end to end vs read alone (load, validate, plan, render on top)',
      value: Number((plan / read).toFixed(3)),
      unit: '×',
    },
    { label: `CPU time of plan end to end, median of ${RUNS}`, value: Math.round(planCpu), unit: 'ms' },
    { label: `CPU time of the read alone, median of ${RUNS}`, value: Math.round(readCpu), unit: 'ms' },
    {
      label: 'load average (1 min) of the shared machine when the runs started',
      value: Number(loadAverage.toFixed(2)),
      unit: 'processes',
    },
  ];
  await writeBenchmarkResult('plan-live', figures);
} finally {
  await repo.remove();
  await altinn.close();
}
