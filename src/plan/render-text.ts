/**
 * Plans and drift reports for a terminal. Colour only when the caller asks (it knows about TTYs and
 * NO_COLOR); user text is quoted or has its control characters escaped, so a name cannot move the
 * cursor or recolour the terminal.
 */
import { describeFieldChange, formatValue, pickDisplayName } from './describe-field-change.ts';
import { describeDeleteCost } from './describe-delete-cost.ts';
import { describeSwapWrites } from './describe-swap-writes.ts';
import type { DiffSign } from './describe-field-change.ts';
import type { FieldChange } from '../model/diff.ts';
import type { DriftItem, DriftKind, DriftReport } from './drift.ts';
import {
  describeDriftHistory,
  HISTORY_HEADING,
  HISTORY_ONLY_SYSREG,
  HISTORY_UNREADABLE,
} from './describe-drift-history.ts';
import { createPaint, type Paint, type Style } from './paint.ts';
import type { ChangeAction, Plan, PlannedChange } from './plan-types.ts';
import { escapeTerminalText } from '../systems/terminal-text.ts';

export interface TextRenderOptions {
  color: boolean;
  /** The files differ from the commit named in the header. */
  uncommittedChanges?: boolean;
  /** Set by apply: what this run is allowed, so the hints name only what is still missing. */
  permissions?: { allowDelete: boolean; force: boolean };
}

const ACTION_LOOK: Record<ChangeAction, { symbol: string; style: Style }> = {
  create: { symbol: '+', style: 'green' },
  update: { symbol: '~', style: 'yellow' },
  delete: { symbol: '-', style: 'red' },
  blocked: { symbol: '!', style: 'magenta' },
};

const SIGN_STYLE: Record<DiffSign, Style> = { '+': 'green', '-': 'red', '~': 'yellow' };

export const DELETE_COST =
  'Deleting burns the id forever (it can never be created again), and the system users of the system stop working.';

export function renderPlanText(plan: Plan, options: TextRenderOptions): string {
  const paint = createPaint(options.color);
  const lines: string[] = [];
  const commit = describeCommit(plan.commit, options);
  lines.push(paint('bold', `sysreg plan for ${escapeTerminalText(plan.environment)}${commit}`));
  lines.push(summarisePlanCounts(plan));
  // The same glyph reads the other way in drift (git → Altinn), so each output says how it reads.
  if (plan.counts.update > 0) {
    lines.push(
      paint('dim', 'Updates read Altinn → git: left or - is Altinn now, right or + is what apply writes.'),
    );
  }
  lines.push('');
  for (const change of plan.changes) lines.push(...renderChange(change, paint), '');
  for (const system of plan.unmanaged) {
    lines.push(
      `${paint('cyan', '?')} unmanaged ${paint('bold', escapeTerminalText(system.systemId))} ${formatName(system.name)}`,
      paint(
        'dim',
        '    No file describes it; left alone. Turn on prune to delete it, or import it into git.',
      ),
      '',
    );
  }
  const tombstones = plan.unchanged.filter((system) => system.note !== 'in-sync');
  for (const system of tombstones) {
    const note = system.note === 'already-deleted' ? 'already deleted' : 'never created; nothing to delete';
    lines.push(`${paint('dim', '=')} tombstone ${escapeTerminalText(system.systemId)}: ${note}`);
  }
  if (tombstones.length > 0) lines.push('');
  if (plan.counts.changes === 0) lines.push('No changes. Altinn matches git.', '');
  if (!plan.safety.safe) {
    lines.push(paint('red', paint('bold', 'Unsafe plan:')));
    for (const reason of plan.safety.reasons) lines.push(paint('red', `  ${reason}`));
    if (!options.permissions?.force) lines.push('  Apply needs --force to go ahead.');
    lines.push('');
  }
  if (plan.counts.delete > 0 && !options.permissions?.allowDelete)
    lines.push(paint('red', 'Apply needs --allow-delete to delete systems.'), '');
  lines.push(paint('dim', `Checksum ${plan.checksum}`));
  return `${lines.join('\n')}\n`;
}

