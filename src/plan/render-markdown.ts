/**
 * Plans and drift reports as GitHub Markdown: headline counts, warnings that stand out, then one
 * `<details>` per system. Every piece of user text goes through `escapeMarkdownText` (inline) or
 * `escapeHtmlText` (inside `<pre>`, which CommonMark leaves unparsed up to `</pre>`), so a system name
 * cannot inject Markdown, HTML or @-mentions. Past a size budget the plan degrades to a summary table
 * that says where the full plan is.
 */
import { describeFieldChange, pickDisplayName } from './describe-field-change.ts';
import { describeDeleteCost } from './describe-delete-cost.ts';
import { describeSwapWrites } from './describe-swap-writes.ts';
import type { FieldChange } from '../model/diff.ts';
import type { DriftItem, DriftKind, DriftReport } from './drift.ts';
import {
  describeDriftHistory,
  HISTORY_HEADING,
  HISTORY_ONLY_SYSREG,
  HISTORY_UNREADABLE,
} from './describe-drift-history.ts';
import type { ChangeAction, Plan, PlannedChange } from './plan-types.ts';

export interface MarkdownRenderOptions {
  /** Longest output allowed; GitHub refuses comments over 65,536 characters. */
  maxLength?: number;
  /** Where the full plan is when this one is cut down, e.g. "the job summary and the `plan.json` artifact". */
  fullPlanHint?: string;
}

export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;

const ACTION_HEADING: Record<ChangeAction, string> = {
  create: '➕ create',
  update: '✏️ update',
  delete: '🗑️ <b>delete</b>',
  blocked: '⛔ <b>blocked</b>',
};

const DELETE_COST_MARKDOWN =
  'A deleted system id is **burned forever**: it can never be created again. The system users of a deleted system **stop working**.';

export function renderPlanMarkdown(plan: Plan, options: MarkdownRenderOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const head = renderPlanHead(plan);
  const sections = plan.changes.map(renderChangeSection);
  const unmanaged = renderUnmanagedSection(plan);
  const full = joinBlocks([head, ...sections, unmanaged, renderTombstoneNotes(plan), renderPlanFoot(plan)]);
  if (full.length <= maxLength) return full;
  return renderPlanSummary(plan, head, maxLength, options.fullPlanHint);
}

/**
 * Always the cut-down plan (head, warnings, one table row per change while `maxLength` lasts), for
 * callers that keep the full rendering elsewhere, such as the GitHub edge's `summaryMarkdown`.
 */
export function renderPlanSummaryMarkdown(plan: Plan, options: MarkdownRenderOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  return renderPlanSummary(plan, renderPlanHead(plan), maxLength, options.fullPlanHint);
}

function renderPlanHead(plan: Plan): string {
  const { counts } = plan;
  const blocks: string[] = [];
  blocks.push(`### sysreg plan for \`${escapeCode(plan.environment)}\``);
  blocks.push(
    `**${counts.create} to create · ${counts.update} to update · ${counts.delete} to delete · ${counts.blocked} blocked** · ` +
      `${counts.noop} unchanged · ${counts.unmanaged} unmanaged (not touched)`,
  );
  if (counts.changes === 0) blocks.push('No changes: Altinn matches git.');
  if (counts.delete > 0) {
    const systems = counts.delete === 1 ? '1 system' : `${counts.delete} systems`;
    blocks.push(
      `> [!CAUTION]\n> **This plan deletes ${systems}.** ${DELETE_COST_MARKDOWN} Apply needs \`--allow-delete\`.`,
    );
  }
  if (counts.blocked > 0) {
    const systems = counts.blocked === 1 ? '1 system is' : `${counts.blocked} systems are`;
    blocks.push(
      `> [!WARNING]\n> **${systems} blocked** and will not be applied; see each one below for why.`,
    );
  }
  if (!plan.safety.safe) {
    const reasons = plan.safety.reasons.map((reason) => `> - ${reason}`).join('\n');
    blocks.push(`> [!WARNING]\n> **Unsafe plan.** To go ahead, apply with \`--force\`.\n${reasons}`);
  }
  return joinBlocks(blocks);
}

function renderPlanFoot(plan: Plan): string {
  const commit = plan.commit ? `Commit \`${escapeCode(plan.commit)}\` · ` : '';
  return `<sub>${commit}checksum \`${escapeCode(plan.checksum)}\`</sub>`;
}

