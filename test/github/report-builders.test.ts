/** The pure pieces behind `--report github`: what each command hands the GitHub facade. */
import { describe, expect, it } from 'vitest';
import type { ApplyRun } from '../../src/apply/apply-run.ts';
import { buildApplyReport, describeApplyRun, renderApplyMarkdown } from '../../src/github/apply-report.ts';
import { buildPlanReport } from '../../src/github/plan-report.ts';
import { MAX_SUMMARY_ROWS, renderValidationSummary } from '../../src/github/validation-summary.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

function buildMixedPlan(): Plan {
  const created = buildSpec('created');
  const updated = buildSpec('updated');
  const burned = buildSpec('burned');
  const unmanaged = buildSpec('unmanaged');
  return createPlan({
    desired: [created, updated, burned].map(buildDesired),
    live: buildLiveState({
      [updated.id]: found(storeAsAltinn({ ...updated, description: { nb: 'x', nn: 'x', en: 'x' } })),
      [burned.id]: found(storeAsAltinn(burned, { deleted: true })),
      [unmanaged.id]: found(storeAsAltinn(unmanaged)),
    }),
    // Prune turns the unmanaged system into a delete with no file.
    settings: { ...DEFAULT_PLAN_SETTINGS, prune: true },
    environment: 'tt02',
    commit: 'merge-commit',
  });
}

describe('buildPlanReport', () => {
  it('counts writes apart from blocked changes, lists only changes with a file, and keeps every annotation', () => {
    const plan = buildMixedPlan();
    expect(plan.counts).toMatchObject({ create: 1, update: 1, delete: 1, blocked: 1 });
    const report = buildPlanReport(plan, { commit: 'head-commit', planFile: 'plan.json' });
    expect(report.counts).toEqual({
      creates: 1,
      updates: 1,
      deletes: 1,
      blocked: 1,
      unmanaged: 0,
      changes: 3,
    });
    expect(report.changedFilesInPlan.map((change) => change.systemId).sort()).toEqual([
      '991825827_burned',
      '991825827_created',
      '991825827_updated',
    ]);
    expect(report.annotations).toHaveLength(plan.locations.length);
    expect(report.annotations).toContainEqual({
      file: 'systems/991825827_updated.yaml',
      line: 8,
      col: 1,
      level: 'notice',
      title: 'sysreg plan: update in tt02',
      message: 'description changes in tt02.',
    });
    expect(report.annotations.find((a) => a.file?.includes('burned'))?.level).toBe('warning');
    // The head commit replaces the merge commit everywhere in the rendering, not in the checksum.
    expect(report.commit).toBe('head-commit');
    expect(report.checksum).toBe(plan.checksum);
    expect(report.markdown).toContain('Commit `head-commit`');
    expect(report.markdown).not.toContain('merge-commit');
    expect(report.planFile).toBe('plan.json');
    expect(report.summaryMarkdown).toContain(
      'The full plan is in the job summary and the plan file plan.json.',
    );
  });

  it('keeps the computed commit when no head is given', () => {
    const report = buildPlanReport(buildMixedPlan());
    expect(report.commit).toBe('merge-commit');
    expect(report.planFile).toBeUndefined();
    expect(report.summaryMarkdown).toContain('The full plan is in the job summary.');
  });
});

