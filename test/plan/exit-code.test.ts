import { describe, expect, it } from 'vitest';
import { createDriftReport, decideDriftExitCode } from '../../src/plan/drift.ts';
import { createPlan, decidePlanExitCode } from '../../src/plan/plan.ts';
import { PLAN_CASES } from './plan-cases.ts';

function planCase(name: string) {
  const found = PLAN_CASES.find((testCase) => testCase.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found.input;
}

describe('exit codes', () => {
  it('plan: 2 only with --detailed-exitcode and changes; unmanaged systems are not changes', () => {
    const unmanaged = createPlan(planCase('unmanaged'));
    expect(unmanaged.counts.unmanaged).toBe(2);
    expect(decidePlanExitCode(unmanaged, { detailedExitCode: true })).toBe(0);
    const create = createPlan(planCase('create'));
    expect(decidePlanExitCode(create, { detailedExitCode: true })).toBe(2);
    expect(decidePlanExitCode(create, { detailedExitCode: false })).toBe(0);
    const blocked = createPlan(planCase('blocked-id-burned'));
    expect(decidePlanExitCode(blocked, { detailedExitCode: true })).toBe(2);
  });

  it('drift: unmanaged systems count as drift', () => {
    const report = createDriftReport(planCase('unmanaged'));
    expect(report.counts.unmanagedInAltinn).toBe(2);
    expect(decideDriftExitCode(report, { detailedExitCode: true })).toBe(2);
    const none = createDriftReport(planCase('normalisations-are-not-changes'));
    expect(none.counts.total).toBe(0);
    expect(decideDriftExitCode(none, { detailedExitCode: true })).toBe(0);
  });
});