function renderChangeSection(change: PlannedChange): string {
  const open = change.action === 'delete' || change.action === 'blocked' ? ' open' : '';
  const lines: string[] = [];
  for (const field of change.fields) lines.push(...renderFieldLines(field));
  const notes: string[] = [];
  if (change.file) notes.push(`File: \`${escapeCode(change.file)}\``);
  if (change.action === 'delete') {
    if (change.deleteCause === 'prune') notes.push('No file describes this system, and prune is on.');
    notes.push(`⚠️ ${DELETE_COST_MARKDOWN}`);
    const cost = describeDeleteCost(change);
    if (cost) notes.push(`**${escapeMarkdownText(cost)}**`);
  }
  if (change.blocked) notes.push(`**${escapeMarkdownText(change.blocked.message)}**`);
  const swap = describeSwapWrites(change);
  if (swap) notes.push(escapeMarkdownText(swap));
  else if (change.dependsOn.length > 0 && change.action !== 'delete') {
    notes.push(`Runs after ${change.dependsOn.map((id) => `\`${escapeCode(id)}\``).join(', ')}.`);
  }
  const summary = `${ACTION_HEADING[change.action]}${change.blocked ? ` (${change.blocked.reason})` : ''} <code>${escapeHtmlText(change.systemId)}</code>${formatNameSuffix(change.name)}`;
  const body = [notes.join('<br>\n')];
  if (lines.length > 0) body.push(`<pre>\n${lines.join('\n')}\n</pre>`);
  return `<details${open}><summary>${summary}</summary>\n\n${joinBlocks(body).trimEnd()}\n\n</details>`;
}

function renderFieldLines(field: FieldChange): string[] {
  return describeFieldChange(field).map((line) => `${line.sign} ${escapeHtmlText(line.text)}`);
}

function renderUnmanagedSection(plan: Plan): string {
  if (plan.unmanaged.length === 0) return '';
  const items = plan.unmanaged.map(
    (system) => `- <code>${escapeHtmlText(system.systemId)}</code>${formatNameSuffix(system.name)}`,
  );
  return (
    `<details><summary>❔ ${plan.unmanaged.length} unmanaged (in Altinn, in no file; left alone)</summary>\n\n` +
    `${items.join('\n')}\n\nTurn on prune to delete them, or import them into git.\n\n</details>`
  );
}

/** Tombstones with nothing left to do, so reviewers see they were read. */
function renderTombstoneNotes(plan: Plan): string {
  const notes = plan.unchanged
    .filter((system) => system.note !== 'in-sync')
    .map(
      (system) =>
        `<code>${escapeHtmlText(system.systemId)}</code> (${system.note === 'already-deleted' ? 'already deleted' : 'never created'})`,
    );
  return notes.length === 0 ? '' : `Tombstones with nothing to do: ${notes.join(', ')}.`;
}

const SUMMARY_ORDER: Record<ChangeAction, number> = { blocked: 0, delete: 1, create: 2, update: 3 };

/** The cut-down plan: head, where the rest is, then one table row per change while the budget lasts. */
function renderPlanSummary(plan: Plan, head: string, maxLength: number, fullPlanHint?: string): string {
  const where = fullPlanHint
    ? `The full plan is in ${escapeMarkdownText(fullPlanHint)}.`
    : 'Run `sysreg plan` for the full plan.';
  const intro = `> [!NOTE]\n> This plan is too long to show in full here, so each system has one line below. ${where}`;
  const rows = [...plan.changes]
    .sort((a, b) => SUMMARY_ORDER[a.action] - SUMMARY_ORDER[b.action])
    .map((change) => {
      const fields = change.blocked
        ? change.blocked.reason
        : change.action === 'create' || change.action === 'delete'
          ? '—'
          : change.fields.map((field) => field.field).join(', ');
      return `| ${ACTION_HEADING[change.action]} | <code>${escapeHtmlText(change.systemId)}</code> | ${fields} |`;
    });
  const foot = renderPlanFoot(plan);
  const tableHead = '| Action | System | Fields |\n|---|---|---|';
  let text = joinBlocks([head, intro, tableHead]).trimEnd();
  let shown = 0;
  for (const row of rows) {
    const remaining = rows.length - shown - 1;
    const reserve = remaining > 0 ? 80 : 0;
    if (text.length + row.length + 1 + reserve + foot.length + 4 > maxLength) break;
    text += `\n${row}`;
    shown += 1;
  }
  if (shown < rows.length) text += `\n\n…and ${rows.length - shown} more changes, not listed here.`;
  return `${text}\n\n${foot}\n`;
}

const DRIFT_HEADING: Record<DriftKind, string> = {
  'changed-outside-git': '✏️ changed outside git',
  'missing-in-altinn': '❓ <b>missing in Altinn</b>',
  'deleted-in-altinn': '🗑️ <b>deleted in Altinn</b>',
  'unmanaged-in-altinn': '❔ unmanaged in Altinn',
};

export function renderDriftMarkdown(report: DriftReport, options: MarkdownRenderOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const { counts } = report;
  const head = joinBlocks([
    `### sysreg drift for \`${escapeCode(report.environment)}\``,
    `**${counts.changedOutsideGit} changed outside git · ${counts.missingInAltinn} missing in Altinn · ` +
      `${counts.deletedInAltinn} deleted in Altinn · ${counts.unmanagedInAltinn} unmanaged in Altinn**`,
    counts.total === 0
      ? 'No drift: Altinn matches git.'
      : 'Diffs read git → Altinn: `-`/left is what git says, `+`/right what Altinn has. Run `sysreg apply` to put Altinn back to git, or change the files to accept what Altinn has.',
  ]);
  const foot = `<sub>${report.commit ? `Commit \`${escapeCode(report.commit)}\` · ` : ''}checksum \`${escapeCode(report.checksum)}\`</sub>`;
  const sections = report.items.map((item) => {
    const lines = item.fields.flatMap(renderFieldLines);
    const file = item.file ? `File: \`${escapeCode(item.file)}\`<br>\n` : '';
    const body = `${file}${escapeMarkdownText(item.detail)}${renderDriftHistory(item)}${lines.length > 0 ? `\n\n<pre>\n${lines.join('\n')}\n</pre>` : ''}`;
    return `<details><summary>${DRIFT_HEADING[item.kind]} <code>${escapeHtmlText(item.systemId)}</code>${formatNameSuffix(item.name)}</summary>\n\n${body}\n\n</details>`;
  });
  const full = joinBlocks([head, ...sections, foot]);
  if (full.length <= maxLength) return full;
  const where = options.fullPlanHint
    ? `The full report is in ${escapeMarkdownText(options.fullPlanHint)}.`
    : 'Run `sysreg drift` for the full report.';
  let text = joinBlocks([
    head,
    `> [!NOTE]\n> Too much drift to show in full. ${where}`,
    '| Drift | System |\n|---|---|',
  ]).trimEnd();
  let shown = 0;
  for (const item of report.items) {
    const row = `| ${DRIFT_HEADING[item.kind]} | <code>${escapeHtmlText(item.systemId)}</code> |`;
    if (text.length + row.length + 1 + 80 + foot.length > maxLength) break;
    text += `\n${row}`;
    shown += 1;
  }
  if (shown < report.items.length) text += `\n\n…and ${report.items.length - shown} more, not listed here.`;
  return `${text}\n\n${foot}\n`;
}

