/** BENCHMARKS.md rendering: every figure with its target and verdict, runs, and the reliability summary. */
import { describe, expect, it } from 'vitest';
import type { BenchmarkResult } from '../../scripts/bench-result.ts';
import { renderBenchmarksMarkdown, type BenchmarkRun } from '../../scripts/bench.ts';

const machine = { cpus: 2, model: 'Test CPU', node: 'v24.0.0', memoryGiB: 8 };
const results: BenchmarkResult[] = [
  {
    name: 'alpha',
    machine,
    figures: [
      { label: 'alpha / baseline', value: 1.2, unit: 'ratio', target: '≤ 1.5× baseline', met: true },
      { label: 'alpha total', value: 1234, unit: 'ms' },
    ],
  },
  {
    name: 'beta',
    machine,
    figures: [{ label: 'beta | piped', value: 900, unit: 'req/s', target: '≥ 2000 req/s', met: false }],
    script: 'scripts/beta.ts',
    notes: ['Beta is run on its own.'],
  },
];
const runs: BenchmarkRun[] = [
  {
    name: 'alpha',
    script: 'scripts/bench-alpha.ts',
    exitCode: 0,
    seconds: 12.5,
    peakRssMiB: 150.2,
    loadAverage: 1.5,
    finishedAt: '2026-11-21T06:00:00.000Z',
  },
];

describe('renderBenchmarksMarkdown', () => {
  const markdown = renderBenchmarksMarkdown(results, runs, {
    passed: false,
    finishedAt: '2026-11-21T07:00:00.000Z',
    checks: [
      { name: 'soak', passed: true, detail: 'converged in 2 runs', seconds: 40 },
      { name: 'fuzz', passed: false, detail: 'crash', seconds: 3 },
    ],
  });

  it('states the machine and how many targets are met', () => {
    expect(markdown).toContain('2 CPUs (Test CPU), 8 GiB memory, Node v24.0.0');
    expect(markdown).toContain('1 of 2 targets met.');
  });

  it('puts each figure beside its target and verdict, escaping table pipes', () => {
    expect(markdown).toContain('| [alpha](#alpha) | alpha / baseline | 1.2× | ≤ 1.5× baseline | ✅ |');
    expect(markdown).toContain('| [beta](#beta) | beta \\| piped | 900 req/s | ≥ 2000 req/s | ❌ |');
    expect(markdown).toContain('| alpha total | 1,234 ms |  |  |');
  });

  it('names the script a result says wrote it, and its notes under its heading', () => {
    expect(markdown).toContain('## beta\n\n`scripts/beta.ts`.\n\nBeta is run on its own.\n\n| Figure |');
    expect(markdown).toContain('## alpha\n\n`scripts/bench-alpha.ts`, 12.5 s, peak 150.2 MiB.\n\n| Figure |');
  });

  it('records peak memory and run time, and says when a benchmark has not been run', () => {
    expect(markdown).toContain('| alpha | 150.2 MiB | 12.5 s | 1.5 | 2026-11-21 06:00 |');
    expect(markdown).toMatch(/\| beta \| – \| – \| – \| not run/);
  });

  it('adds the reliability summary with each check', () => {
    expect(markdown).toContain('FAILED ❌');
    expect(markdown).toContain('| soak | ✅ | converged in 2 runs | 40 s |');
    expect(markdown).toContain('| fuzz | ❌ | crash | 3 s |');
  });
});
