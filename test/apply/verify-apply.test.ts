/**
 * The verification after apply: a fresh plan must hold no change for a system apply wrote to; where
 * it does, it says what is left and the likeliest why.
 */
import { describe, expect, it } from 'vitest';
import type { ApplyReport, SystemApplyResult } from '../../src/apply/apply-plan.ts';
import { verifyApplied } from '../../src/apply/verify-apply.ts';
import type { LiveLookup } from '../../src/model/live-state.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const updated = buildSpec('updated');
const created = buildSpec('created');
const burned = buildSpec('burned');
const untouched = buildSpec('untouched');

/** What a fresh read finds: `updated` still differs in two fields, `burned` was deleted meanwhile. */
function freshPlan(): Plan {
  const live: Record<string, LiveLookup> = {
    [updated.id]: found(storeAsAltinn({ ...updated, isVisible: false, name: { ...updated.name, en: 'x' } })),
    [created.id]: found(storeAsAltinn(created)),
    [burned.id]: found(storeAsAltinn(burned, { deleted: true })),
  };
  const desired: SystemSpec[] = [updated, created, burned, { ...untouched, isVisible: false }];
  return createPlan({
    desired: desired.map(buildDesired),
    live: buildLiveState(live),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
}

function report(results: SystemApplyResult[]): ApplyReport {
  return {
    environment: 'tt02',
    checksum: 'sha256:0',
    results,
    counts: { total: results.length, applied: 0, skipped: 0, failed: 0 },
    durationMs: 0,
  };
}

const applied = (systemId: string, action: SystemApplyResult['action']): SystemApplyResult => ({
  systemId,
  action,
  outcome: 'applied',
  durationMs: 1,
});

describe('verifyApplied', () => {
  it('is clean when the fresh plan holds nothing for the systems apply wrote to', () => {
    // `untouched` still has a change, but apply skipped it: not this run's to verify.
    const verification = verifyApplied(
      report([
        applied(created.id, 'create'),
        { systemId: untouched.id, action: 'update', outcome: 'skipped', reason: 'aborted', durationMs: 0 },
      ]),
      freshPlan(),
    );
    expect(verification).toEqual({ checked: 1, clean: true, remaining: [] });
  });

  it('names the fields an accepted update left different, and why that happens', () => {
    const verification = verifyApplied(report([applied(updated.id, 'update')]), freshPlan());
    expect(verification).toEqual({
      checked: 1,
      clean: false,
      remaining: [
        {
          systemId: updated.id,
          action: 'update (name, isVisible)',
          why: 'Altinn still differs after a update it accepted: another writer changed it meanwhile, or Altinn stores it differently than sysreg compares.',
        },
      ],
    });
  });

  it('says a failed write is why a change is left, with the failure', () => {
    const failed: SystemApplyResult = {
      systemId: updated.id,
      action: 'update',
      outcome: 'failed',
      status: 400,
      message: 'AUTH.VLD-00004',
      durationMs: 1,
    };
    const { message: _message, ...withoutMessage } = failed;
    const noDetail: SystemApplyResult = { ...withoutMessage, systemId: untouched.id };
    const { remaining, checked } = verifyApplied(report([failed, noDetail]), freshPlan());
    expect(checked).toBe(2);
    expect(remaining.map((left) => left.why)).toEqual([
      'Its update failed: AUTH.VLD-00004',
      'Its update failed: no detail',
    ]);
  });

  it('gives the fresh plan’s reason when it now blocks the system', () => {
    const { remaining } = verifyApplied(report([applied(burned.id, 'update')]), freshPlan());
    expect(remaining).toHaveLength(1);
    expect(remaining[0]?.action).toBe('blocked');
    expect(remaining[0]?.why).toContain('deleted');
    expect(remaining[0]?.why).not.toBe('The fresh plan blocks it.');
  });
});
