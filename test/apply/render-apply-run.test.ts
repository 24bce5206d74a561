/** How an apply run reads: progress on a terminal and in CI, the text report, and the JSON for machines. */
import { describe, expect, it } from 'vitest';
import type { ApplyProgress, SystemApplyResult } from '../../src/apply/apply-plan.ts';
import type { ApplyRun } from '../../src/apply/apply-run.ts';
import {
  createProgressPrinter,
  renderApplyRunJson,
  renderApplyRunText,
} from '../../src/apply/render-apply-run.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec } from '../support/system-builders.ts';

const results: SystemApplyResult[] = [
  { systemId: '991825827_a', action: 'create', outcome: 'applied', durationMs: 5 },
  {
    systemId: '991825827_b',
    action: 'update',
    outcome: 'failed',
    status: 400,
    codes: ['AUTH.VLD-00004'],
    message: 'PUT /vendor/991825827_b answered 400: AUTH.VLD-00004',
    durationMs: 7,
  },
  {
    systemId: '991825827_c\u001b[31m',
    action: 'delete',
    outcome: 'skipped',
    reason: 'blocked',
    message: 'The id was deleted in tt02 and can never be created again.',
    durationMs: 0,
  },
];

function buildRun(): ApplyRun {
  const plan = createPlan({
    desired: [buildDesired(buildSpec('a'))],
    live: buildLiveState({}),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
  return {
    formatVersion: 1,
    environment: 'tt02',
    commit: null,
    status: 'applied',
    exitCode: 1,
    plan,
    reviewedChecksum: null,
    differences: [],
    refusal: [],
    report: {
      environment: 'tt02',
      checksum: plan.checksum,
      results,
      counts: { total: 3, applied: 1, failed: 1, skipped: 1 },
      durationMs: 1234,
    },
    verification: {
      checked: 2,
      clean: false,
      remaining: [{ systemId: '991825827_b', action: 'update (clientId)', why: 'Its update failed.' }],
    },
    verificationError: null,
    interruption: null,
  };
}

describe('apply output', () => {
  it('prints one line per system in CI and a counter rewritten in place on a terminal', () => {
    const progress: ApplyProgress[] = results.map((result, index) => ({ result, done: index + 1, total: 3 }));
    let ci = '';
    const printCi = createProgressPrinter({ write: (text: string) => (ci += text) }, { tty: false });
    for (const step of progress) printCi(step);
    expect(ci.split('\n').filter(Boolean)).toEqual([
      '[1/3] created 991825827_a',
      '[2/3] FAILED update of 991825827_b (HTTP 400 AUTH.VLD-00004): PUT /vendor/991825827_b answered 400: AUTH.VLD-00004',
      '[3/3] skipped delete of 991825827_c\\u001b[31m: blocked. The id was deleted in tt02 and can never be created again.',
    ]);

    let tty = '';
    const printTty = createProgressPrinter({ write: (text: string) => (tty += text) }, { tty: true });
    for (const step of progress) printTty(step);
    expect(tty).not.toContain('created');
    expect(tty.split('\r')).toEqual([
      '',
      '\u001b[2KApplying: 1/3 done',
      '\u001b[2KApplying: 2/3 done, 1 failed',
      '\u001b[2KApplying: 3/3 done, 1 failed\n',
    ]);
  });

  it('reports counts, each system, the verification and what to do next', () => {
    const text = renderApplyRunText(buildRun());
    expect(text).toContain('sysreg apply in tt02: 1 applied, 1 failed, 1 skipped of 3 planned, in 1.2 s.');
    expect(text).toContain('Not verified: a fresh plan still has changes for 1 of the 2 system(s)');
    expect(text).toContain('991825827_b: update (clientId). Its update failed.');
    expect(text).toContain('Not done: run apply again');
    // The code, and what the README says it means and how to fix it.
    expect(text).toContain(
      '  FAILED update of 991825827_b (HTTP 400 AUTH.VLD-00004): PUT /vendor/991825827_b answered 400: AUTH.VLD-00004\n' +
        '      AUTH.VLD-00004: ',
    );
    expect(text).toMatch(/AUTH\.VLD-00004: .+ Fix: .+/);
    // A system id cannot move the cursor or recolour the terminal.
    expect(text).not.toContain('\u001b[31m');
  });

  it('gives machines the run with the plan summarised, in canonical JSON', () => {
    const json = JSON.parse(renderApplyRunJson(buildRun())) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...Object.keys(json)].sort());
    expect(json.plan).toEqual({
      checksum: expect.stringMatching(/^sha256:/),
      counts: expect.objectContaining({ create: 1 }),
      safety: { safe: true, reasons: [] },
    });
    expect(json).toMatchObject({ exitCode: 1, status: 'applied', formatVersion: 1 });
  });
});
