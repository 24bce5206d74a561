/**
 * Apply reads a plan file back and refuses anything sysreg did not write as it is: not JSON, not an
 * object, another format, a part missing or of the wrong shape, or changes that no longer match the
 * checksum. Each refusal names what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { computeChangesChecksum, createPlan } from '../../src/plan/plan.ts';
import { parsePlanJson, renderPlanJson } from '../../src/plan/render-json.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const kept = buildSpec('kept');
const changed = buildSpec('changed');
const plan = createPlan({
  desired: [buildSpec('new'), kept, { ...changed, isVisible: false }].map(buildDesired),
  live: buildLiveState({
    [kept.id]: found(storeAsAltinn(kept)),
    [changed.id]: found(storeAsAltinn(changed)),
  }),
  settings: DEFAULT_PLAN_SETTINGS,
  environment: 'tt02',
});

/** The written plan, edited; the checksum recomputed so only the edit can be what is refused. */
function edited(edit: (plan: Record<string, unknown>) => void, options = { rechecksum: true }): string {
  const value = JSON.parse(renderPlanJson(plan)) as Record<string, unknown>;
  edit(value);
  if (options.rechecksum && Array.isArray(value.changes)) {
    value.checksum = computeChangesChecksum(value.changes as never);
  }
  return JSON.stringify(value);
}

function refusal(text: string): string {
  const parsed = parsePlanJson(text);
  if (parsed.ok) throw new Error('expected the plan file to be refused');
  return parsed.message;
}

describe('parsePlanJson', () => {
  it('reads back what renderPlanJson wrote, byte for byte the same plan', () => {
    const parsed = parsePlanJson(renderPlanJson(plan));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && renderPlanJson(parsed.plan)).toBe(renderPlanJson(plan));
    expect(renderPlanJson(plan).endsWith('}\n')).toBe(true);
  });

  it('refuses text that is not JSON, with the parser’s reason', () => {
    expect(refusal('{"formatVersion": 1,')).toMatch(/^The plan file is not JSON: \S/);
  });

  it('refuses JSON that is not an object', () => {
    expect(refusal('null')).toBe('The plan file is not a plan.');
    expect(refusal('"plan"')).toBe('The plan file is not a plan.');
  });

  it('refuses another format version, naming both', () => {
    expect(refusal(edited((value) => (value.formatVersion = 2)))).toBe(
      'The plan file has format version 2; this sysreg reads 1.',
    );
    expect(refusal(edited((value) => delete value.formatVersion))).toBe(
      'The plan file has format version undefined; this sysreg reads 1.',
    );
  });

  it('refuses a plan without changes or checksum', () => {
    expect(refusal(edited((value) => (value.changes = {})))).toBe(
      'The plan file has no changes or checksum.',
    );
    expect(refusal(edited((value) => (value.checksum = 7), { rechecksum: false }))).toBe(
      'The plan file has no changes or checksum.',
    );
  });

  it('names the part that is not as sysreg writes it', () => {
    const cases: [(value: Record<string, unknown>) => void, string][] = [
      [(value) => (value.environment = 3), '`environment` is not a string'],
      [(value) => delete value.unchanged, '`unchanged` is not a list'],
      [(value) => (value.unmanaged = 'none'), '`unmanaged` is not a list'],
      [(value) => (value.unchanged = [{ systemId: 'x' }, null]), '`unchanged[1]` has no systemId'],
      [(value) => (value.unmanaged = ['x']), '`unmanaged[0]` has no systemId'],
      [(value) => (value.unchanged = [{ systemId: 5 }]), '`unchanged[0]` has no systemId'],
      [(value) => (value.changes = [{}]), '`changes[0]` has no systemId'],
    ];
    for (const [edit, part] of cases) {
      expect(refusal(edited(edit))).toBe(`The plan file is not a plan sysreg wrote: ${part}.`);
    }
  });

  it('names a change that is not a planned change', () => {
    const change = (value: Record<string, unknown>, index: number) =>
      (value.changes as Record<string, unknown>[])[index] as Record<string, unknown>;
    const cases: ((value: Record<string, unknown>) => void)[] = [
      (value) => (change(value, 1).action = 'rename'),
      (value) => (change(value, 1).fields = null),
      (value) => delete change(value, 1).dependsOn,
    ];
    for (const edit of cases) {
      expect(refusal(edited(edit))).toBe(
        'The plan file is not a plan sysreg wrote: `changes[1]` is not a planned change (action, fields, dependsOn).',
      );
    }
    // Every action sysreg writes is read.
    for (const action of ['create', 'update', 'delete', 'blocked']) {
      expect(parsePlanJson(edited((value) => (change(value, 0).action = action))).ok).toBe(true);
    }
  });

  it('refuses changes edited after the plan was made, with both checksums', () => {
    const text = edited((value) => (value.changes as { name: unknown }[]).reverse(), { rechecksum: false });
    const computed = computeChangesChecksum([...plan.changes].reverse());
    expect(refusal(text)).toBe(
      `The plan's changes do not match its checksum (${plan.checksum}, computed ${computed}); it was edited after it was made.`,
    );
  });
});
