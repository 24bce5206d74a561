/**
 * The per-system account of an apply, as the merged pull request shows it. Pure: `describeApplyRun`
 * reads what the apply command did; `renderApplyMarkdown` renders it (every piece of user or Altinn
 * text made inert) and `countAppliedSystems` counts it for the facade's outputs.
 */
import type { SkipReason, SystemApplyResult } from '../apply/apply-plan.ts';
import type { ApplyRun } from '../apply/apply-run.ts';
import { pickDisplayName } from '../plan/describe-field-change.ts';
import type { ChangeAction } from '../plan/plan-types.ts';
import { escapeHtmlText, escapeMarkdownText } from '../plan/render-markdown.ts';
import type { LanguageMap } from '../model/system.ts';
import type { ApplyCommentReport, ReportedCounts } from './report.ts';

export type AppliedSystemStatus = 'applied' | 'skipped' | 'failed';

/** What apply did to one system. */
export interface AppliedSystem {
  systemId: string;
  action: ChangeAction;
  status: AppliedSystemStatus;
  name?: LanguageMap;
  /** Why it was skipped or how it failed, in one sentence. */
  detail?: string;
  /** Altinn's error codes, e.g. `AUTH.VLD-00011`. */
  codes?: string[];
}

/** The whole apply, as the apply command saw it. */
export interface ApplyAccount {
  environment: string;
  /** The checksum of the plan that was applied. */
  checksum: string;
  changes: AppliedSystem[];
  /** True only when everything planned was applied and verified (apply's exit 0). */
  ok: boolean;
  /**
   * Warnings shown under the table, one sentence each: why nothing was applied (a stale or refused
   * plan), or what the verification found still different.
   */
  notes: string[];
}

const STATUS_LABEL: Record<AppliedSystemStatus, string> = {
  applied: '✅ applied',
  skipped: '⏭️ skipped',
  failed: '❌ <b>failed</b>',
};

const STATUS_ORDER: Record<AppliedSystemStatus, number> = { failed: 0, skipped: 1, applied: 2 };

export function buildApplyReport(outcome: ApplyAccount): ApplyCommentReport {
  return {
    environment: outcome.environment,
    markdown: renderApplyMarkdown(outcome),
    counts: countAppliedSystems(outcome.changes),
    ok: outcome.ok,
  };
}

/** Failures first, so a reviewer sees them without scrolling; otherwise in the order apply ran. */
export function renderApplyMarkdown(outcome: ApplyAccount): string {
  const counts = (status: AppliedSystemStatus) => outcome.changes.filter((c) => c.status === status).length;
  const blocks = [
    `**${counts('applied')} applied · ${counts('skipped')} skipped · ${counts('failed')} failed** · ` +
      `plan checksum \`${outcome.checksum.replace(/`/g, "'")}\``,
  ];
  if (outcome.changes.length === 0 && outcome.notes.length === 0) {
    blocks.push('Nothing to apply: Altinn already matched git.');
  } else if (outcome.changes.length === 0) blocks.push('Nothing was applied.');
  else {
    const rows = outcome.changes
      .map((change, index) => ({ change, index }))
      .sort((a, b) => STATUS_ORDER[a.change.status] - STATUS_ORDER[b.change.status] || a.index - b.index)
      .map(({ change }) => {
        const display = change.name ? pickDisplayName(change.name) : '';
        const name = display === '' ? '' : ` — ${escapeMarkdownText(display)}`;
        const codes = change.codes?.length ? ` (${change.codes.map(escapeMarkdownText).join(', ')})` : '';
        const detail = change.detail ? `${escapeMarkdownText(change.detail)}${codes}` : codes.trim();
        return `| ${STATUS_LABEL[change.status]} | ${change.action} | <code>${escapeHtmlText(change.systemId)}</code>${name} | ${detail} |`;
      });
    blocks.push(['| Result | Action | System | Detail |', '|---|---|---|---|', ...rows].join('\n'));
  }
  if (outcome.notes.length > 0) {
    blocks.push(`> [!WARNING]\n${outcome.notes.map((note) => `> - ${escapeMarkdownText(note)}`).join('\n')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** What was written: applied changes by action. Blocked changes are never written. */
export function countAppliedSystems(changes: readonly AppliedSystem[]): ReportedCounts {
  const applied = (action: ChangeAction) =>
    changes.filter((c) => c.action === action && c.status === 'applied').length;
  const creates = applied('create');
  const updates = applied('update');
  const deletes = applied('delete');
  return {
    creates,
    updates,
    deletes,
    blocked: changes.filter((c) => c.action === 'blocked').length,
    unmanaged: 0,
    changes: creates + updates + deletes,
  };
}

const SKIP_REASONS: Record<SkipReason, string> = {
  blocked: 'Blocked by the plan.',
  'dependency-not-applied': 'Waits for a change that was not applied.',
  'not-in-reviewed-plan': 'Not in the reviewed plan.',
  aborted: 'Stopped before it ran.',
};

/** What the apply command did, as the pull request should read it. */
export function describeApplyRun(run: ApplyRun): ApplyAccount {
  const names = new Map(run.plan.changes.map((change) => [change.systemId, change.name]));
  const changes = (run.report?.results ?? []).map((result): AppliedSystem => {
    const name = names.get(result.systemId);
    const detail = describeResultDetail(result);
    return {
      systemId: result.systemId,
      action: result.action,
      status: result.outcome,
      ...(name ? { name } : {}),
      ...(detail ? { detail } : {}),
      ...(result.codes?.length ? { codes: result.codes } : {}),
    };
  });
  const notes: string[] = [];
  if (run.status === 'stale-plan') {
    notes.push(
      `Nothing applied: the plan changed since review (reviewed ${run.reviewedChecksum ?? 'unknown'}, now ${run.plan.checksum}). Make a new plan, have it reviewed, and apply that.`,
    );
    for (const difference of run.differences) {
      notes.push(`${difference.systemId}: reviewed ${difference.reviewed}; now ${difference.now}.`);
    }
  }
  if (run.status === 'cancelled')
    notes.push('Nothing applied: the question before applying was not answered yes.');
  if (run.status === 'refused') notes.push(...run.refusal.map((reason) => `Nothing applied: ${reason}`));
  if (run.verificationError) notes.push(run.verificationError);
  for (const remaining of run.verification?.remaining ?? []) {
    notes.push(`Not verified: ${remaining.systemId} still needs ${remaining.action}. ${remaining.why}`);
  }
  return {
    environment: run.environment,
    checksum: run.report?.checksum ?? run.plan.checksum,
    changes,
    ok: run.exitCode === 0,
    notes,
  };
}

function describeResultDetail(result: SystemApplyResult): string | undefined {
  if (result.outcome === 'skipped') {
    const why = result.reason ? SKIP_REASONS[result.reason] : 'Skipped.';
    return result.message ? `${why} ${result.message}` : why;
  }
  if (result.outcome === 'failed') {
    const status =
      result.status === null || result.status === undefined ? 'no answer' : `HTTP ${result.status}`;
    return `${status}: ${result.message ?? 'no detail'}`;
  }
  return result.message;
}
