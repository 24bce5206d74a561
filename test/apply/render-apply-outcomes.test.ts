/**
 * The text report of every way an apply run ends: what it says happened, per system, and the one
 * closing line that names what to do next. Exact lines: this is what a vendor reads in CI.
 */
import { describe, expect, it } from 'vitest';
import type { SystemApplyResult } from '../../src/apply/apply-plan.ts';
import type { ApplyRun } from '../../src/apply/apply-run.ts';
import { describeResult, renderApplyRunText } from '../../src/apply/render-apply-run.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec } from '../support/system-builders.ts';

const A = '991825827_a';
const B = '991825827_b';

function buildRun(overrides: Partial<ApplyRun>, results: SystemApplyResult[] = []): ApplyRun {
  const plan = createPlan({
    desired: [buildDesired(buildSpec('a'))],
    live: buildLiveState({}),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
  const counts = { total: results.length, applied: 0, skipped: 0, failed: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return {
    formatVersion: 1,
    environment: 'tt02',
    commit: null,
    status: 'applied',
    exitCode: 0,
    plan,
    reviewedChecksum: null,
    differences: [],
    refusal: [],
    report: { environment: 'tt02', checksum: plan.checksum, results, counts, durationMs: 2500 },
    verification: null,
    verificationError: null,
    interruption: null,
    ...overrides,
  };
}

const created: SystemApplyResult = { systemId: A, action: 'create', outcome: 'applied', durationMs: 3 };

describe('apply text report', () => {
  it('a stale plan: both checksums, each difference, and what to do', () => {
    const run = buildRun({
      status: 'stale-plan',
      exitCode: 1,
      reviewedChecksum: 'sha256:old',
      report: null,
      differences: [{ systemId: A, reviewed: 'update (name)', now: 'nothing (in sync)' }],
    });
    expect(renderApplyRunText(run)).toBe(
      [
        `sysreg apply: nothing applied in tt02. The plan changed since review (reviewed sha256:old, now ${run.plan.checksum}):`,
        `  ${A}: reviewed update (name); now nothing (in sync)`,
        'Make a new plan, have it reviewed, and apply that.',
        '',
      ].join('\n'),
    );
  });

  it('a refusal: every reason, one a line', () => {
    const run = buildRun({ status: 'refused', exitCode: 1, report: null, refusal: ['First.', 'Second.'] });
    expect(renderApplyRunText(run)).toBe(
      'sysreg apply: nothing applied in tt02. The plan above needs more than was given:\n  First.\n  Second.\n',
    );
  });

  it('a cancelled run, and a run with nothing to apply', () => {
    expect(renderApplyRunText(buildRun({ status: 'cancelled', exitCode: 1, report: null }))).toBe(
      'sysreg apply: cancelled; nothing applied in tt02.\n',
    );
    const nothing = 'sysreg apply in tt02: nothing to apply; Altinn matches git.\n';
    expect(renderApplyRunText(buildRun({ status: 'nothing-to-apply', report: null }))).toBe(nothing);
    expect(renderApplyRunText(buildRun({ status: 'nothing-to-apply' }, []))).toBe(nothing);
  });

  it('all applied and verified: the tally, each system, the verification and done', () => {
    const run = buildRun({ verification: { checked: 1, clean: true, remaining: [] } }, [created]);
    expect(renderApplyRunText(run)).toBe(
      [
        'sysreg apply in tt02: 1 applied, 0 failed, 0 skipped of 1 planned, in 2.5 s.',
        `  created ${A}`,
        'Verified: a fresh plan is empty for the 1 system(s) apply wrote to.',
        'Done: Altinn matches git for every system in the plan.',
        '',
      ].join('\n'),
    );
  });

  it('interrupted: the reason first, what was not started instead of skipped, and run again', () => {
    const notStarted: SystemApplyResult = {
      systemId: B,
      action: 'update',
      outcome: 'skipped',
      reason: 'aborted',
      message: 'Apply was stopped before this change started.',
      durationMs: 0,
    };
    const run = buildRun(
      {
        exitCode: 1,
        interruption: 'interrupted by SIGTERM',
        verificationError:
          'Apply was stopped before the end, so nothing is verified; run it again to finish.',
      },
      [created, notStarted],
    );
    expect(renderApplyRunText(run)).toBe(
      [
        'sysreg apply in tt02: interrupted by SIGTERM; 1 applied, 0 failed, 1 not started of 2 planned, in 2.5 s.',
        `  created ${A}`,
        `  not started: update of ${B}`,
        'Apply was stopped before the end, so nothing is verified; run it again to finish.',
        'Not done: run apply again to finish; it picks up where this run stopped.',
        '',
      ].join('\n'),
    );
  });

  it('interrupted with a change skipped for another reason: both tallies', () => {
    const skipped: SystemApplyResult = {
      systemId: B,
      action: 'update',
      outcome: 'skipped',
      reason: 'blocked',
      durationMs: 0,
    };
    const run = buildRun({ exitCode: 1, interruption: 'stopped' }, [skipped]);
    expect(renderApplyRunText(run).split('\n')[0]).toBe(
      'sysreg apply in tt02: stopped; 0 applied, 0 failed, 1 skipped, 0 not started of 1 planned, in 2.5 s.',
    );
  });

  it('the read after apply failed: says so and that a rerun changes nothing already right', () => {
    const run = buildRun({ exitCode: 1, verificationError: 'The read after apply failed.' }, [created]);
    const lines = renderApplyRunText(run).trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      'The read after apply failed.',
      'Not done: nothing is verified; run apply again, it changes nothing that is already right.',
    ]);
  });

  it('written but not held: what is left per system, and run plan', () => {
    const run = buildRun(
      {
        exitCode: 1,
        verification: {
          checked: 1,
          clean: false,
          remaining: [{ systemId: A, action: 'update (isVisible)', why: 'Altinn still differs.' }],
        },
      },
      [created],
    );
    expect(renderApplyRunText(run).trimEnd().split('\n').slice(-3)).toEqual([
      'Not verified: a fresh plan still has changes for 1 of the 1 system(s) apply wrote to:',
      `  ${A}: update (isVisible). Altinn still differs.`,
      'Not done: Altinn does not yet hold what was written (above); run plan to see what is left.',
    ]);
  });

  it('changes skipped for want of a dependency: points at why beside each', () => {
    const waited: SystemApplyResult = {
      systemId: B,
      action: 'update',
      outcome: 'skipped',
      reason: 'dependency-not-applied',
      message: 'It claims a client id that a releases.',
      durationMs: 0,
    };
    const run = buildRun({ exitCode: 1 }, [waited]);
    expect(renderApplyRunText(run)).toBe(
      [
        'sysreg apply in tt02: 0 applied, 0 failed, 1 skipped of 1 planned, in 2.5 s.',
        `  skipped update of ${B}: waits for a change that was not applied. It claims a client id that a releases.`,
        'Not done: the changes skipped above were not applied; see why beside each.',
        '',
      ].join('\n'),
    );
  });

  it('a failure without codes: no answer, and no code explanation; a repeated code explained once', () => {
    const lost: SystemApplyResult = {
      systemId: A,
      action: 'create',
      outcome: 'failed',
      status: null,
      codes: [],
      message: 'socket hang up',
      durationMs: 1,
    };
    expect(describeResult(lost)).toBe(`FAILED create of ${A} (no answer): socket hang up`);
    const { status: _status, codes: _codes, message: _message, ...bare } = lost;
    expect(describeResult(bare)).toBe(`FAILED create of ${A} (no answer): `);
    const twice: SystemApplyResult = {
      ...lost,
      status: 400,
      codes: ['AUTH.VLD-00004', 'AUTH.VLD-00004', 'NOT.A-CODE'],
    };
    const text = renderApplyRunText(buildRun({ exitCode: 1 }, [twice]));
    expect(text.match(/ {6}AUTH\.VLD-00004: /g)).toHaveLength(1);
    expect(text).not.toContain('      NOT.A-CODE');
    expect(text).toContain('Not done: run apply again after fixing what failed');
  });

  it('one line per result: notes on applied changes, skips in words, blocked systems say why', () => {
    expect(describeResult({ ...created, message: 'The answer was lost; a read confirmed the create.' })).toBe(
      `created ${A} (The answer was lost; a read confirmed the create.)`,
    );
    expect(describeResult({ systemId: A, action: 'delete', outcome: 'applied', durationMs: 1 })).toBe(
      `deleted ${A}`,
    );
    expect(describeResult({ systemId: A, action: 'update', outcome: 'applied', durationMs: 1 })).toBe(
      `updated ${A}`,
    );
    expect(
      describeResult({
        systemId: A,
        action: 'blocked',
        outcome: 'skipped',
        reason: 'blocked',
        durationMs: 0,
      }),
    ).toBe(`blocked ${A}:`);
    expect(
      describeResult({
        systemId: A,
        action: 'update',
        outcome: 'skipped',
        reason: 'not-in-reviewed-plan',
        message: 'Left for its own review.',
        durationMs: 0,
      }),
    ).toBe(`skipped update of ${A}: not in the reviewed plan. Left for its own review.`);
    expect(describeResult({ systemId: A, action: 'update', outcome: 'skipped', durationMs: 0 })).toBe(
      `skipped update of ${A}: skipped.`,
    );
  });
});
