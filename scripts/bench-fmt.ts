/**
 * How fast `fmt` and the minimal editor are, as ratios against parsing the same text with the yaml
 * library (what any reader of the file pays at least once). Files are generated: canonical files as
 * `import` writes them, then shuffled and restyled the way a vendor might leave them.
 * Run: npx node scripts/bench-fmt.ts  →  scripts/results/fmt.json
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { applyFieldEdits } from '../src/systems/edit-system-yaml.ts';
import { formatSystemYaml } from '../src/systems/format.ts';
import { YAML_PARSE_OPTIONS } from '../src/systems/yaml-options.ts';
import { renderSystemYaml } from '../src/systems/write-system-yaml.ts';
import { systemDocument } from '../test/support/system-arbitraries.ts';
import { writeBenchmarkResult, type BenchmarkFigure } from './bench-result.ts';

const FILES = 2000;
const ROUNDS = 5;

const systems = fc.sample(systemDocument, { numRuns: FILES, seed: 42 });
const canonical = systems.map((system) => renderSystemYaml(system));
// Messy: keys reversed at the top level (with their comments), lists in flow style where they fit.
const messy = canonical.map((text) => {
  const document = parseDocument(text);
  const contents = document.contents as { items: unknown[] } | null;
  contents?.items.reverse();
  return document.toString({ collectionStyle: 'flow', lineWidth: 0 }).replace(/^(\w+):/gm, '# about $1\n$1:');
});

const WORKLOADS = {
  parseMessy: () => messy.forEach((text) => parseDocument(text, YAML_PARSE_OPTIONS)),
  parseCanonical: () => canonical.forEach((text) => parseDocument(text, YAML_PARSE_OPTIONS)),
  format: () =>
    messy.forEach((text) => {
      if (formatSystemYaml(text).problems.length > 0) throw new Error('a generated file did not format');
    }),
  check: () => canonical.forEach((text) => formatSystemYaml(text)),
  edit: () =>
    canonical.forEach((text, index) =>
      applyFieldEdits(text, [
        { path: ['isVisible'], value: index % 2 === 0 },
        { path: ['clientId'], value: ['bench-client', ...(systems[index]?.clientId ?? [])] },
        { path: ['environments', 'prod', 'clientId'], value: ['bench-prod'] },
      ]),
    ),
};
type Workload = keyof typeof WORKLOADS;

// Workloads run interleaved, round after round, and each ratio is the median of per-round ratios, so
// load from other processes on the shared machine hits a workload and its baseline alike.
const times = Object.fromEntries(Object.keys(WORKLOADS).map((name) => [name, [] as number[]])) as Record<
  Workload,
  number[]
>;
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, work] of Object.entries(WORKLOADS) as [Workload, () => void][]) {
    const start = performance.now();
    work();
    times[name].push(performance.now() - start);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const best = (name: Workload) => Math.min(...times[name]);
const ratioOf = (name: Workload, baseline: Workload) =>
  Math.round(median(times[name].map((time, round) => time / (times[baseline][round] ?? NaN))) * 100) / 100;

const parseMs = best('parseMessy');
const parseCanonicalMs = best('parseCanonical');
const formatRatio = ratioOf('format', 'parseMessy');
const checkRatio = ratioOf('check', 'parseCanonical');
const editRatio = ratioOf('edit', 'parseCanonical');
const formatMs = best('format');

const figures: BenchmarkFigure[] = [
  {
    label: `parse ${FILES} messy files (baseline)`,
    value: Math.round(parseMs),
    unit: 'ms',
  },
  {
    label: `parse ${FILES} canonical files (baseline)`,
    value: Math.round(parseCanonicalMs),
    unit: 'ms',
  },
  {
    label: 'fmt of messy files vs parse',
    value: formatRatio,
    unit: '× baseline',
    target: '≤ 4× baseline (fmt parses twice and renders once, so 2× is the floor)',
    met: formatRatio <= 4,
  },
  {
    label: 'fmt --check of canonical files vs parsing those files',
    value: checkRatio,
    unit: '× baseline',
    target: '≤ 3× baseline',
    met: checkRatio <= 3,
  },
  {
    label: 'applyFieldEdits (3 edits per file) vs parsing those files',
    value: editRatio,
    unit: '× baseline',
    target: '≤ 12× baseline (each of the 3 edits parses, splices and parses back)',
    met: editRatio <= 12,
  },
  {
    label: 'fmt time for a 5,000-file repository (extrapolated)',
    value: Math.round((formatMs / FILES) * 5000),
    unit: 'ms',
    target: '≤ 60000 ms',
    met: (formatMs / FILES) * 5000 <= 60_000,
  },
];
await writeBenchmarkResult('fmt', figures);
