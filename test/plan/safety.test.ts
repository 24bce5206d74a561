import { describe, expect, it } from 'vitest';
import { assessPlanSafety, checkApplyAllowed, DEFAULT_SAFETY_SETTINGS } from '../../src/plan/safety.ts';

describe('assessPlanSafety', () => {
  it('allows up to 30% of managed systems, and anything below 10 managed systems', () => {
    expect(assessPlanSafety({ updates: 3, deletes: 3, managed: 10 }, DEFAULT_SAFETY_SETTINGS).safe).toBe(
      true,
    );
    expect(assessPlanSafety({ updates: 9, deletes: 9, managed: 9 }, DEFAULT_SAFETY_SETTINGS).safe).toBe(true);
  });

  it('flags deletes and updates above the share, each with a reason', () => {
    const verdict = assessPlanSafety({ updates: 4, deletes: 4, managed: 10 }, DEFAULT_SAFETY_SETTINGS);
    expect(verdict.safe).toBe(false);
    expect(verdict.reasons).toEqual([
      'The plan deletes 4 of 10 managed systems, more than 30%.',
      'The plan updates 4 of 10 managed systems, more than 30%.',
    ]);
    const deletesOnly = assessPlanSafety({ updates: 0, deletes: 4, managed: 10 }, DEFAULT_SAFETY_SETTINGS);
    expect(deletesOnly.reasons).toHaveLength(1);
  });

  it('follows the configured share and minimum', () => {
    const settings = { maxChangeShare: 0.5, minSystemsForShare: 2 };
    expect(assessPlanSafety({ updates: 2, deletes: 0, managed: 4 }, settings).safe).toBe(true);
    expect(assessPlanSafety({ updates: 3, deletes: 0, managed: 4 }, settings).safe).toBe(false);
  });
});

describe('checkApplyAllowed', () => {
  const unsafe = { counts: { delete: 2 }, safety: { safe: false, reasons: ['Too much.'] } };

  it('needs --allow-delete for deletes and --force for an unsafe plan', () => {
    const reasons = checkApplyAllowed(unsafe, { allowDelete: false, force: false });
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toContain('--allow-delete');
    expect(reasons[1]).toBe('Too much. Run with --force to apply it.');
    expect(checkApplyAllowed(unsafe, { allowDelete: true, force: false })).toEqual([
      'Too much. Run with --force to apply it.',
    ]);
    expect(checkApplyAllowed(unsafe, { allowDelete: true, force: true })).toEqual([]);
  });

  it('lets a safe plan without deletes through', () => {
    const safe = { counts: { delete: 0 }, safety: { safe: true, reasons: [] } };
    expect(checkApplyAllowed(safe, { allowDelete: false, force: false })).toEqual([]);
  });
});
