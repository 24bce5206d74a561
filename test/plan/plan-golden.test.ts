import { describe, expect, it } from 'vitest';
import { createDriftReport } from '../../src/plan/drift.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { renderDriftJson, renderPlanJson } from '../../src/plan/render-json.ts';
import { renderDriftMarkdown, renderPlanMarkdown } from '../../src/plan/render-markdown.ts';
import { renderDriftText, renderPlanText } from '../../src/plan/render-text.ts';
import { expectGolden } from '../support/golden.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';
import { PLAN_CASES } from './plan-cases.ts';

const goldenDir = new URL('./golden/', import.meta.url).pathname;

describe('golden plans', () => {
  for (const testCase of PLAN_CASES) {
    it(`${testCase.name}: ${testCase.about}`, () => {
      const plan = createPlan(testCase.input);
      expectGolden(`${goldenDir}${testCase.name}.json`, renderPlanJson(plan));
      expectGolden(`${goldenDir}${testCase.name}.md`, renderPlanMarkdown(plan));
      expectGolden(`${goldenDir}${testCase.name}.txt`, renderPlanText(plan, { color: false }));
    });
  }
});

describe('golden drift', () => {
  it('classifies every kind of drift from live', () => {
    const changed = buildSpec('changed');
    const same = buildSpec('same');
    const gone = buildSpec('gone');
    const tomb = buildSpec('tomb');
    const report = createDriftReport({
      environment: 'tt02',
      commit: '4f2c1e9',
      desired: [
        buildDesired(changed),
        buildDesired(same),
        buildDesired(buildSpec('missing')),
        buildDesired(gone),
        buildDesired({ ...tomb, isDeleted: true }),
        buildDesired({ ...buildSpec('old'), isDeleted: true }),
      ],
      live: buildLiveState({
        [changed.id]: found(
          storeAsAltinn({
            ...changed,
            clientId: ['client-changed', 'client-extra'],
            name: { ...changed.name, en: 'Renamed' },
          }),
        ),
        [same.id]: found(storeAsAltinn(same)),
        [gone.id]: found(storeAsAltinn(gone, { deleted: true })),
        [tomb.id]: found(storeAsAltinn(tomb)),
        '991825827_old': found(storeAsAltinn(buildSpec('old'), { deleted: true })),
        '991825827_stray': found(storeAsAltinn(buildSpec('stray'))),
      }),
    });
    expect(report.counts).toEqual({
      changedOutsideGit: 2,
      missingInAltinn: 1,
      unmanagedInAltinn: 1,
      deletedInAltinn: 1,
      total: 5,
    });
    expectGolden(`${goldenDir}drift-all-kinds.json`, renderDriftJson(report));
    expectGolden(`${goldenDir}drift-all-kinds.md`, renderDriftMarkdown(report));
    expectGolden(`${goldenDir}drift-all-kinds.txt`, renderDriftText(report, { color: false }));
  });
});

describe('golden summary', () => {
  it('degrades to a summary table within the budget, blocked and deletes first', () => {
    const moves = PLAN_CASES.find((c) => c.name === 'client-id-moves')?.input;
    if (!moves) throw new Error('missing case');
    const burned = buildSpec('burned');
    const plan = createPlan({
      ...moves,
      desired: [...moves.desired, buildDesired(burned)],
      live: {
        ...moves.live,
        systems: { ...moves.live.systems, [burned.id]: found(storeAsAltinn(burned, { deleted: true })) },
      },
    });
    const markdown = renderPlanMarkdown(plan, { maxLength: 1500, fullPlanHint: 'the job summary' });
    expect(markdown.length).toBeLessThanOrEqual(1500);
    expectGolden(`${goldenDir}summary-over-budget.md`, markdown);
  });
});