describe('describeApplyRun', () => {
  const plan = buildMixedPlan();
  const base: ApplyRun = {
    formatVersion: 1,
    environment: 'tt02',
    commit: 'merge-commit',
    status: 'applied',
    exitCode: 1,
    plan,
    reviewedChecksum: null,
    differences: [],
    refusal: [],
    report: {
      environment: 'tt02',
      checksum: plan.checksum,
      durationMs: 12,
      counts: { total: 3, applied: 1, skipped: 1, failed: 1 },
      results: [
        { systemId: '991825827_created', action: 'create', outcome: 'applied', durationMs: 4 },
        {
          systemId: '991825827_updated',
          action: 'update',
          outcome: 'failed',
          status: 400,
          codes: ['AUTH.VLD-00011'],
          message: 'Altinn refused it.',
          durationMs: 4,
        },
        {
          systemId: '991825827_unmanaged',
          action: 'delete',
          outcome: 'skipped',
          reason: 'blocked',
          durationMs: 0,
        },
      ],
    },
    verification: {
      checked: 2,
      clean: false,
      remaining: [
        { systemId: '991825827_updated', action: 'update (description)', why: 'Its update failed.' },
      ],
    },
    verificationError: null,
    interruption: null,
  };

  it('gives each system its result, name and detail, and the verification as a note', () => {
    const account = describeApplyRun(base);
    expect(account.ok).toBe(false);
    expect(account.checksum).toBe(plan.checksum);
    expect(account.changes).toEqual([
      {
        systemId: '991825827_created',
        action: 'create',
        status: 'applied',
        name: { nb: 'created nb', nn: 'created nn', en: 'created en' },
      },
      {
        systemId: '991825827_updated',
        action: 'update',
        status: 'failed',
        name: { nb: 'updated nb', nn: 'updated nn', en: 'updated en' },
        detail: 'HTTP 400: Altinn refused it.',
        codes: ['AUTH.VLD-00011'],
      },
      {
        systemId: '991825827_unmanaged',
        action: 'delete',
        status: 'skipped',
        name: { nb: 'unmanaged nb', nn: 'unmanaged nn', en: 'unmanaged en' },
        detail: 'Blocked by the plan.',
      },
    ]);
    expect(account.notes).toEqual([
      'Not verified: 991825827_updated still needs update (description). Its update failed.',
    ]);
    expect(buildApplyReport(account).counts).toEqual({
      creates: 1,
      updates: 0,
      deletes: 0,
      blocked: 0,
      unmanaged: 0,
      changes: 1,
    });
  });

  it('says why nothing was applied for a stale or refused plan', () => {
    const stale = describeApplyRun({
      ...base,
      status: 'stale-plan',
      report: null,
      verification: null,
      reviewedChecksum: 'sha256:old',
      differences: [
        { systemId: '991825827_updated', reviewed: 'update (name)', now: 'update (description)' },
      ],
    });
    expect(stale.changes).toEqual([]);
    expect(stale.notes[0]).toMatch(
      /^Nothing applied: the plan changed since review \(reviewed sha256:old, now sha256:/,
    );
    expect(stale.notes[1]).toBe('991825827_updated: reviewed update (name); now update (description).');
    const markdown = renderApplyMarkdown(stale);
    expect(markdown).toContain('Nothing was applied.');
    expect(markdown).toContain('> [!WARNING]\n> - Nothing applied&#58; the plan changed since review');

    const refused = describeApplyRun({
      ...base,
      status: 'refused',
      report: null,
      verification: null,
      refusal: ['The plan deletes 1 system; apply with --allow-delete.'],
    });
    expect(refused.notes).toEqual(['Nothing applied: The plan deletes 1 system; apply with --allow-delete.']);
  });

  it('reports a clean run with nothing to do', () => {
    const account = describeApplyRun({
      ...base,
      status: 'nothing-to-apply',
      exitCode: 0,
      report: null,
      verification: null,
    });
    expect(account).toMatchObject({ ok: true, changes: [], notes: [] });
    expect(renderApplyMarkdown(account)).toContain('Nothing to apply: Altinn already matched git.');
  });
});

describe('renderValidationSummary', () => {
  const diagnostic = (line: number, message: string): Diagnostic => ({
    file: 'systems/x.yaml',
    line,
    column: 3,
    ruleId: 'redirect-url-https',
    altinnCode: 'AUTH.VLD-00005',
    severity: 'error',
    message,
    hint: 'Use | and <b>',
  });

  it('makes every cell inert: a pipe cannot add a column, HTML and mentions do nothing', () => {
    const summary = renderValidationSummary([diagnostic(4, 'bad `x` | <img src=x> @someone')], 2);
    const row = summary.split('\n').find((line) => line.startsWith('| systems'))!;
    expect(row.split(' | ')).toHaveLength(4);
    expect(row).not.toContain('<img');
    expect(row).not.toContain('<b>');
    expect(row).toContain('@\u200dsomeone');
    expect(summary).toContain('### sysreg validate ❌\n\n1 error in 1 of 2 files.');
  });

  it('lists at most MAX_SUMMARY_ROWS rows and counts the rest', () => {
    const many = Array.from({ length: MAX_SUMMARY_ROWS + 7 }, (_, i) => diagnostic(i + 1, 'bad'));
    const summary = renderValidationSummary(many, 1);
    expect(summary.split('\n').filter((line) => line.startsWith('| systems'))).toHaveLength(MAX_SUMMARY_ROWS);
    expect(summary).toContain('…and 7 more, in the annotations and the log.');
  });
});
