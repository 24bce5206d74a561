/**
 * The per-system account of an apply, as the merged pull request shows it. Pure: the apply command
 * hands over what happened to each system; this renders it (every piece of user or Altinn text made
 * inert) and counts it for the facade's outputs.
 */
import { pickDisplayName } from '../plan/describe-field-change.ts';
import type { ChangeAction } from '../plan/plan.ts';
import { escapeHtmlText, escapeMarkdownText } from '../plan/render-markdown.ts';
import type { LanguageMap } from '../systems/model.ts';
import type { ApplyReport, PlanCounts } from './report.ts';

export type AppliedChangeStatus = 'applied' | 'skipped' | 'failed';

/** What apply did to one system. */
export interface AppliedChange {
  systemId: string;
  action: ChangeAction;
  status: AppliedChangeStatus;
  name?: LanguageMap;
  /** Why it was skipped or how it failed, in one sentence. */
  detail?: string;
  /** Altinn's error codes, e.g. `AUTH.VLD-00011`. */
  codes?: string[];
}

/** The whole apply, as the apply command saw it. */
export interface ApplyOutcome {
  environment: string;
  /** The checksum of the plan that was applied. */
  checksum: string;
  changes: AppliedChange[];
  /** True only when everything planned was applied and verified (apply's exit 0). */
  ok: boolean;
  /** Set when the fresh plan after applying was not empty, saying why. */
  verification?: string;
}

const STATUS_LABEL: Record<AppliedChangeStatus, string> = {
  applied: '✅ applied',
  skipped: '⏭️ skipped',
  failed: '❌ <b>failed</b>',
};

const STATUS_ORDER: Record<AppliedChangeStatus, number> = { failed: 0, skipped: 1, applied: 2 };

export function buildApplyReport(outcome: ApplyOutcome): ApplyReport {
  return {
    environment: outcome.environment,
    markdown: renderApplyMarkdown(outcome),
    counts: countAppliedChanges(outcome.changes),
    ok: outcome.ok,
  };
}

/** Failures first, so a reviewer sees them without scrolling; otherwise in the order apply ran. */
export function renderApplyMarkdown(outcome: ApplyOutcome): string {
  const counts = (status: AppliedChangeStatus) => outcome.changes.filter((c) => c.status === status).length;
  const blocks = [
    `**${counts('applied')} applied · ${counts('skipped')} skipped · ${counts('failed')} failed** · ` +
      `plan checksum \`${outcome.checksum.replace(/`/g, "'")}\``,
  ];
  if (outcome.changes.length === 0) blocks.push('Nothing to apply: Altinn already matched git.');
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
  if (outcome.verification) blocks.push(`> [!WARNING]\n> ${escapeMarkdownText(outcome.verification)}`);
  return `${blocks.join('\n\n')}\n`;
}

/** What was written: applied changes by action. Blocked changes are never written. */
export function countAppliedChanges(changes: readonly AppliedChange[]): PlanCounts {
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
