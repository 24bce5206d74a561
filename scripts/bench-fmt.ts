/**
 * How fast `fmt` and the minimal editor are, as ratios against parsing the same text with the yaml
 * library (what any reader of the file pays at least once). Files are generated: canonical files as
 * `import` writes them, then shuffled and restyled the way a vendor might leave them.
 * Run: npx node scripts/bench-fmt.ts  →  scripts/results/fmt.json
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { applyFieldEdits } from '../src/systems/edit-system-yaml.ts';
import { formatSystemYaml } from '../src/systems/format.ts';
import { YAML_PARSE_OPTIONS } from '../src/systems/parse.ts';
import { renderSystemYaml } from '../src/systems/write-system-yaml.ts';
import { systemDocument } from '../test/support/system-arbitraries.ts';

const FILES = 2000;
const ROUNDS = 3;

const systems = fc.sample(systemDocument, { numRuns: FILES, seed: 42 });
const canonical = systems.map((system) => renderSystemYaml(system));
// Messy: keys reversed at the top level (with their comments), lists in flow style where they fit.
const messy = canonical.map((text) => {
  const document = parseDocument(text);
  const contents = document.contents as { items: unknown[] } | null;
  contents?.items.reverse();
  return document.toString({ collectionStyle: 'flow', lineWidth: 0 }).replace(/^(\w+):/gm, '# about $1\n$1:');
});

function timeOf(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const parseMs = timeOf(() => messy.forEach((text) => parseDocument(text, YAML_PARSE_OPTIONS)));
const parseCanonicalMs = timeOf(() => canonical.forEach((text) => parseDocument(text, YAML_PARSE_OPTIONS)));
const formatMs = timeOf(() =>
  messy.forEach((text) => {
    if (formatSystemYaml(text).problems.length > 0) throw new Error('a generated file did not format');
  }),
);
const checkMs = timeOf(() => canonical.forEach((text) => formatSystemYaml(text)));
const editMs = timeOf(() =>
  canonical.forEach((text, index) =>
    applyFieldEdits(text, [
      { path: ['isVisible'], value: index % 2 === 0 },
      { path: ['clientId'], value: ['bench-client', ...(systems[index]?.clientId ?? [])] },
      { path: ['environments', 'prod', 'clientId'], value: ['bench-prod'] },
    ]),
  ),
);

const ratio = (value: number, baseline = parseMs) => Math.round((value / baseline) * 100) / 100;
const figures = [
  {
    label: `parse ${FILES} messy files (baseline)`,
    value: Math.round(parseMs),
    unit: 'ms',
    target: 'baseline',
    met: true,
  },
  {
    label: `parse ${FILES} canonical files (baseline)`,
    value: Math.round(parseCanonicalMs),
    unit: 'ms',
    target: 'baseline',
    met: true,
  },
  {
    label: 'fmt of messy files vs parse',
    value: ratio(formatMs),
    unit: '× baseline',
    target: '≤ 3× baseline (fmt parses twice, renders once, compares meaning)',
    met: formatMs / parseMs <= 3,
  },
  {
    label: 'fmt --check of canonical files vs parsing those files',
    value: ratio(checkMs, parseCanonicalMs),
    unit: '× baseline',
    target: '≤ 3× baseline',
    met: checkMs / parseCanonicalMs <= 3,
  },
  {
    label: 'applyFieldEdits (3 edits per file) vs parsing those files',
    value: ratio(editMs, parseCanonicalMs),
    unit: '× baseline',
    target: '≤ 12× baseline (each of the 3 edits parses, splices and parses back)',
    met: editMs / parseCanonicalMs <= 12,
  },
  {
    label: 'fmt time for a 5,000-file repository (extrapolated)',
    value: Math.round((formatMs / FILES) * 5000),
    unit: 'ms',
    target: '≤ 60000 ms',
    met: (formatMs / FILES) * 5000 <= 60_000,
  },
];
const result = {
  name: 'fmt',
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  },
  figures,
};
const output = path.join(import.meta.dirname, 'results', 'fmt.json');
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
