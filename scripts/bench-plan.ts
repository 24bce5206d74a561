/**
 * Benchmark: planning 5,000 systems (pure) and rendering the plan. The issue sets no target, so it
 * reports time per system and peak memory, and checks one ratio within the run: time per system at
 * 5,000 stays within 1.5× of that at 500 (planning must scale linearly, not quadratically).
 * Run: npx node scripts/bench-plan.ts → scripts/results/plan.json
 */
import { performance } from 'node:perf_hooks';
import type { LiveLookup } from '../src/model/live-state.ts';
import { createPlan } from '../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../src/plan/plan-types.ts';
import type { PlanInput } from '../src/plan/plan-types.ts';
import { renderPlanJson } from '../src/plan/render-json.ts';
import { renderPlanMarkdown } from '../src/plan/render-markdown.ts';
import { renderPlanText } from '../src/plan/render-text.ts';
import {
  buildDesired,
  buildLiveState,
  buildSpec,
  found,
  storeAsAltinn,
} from '../test/support/system-builders.ts';
import { writeBenchmarkResult, type BenchmarkFigure } from './bench-result.ts';

/** A realistic mix: most in sync, some updates, creates, tombstones and unmanaged systems. */
function buildInput(count: number): PlanInput {
  const desired = [];
  const systems: Record<string, LiveLookup> = {};
  for (let index = 0; index < count; index += 1) {
    const spec = buildSpec(`s${index}`, {
      clientId: [`client-${index}-a`, `client-${index}-b`],
      allowedRedirectUrls: [`https://S${index}.example.no`, `https://s${index}.example.no/cb%20x`],
    });
    const kind = index % 20;
    if (kind < 12) systems[spec.id] = found(storeAsAltinn(spec));
    else if (kind < 16)
      systems[spec.id] = found(storeAsAltinn({ ...spec, name: { ...spec.name, en: 'Old' } }));
    else if (kind === 16) systems[spec.id] = found(storeAsAltinn(spec));
    if (kind === 16) desired.push(buildDesired({ ...spec, isDeleted: true }));
    else desired.push(buildDesired(spec));
  }
  for (let index = 0; index < count / 25; index += 1) {
    const stray = buildSpec(`stray${index}`);
    systems[stray.id] = found(storeAsAltinn(stray));
  }
  return {
    desired,
    live: buildLiveState(systems),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
    commit: 'bench',
  };
}

function measure(label: string, runs: number, work: () => unknown): number {
  for (let warm = 0; warm < 2; warm += 1) work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.error(`${label}: median ${median.toFixed(1)} ms over ${runs} runs`);
  return median;
}

const small = buildInput(500);
const large = buildInput(5000);
const heapBefore = process.memoryUsage().heapUsed;
const smallMs = measure('plan 500', 15, () => createPlan(small));
const largeMs = measure('plan 5,000', 7, () => createPlan(large));
const plan = createPlan(large);
const heapAfter = process.memoryUsage().heapUsed;
const markdownMs = measure('render Markdown 5,000', 5, () => renderPlanMarkdown(plan));
const textMs = measure('render text 5,000', 5, () => renderPlanText(plan, { color: false }));
const jsonMs = measure('render JSON 5,000', 5, () => renderPlanJson(plan));
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

const perSystemSmall = (smallMs / 500) * 1000;
const perSystemLarge = (largeMs / 5000) * 1000;
const ratio = perSystemLarge / perSystemSmall;
const figures: BenchmarkFigure[] = [
  {
    label: 'plan 5,000 systems, time per system',
    value: round(perSystemLarge),
    unit: 'µs',
    target: 'report only',
    met: true,
  },
  {
    label: 'plan 5,000 systems, total',
    value: round(largeMs),
    unit: 'ms',
    target: 'report only',
    met: true,
  },
  {
    label: 'time per system at 5,000 relative to 500',
    value: round(ratio),
    unit: '×',
    target: '≤ 1.5× baseline',
    met: ratio <= 1.5,
  },
  {
    label: 'plan 5,000 systems, changes',
    value: plan.counts.changes,
    unit: 'changes',
    target: 'report only',
    met: true,
  },
  {
    label: 'render Markdown, 5,000-system plan',
    value: round(markdownMs),
    unit: 'ms',
    target: 'report only',
    met: true,
  },
  {
    label: 'render text, 5,000-system plan',
    value: round(textMs),
    unit: 'ms',
    target: 'report only',
    met: true,
  },
  {
    label: 'render JSON, 5,000-system plan',
    value: round(jsonMs),
    unit: 'ms',
    target: 'report only',
    met: true,
  },
  {
    label: 'peak resident memory (process)',
    value: round(peakRssMiB),
    unit: 'MiB',
    target: 'report only',
    met: true,
  },
  {
    label: 'heap growth holding inputs and one 5,000-system plan',
    value: round((heapAfter - heapBefore) / 1024 ** 2),
    unit: 'MiB',
    target: 'report only',
    met: true,
  },
];

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await writeBenchmarkResult('plan', figures);