function renderChange(change: PlannedChange, paint: Paint): string[] {
  const look = ACTION_LOOK[change.action];
  const file = change.file ? paint('dim', ` (${escapeTerminalText(change.file)})`) : '';
  const reason = change.blocked ? ` [${change.blocked.reason}]` : '';
  const lines = [
    `${paint(look.style, `${look.symbol} ${change.action}${reason}`)} ${paint('bold', escapeTerminalText(change.systemId))} ${formatName(change.name)}${file}`,
  ];
  lines.push(...renderFields(change.fields, paint));
  if (change.action === 'delete') {
    if (change.deleteCause === 'prune')
      lines.push(paint('red', '    No file describes it, and prune is on.'));
    lines.push(paint('red', `    ${DELETE_COST}`));
    const cost = describeDeleteCost(change);
    if (cost) lines.push(paint('red', `    ${escapeTerminalText(cost)}`));
  }
  if (change.blocked) lines.push(paint('magenta', `    ${escapeTerminalText(change.blocked.message)}`));
  if (change.releasesClientIds && change.releasesClientIds.length > 0 && change.action === 'delete') {
    lines.push(
      paint('dim', `    Releases client ids ${change.releasesClientIds.map(formatValue).join(', ')}`),
    );
  }
  const swap = describeSwapWrites(change);
  if (swap) lines.push(paint('dim', `    ${escapeTerminalText(swap)}`));
  else if (change.dependsOn.length > 0 && change.action !== 'delete') {
    lines.push(paint('dim', `    After ${change.dependsOn.map(escapeTerminalText).join(', ')}`));
  }
  return lines;
}

function renderFields(fields: readonly FieldChange[], paint: Paint): string[] {
  return fields.flatMap((field) =>
    describeFieldChange(field).map(
      (line) => `    ${paint(SIGN_STYLE[line.sign], `${line.sign} ${escapeTerminalText(line.text)}`)}`,
    ),
  );
}

export function summarisePlanCounts(plan: Plan): string {
  const { counts } = plan;
  return (
    `${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.blocked} blocked; ` +
    `${counts.noop} unchanged, ${counts.unmanaged} unmanaged.`
  );
}

const DRIFT_LOOK: Record<DriftKind, { label: string; style: Style }> = {
  'changed-outside-git': { label: 'changed outside git', style: 'yellow' },
  'missing-in-altinn': { label: 'missing in Altinn', style: 'red' },
  'deleted-in-altinn': { label: 'deleted in Altinn', style: 'red' },
  'unmanaged-in-altinn': { label: 'unmanaged in Altinn', style: 'cyan' },
};

export function renderDriftText(report: DriftReport, options: TextRenderOptions): string {
  const paint = createPaint(options.color);
  const commit = describeCommit(report.commit, options);
  const lines = [paint('bold', `sysreg drift for ${escapeTerminalText(report.environment)}${commit}`)];
  lines.push(summariseDriftCounts(report));
  if (report.counts.total > 0)
    lines.push(paint('dim', 'Diffs read git → Altinn: left or - is git, right or + is Altinn.'));
  lines.push('');
  for (const item of report.items) {
    const look = DRIFT_LOOK[item.kind];
    const file = item.file ? paint('dim', ` (${escapeTerminalText(item.file)})`) : '';
    lines.push(
      `${paint(look.style, look.label)} ${paint('bold', escapeTerminalText(item.systemId))} ${formatName(item.name)}${file}`,
    );
    lines.push(paint('dim', `    ${escapeTerminalText(item.detail)}`));
    lines.push(...renderDriftHistory(item, paint));
    // Drift reads git → live: `-` is what git says, `+` what Altinn has.
    lines.push(...renderFields(item.fields, paint), '');
  }
  if (report.counts.total === 0) lines.push('No drift. Altinn matches git.', '');
  lines.push(paint('dim', `Checksum ${report.checksum}`));
  return `${lines.join('\n')}\n`;
}

function renderDriftHistory(item: DriftItem, paint: Paint): string[] {
  const history = describeDriftHistory(item);
  if (history.kind === 'none') return [];
  if (history.kind === 'unreadable')
    return [paint('magenta', `    ${HISTORY_UNREADABLE} (${escapeTerminalText(history.reason)}).`)];
  if (history.kind === 'only-sysreg') return [paint('dim', `    ${HISTORY_ONLY_SYSREG}`)];
  return [
    `    ${HISTORY_HEADING}`,
    ...history.lines.map((line) =>
      paint(
        'magenta',
        `      ${line.time}  ${escapeTerminalText(line.changeType)}  by org ${escapeTerminalText(line.orgNumber)}  through client ${escapeTerminalText(line.clientId)}`,
      ),
    ),
  ];
}

/** ` at <commit>`, and ` + uncommitted changes` when the files were edited since. */
function describeCommit(commit: string | null, options: TextRenderOptions): string {
  if (!commit) return options.uncommittedChanges ? ' (uncommitted changes)' : '';
  return ` at ${escapeTerminalText(commit)}${options.uncommittedChanges ? ' + uncommitted changes' : ''}`;
}

export function summariseDriftCounts(report: DriftReport): string {
  const { counts } = report;
  return (
    `${counts.changedOutsideGit} changed outside git, ${counts.missingInAltinn} missing in Altinn, ` +
    `${counts.deletedInAltinn} deleted in Altinn, ${counts.unmanagedInAltinn} unmanaged in Altinn.`
  );
}

function formatName(name: Record<string, string>): string {
  const display = pickDisplayName(name);
  return display === '' ? '' : formatValue(display);
}