function renderDriftHistory(item: DriftItem): string {
  const history = describeDriftHistory(item);
  if (history.kind === 'none') return '';
  if (history.kind === 'unreadable')
    return `<br>\n${escapeMarkdownText(`${HISTORY_UNREADABLE} (${history.reason}).`)}`;
  if (history.kind === 'only-sysreg') return `<br>\n${escapeMarkdownText(HISTORY_ONLY_SYSREG)}`;
  // Cells as <code> with every table and Markdown character made inert: a client id is not ours to trust.
  const cell = (text: string) => `<code>${escapeHtmlText(text)}</code>`;
  const rows = history.lines.map(
    (line) =>
      `| ${escapeMarkdownText(line.time)} | ${cell(line.changeType)} | ${cell(line.orgNumber)} | ${cell(line.clientId)} |`,
  );

  return `\n\n**${escapeMarkdownText(HISTORY_HEADING)}**\n\n| When | Change | By org | Through client |\n|---|---|---|---|\n${rows.join('\n')}`;
}

function formatNameSuffix(name: Record<string, string>): string {
  const display = pickDisplayName(name);
  return display === '' ? '' : ` — ${escapeMarkdownText(display)}`;
}

function joinBlocks(blocks: readonly string[]): string {
  const trimmed = blocks.map((block) => block.replace(/\n+$/, '')).filter((block) => block !== '');
  return `${trimmed.join('\n\n')}\n`;
}

const ZERO_WIDTH_JOINER = '\u200d';

/**
 * Inline user text made inert: every character Markdown or HTML could act on becomes a numeric
 * entity (CommonMark never parses an entity as syntax), line breaks become spaces, and `@` is followed
 * by a zero-width joiner so GitHub does not turn `@someone` into a mention.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#!|~&"':$]/g, (character) => `&#${character.charCodeAt(0)};`)
    .replace(/@/g, `@${ZERO_WIDTH_JOINER}`);
}

/**
 * Text inside `<pre>` or `<code>`. CommonMark leaves a `<pre>` block unparsed, but Markdown characters
 * are entity-escaped there too, so no renderer's quirk can act on them; line breaks are kept.
 */
export function escapeHtmlText(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdownText(line))
    .join('\n');
}

/** Text inside a Markdown code span: backticks cannot close it early, line breaks cannot end it. */
function escapeCode(text: string): string {
  return text.replace(/[`\r\n]/g, "'");
}
