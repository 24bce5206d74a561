import {
  HISTORY_HEADING,
  HISTORY_ONLY_SYSREG,
  HISTORY_UNREADABLE,
  describeDeleteCost,
  describeDriftHistory,
  describeFieldChange,
  describeSwapWrites,
  pickDisplayName
} from "./chunk-OXRKPH2W.js";

// src/plan/render-markdown.ts
var DEFAULT_MARKDOWN_MAX_LENGTH = 6e4;
var ACTION_HEADING = {
  create: "\u2795 create",
  update: "\u270F\uFE0F update",
  delete: "\u{1F5D1}\uFE0F <b>delete</b>",
  blocked: "\u26D4 <b>blocked</b>"
};
var DELETE_COST_MARKDOWN = "A deleted system id is **burned forever**: it can never be created again. The system users of a deleted system **stop working**.";
function renderPlanMarkdown(plan, options = {}) {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const head = renderPlanHead(plan);
  const sections = plan.changes.map(renderChangeSection);
  const unmanaged = renderUnmanagedSection(plan);
  const full = joinBlocks([head, ...sections, unmanaged, renderTombstoneNotes(plan), renderPlanFoot(plan)]);
  if (full.length <= maxLength) return full;
  return renderPlanSummary(plan, head, maxLength, options.fullPlanHint);
}
function renderPlanSummaryMarkdown(plan, options = {}) {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  return renderPlanSummary(plan, renderPlanHead(plan), maxLength, options.fullPlanHint);
}
function renderPlanHead(plan) {
  const { counts } = plan;
  const blocks = [];
  blocks.push(`### sysreg plan for \`${escapeCode(plan.environment)}\``);
  blocks.push(
    `**${counts.create} to create \xB7 ${counts.update} to update \xB7 ${counts.delete} to delete \xB7 ${counts.blocked} blocked** \xB7 ${counts.noop} unchanged \xB7 ${counts.unmanaged} unmanaged (not touched)`
  );
  if (counts.changes === 0) blocks.push("No changes: Altinn matches git.");
  if (counts.delete > 0) {
    const systems = counts.delete === 1 ? "1 system" : `${counts.delete} systems`;
    blocks.push(
      `> [!CAUTION]
> **This plan deletes ${systems}.** ${DELETE_COST_MARKDOWN} Apply needs \`--allow-delete\`.`
    );
  }
  if (counts.blocked > 0) {
    const systems = counts.blocked === 1 ? "1 system is" : `${counts.blocked} systems are`;
    blocks.push(
      `> [!WARNING]
> **${systems} blocked** and will not be applied; see each one below for why.`
    );
  }
  if (!plan.safety.safe) {
    const reasons = plan.safety.reasons.map((reason) => `> - ${reason}`).join("\n");
    blocks.push(`> [!WARNING]
> **Unsafe plan.** To go ahead, apply with \`--force\`.
${reasons}`);
  }
  return joinBlocks(blocks);
}
function renderPlanFoot(plan) {
  const commit = plan.commit ? `Commit \`${escapeCode(plan.commit)}\` \xB7 ` : "";
  return `<sub>${commit}checksum \`${escapeCode(plan.checksum)}\`</sub>`;
}
function renderChangeSection(change) {
  const open = change.action === "delete" || change.action === "blocked" ? " open" : "";
  const lines = [];
  for (const field of change.fields) lines.push(...renderFieldLines(field));
  const notes = [];
  if (change.file) notes.push(`File: \`${escapeCode(change.file)}\``);
  if (change.action === "delete") {
    if (change.deleteCause === "prune") notes.push("No file describes this system, and prune is on.");
    notes.push(`\u26A0\uFE0F ${DELETE_COST_MARKDOWN}`);
    const cost = describeDeleteCost(change);
    if (cost) notes.push(`**${escapeMarkdownText(cost)}**`);
  }
  if (change.blocked) notes.push(`**${escapeMarkdownText(change.blocked.message)}**`);
  const swap = describeSwapWrites(change);
  if (swap) notes.push(escapeMarkdownText(swap));
  else if (change.dependsOn.length > 0 && change.action !== "delete") {
    notes.push(`Runs after ${change.dependsOn.map((id) => `\`${escapeCode(id)}\``).join(", ")}.`);
  }
  const summary = `${ACTION_HEADING[change.action]}${change.blocked ? ` (${change.blocked.reason})` : ""} <code>${escapeHtmlText(change.systemId)}</code>${formatNameSuffix(change.name)}`;
  const body = [notes.join("<br>\n")];
  if (lines.length > 0) body.push(`<pre>
${lines.join("\n")}
</pre>`);
  return `<details${open}><summary>${summary}</summary>

${joinBlocks(body).trimEnd()}

</details>`;
}
function renderFieldLines(field) {
  return describeFieldChange(field).map((line) => `${line.sign} ${escapeHtmlText(line.text)}`);
}
function renderUnmanagedSection(plan) {
  if (plan.unmanaged.length === 0) return "";
  const items = plan.unmanaged.map(
    (system) => `- <code>${escapeHtmlText(system.systemId)}</code>${formatNameSuffix(system.name)}`
  );
  return `<details><summary>\u2754 ${plan.unmanaged.length} unmanaged (in Altinn, in no file; left alone)</summary>

${items.join("\n")}

Turn on prune to delete them, or import them into git.

</details>`;
}
function renderTombstoneNotes(plan) {
  const notes = plan.unchanged.filter((system) => system.note !== "in-sync").map(
    (system) => `<code>${escapeHtmlText(system.systemId)}</code> (${system.note === "already-deleted" ? "already deleted" : "never created"})`
  );
  return notes.length === 0 ? "" : `Tombstones with nothing to do: ${notes.join(", ")}.`;
}
var SUMMARY_ORDER = { blocked: 0, delete: 1, create: 2, update: 3 };
function renderPlanSummary(plan, head, maxLength, fullPlanHint) {
  const where = fullPlanHint ? `The full plan is in ${escapeMarkdownText(fullPlanHint)}.` : "Run `sysreg plan` for the full plan.";
  const intro = `> [!NOTE]
> This plan is too long to show in full here, so each system has one line below. ${where}`;
  const rows = [...plan.changes].sort((a, b) => SUMMARY_ORDER[a.action] - SUMMARY_ORDER[b.action]).map((change) => {
    const fields = change.blocked ? change.blocked.reason : change.action === "create" || change.action === "delete" ? "\u2014" : change.fields.map((field) => field.field).join(", ");
    return `| ${ACTION_HEADING[change.action]} | <code>${escapeHtmlText(change.systemId)}</code> | ${fields} |`;
  });
  const foot = renderPlanFoot(plan);
  const tableHead = "| Action | System | Fields |\n|---|---|---|";
  let text = joinBlocks([head, intro, tableHead]).trimEnd();
  let shown = 0;
  for (const row of rows) {
    const remaining = rows.length - shown - 1;
    const reserve = remaining > 0 ? 80 : 0;
    if (text.length + row.length + 1 + reserve + foot.length + 4 > maxLength) break;
    text += `
${row}`;
    shown += 1;
  }
  if (shown < rows.length) text += `

\u2026and ${rows.length - shown} more changes, not listed here.`;
  return `${text}

${foot}
`;
}
var DRIFT_HEADING = {
  "changed-outside-git": "\u270F\uFE0F changed outside git",
  "missing-in-altinn": "\u2753 <b>missing in Altinn</b>",
  "deleted-in-altinn": "\u{1F5D1}\uFE0F <b>deleted in Altinn</b>",
  "unmanaged-in-altinn": "\u2754 unmanaged in Altinn"
};
function renderDriftMarkdown(report, options = {}) {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const { counts } = report;
  const head = joinBlocks([
    `### sysreg drift for \`${escapeCode(report.environment)}\``,
    `**${counts.changedOutsideGit} changed outside git \xB7 ${counts.missingInAltinn} missing in Altinn \xB7 ${counts.deletedInAltinn} deleted in Altinn \xB7 ${counts.unmanagedInAltinn} unmanaged in Altinn**`,
    counts.total === 0 ? "No drift: Altinn matches git." : "Diffs read git \u2192 Altinn: `-`/left is what git says, `+`/right what Altinn has. Run `sysreg apply` to put Altinn back to git, or change the files to accept what Altinn has."
  ]);
  const foot = `<sub>${report.commit ? `Commit \`${escapeCode(report.commit)}\` \xB7 ` : ""}checksum \`${escapeCode(report.checksum)}\`</sub>`;
  const sections = report.items.map((item) => {
    const lines = item.fields.flatMap(renderFieldLines);
    const file = item.file ? `File: \`${escapeCode(item.file)}\`<br>
` : "";
    const body = `${file}${escapeMarkdownText(item.detail)}${renderDriftHistory(item)}${lines.length > 0 ? `

<pre>
${lines.join("\n")}
</pre>` : ""}`;
    return `<details><summary>${DRIFT_HEADING[item.kind]} <code>${escapeHtmlText(item.systemId)}</code>${formatNameSuffix(item.name)}</summary>

${body}

</details>`;
  });
  const full = joinBlocks([head, ...sections, foot]);
  if (full.length <= maxLength) return full;
  const where = options.fullPlanHint ? `The full report is in ${escapeMarkdownText(options.fullPlanHint)}.` : "Run `sysreg drift` for the full report.";
  let text = joinBlocks([
    head,
    `> [!NOTE]
> Too much drift to show in full. ${where}`,
    "| Drift | System |\n|---|---|"
  ]).trimEnd();
  let shown = 0;
  for (const item of report.items) {
    const row = `| ${DRIFT_HEADING[item.kind]} | <code>${escapeHtmlText(item.systemId)}</code> |`;
    if (text.length + row.length + 1 + 80 + foot.length > maxLength) break;
    text += `
${row}`;
    shown += 1;
  }
  if (shown < report.items.length) text += `

\u2026and ${report.items.length - shown} more, not listed here.`;
  return `${text}

${foot}
`;
}
function renderDriftHistory(item) {
  const history = describeDriftHistory(item);
  if (history.kind === "none") return "";
  if (history.kind === "unreadable")
    return `<br>
${escapeMarkdownText(`${HISTORY_UNREADABLE} (${history.reason}).`)}`;
  if (history.kind === "only-sysreg") return `<br>
${escapeMarkdownText(HISTORY_ONLY_SYSREG)}`;
  const cell = (text) => `<code>${escapeHtmlText(text)}</code>`;
  const rows = history.lines.map(
    (line) => `| ${escapeMarkdownText(line.time)} | ${cell(line.changeType)} | ${cell(line.orgNumber)} | ${cell(line.clientId)} |`
  );
  return `

**${escapeMarkdownText(HISTORY_HEADING)}**

| When | Change | By org | Through client |
|---|---|---|---|
${rows.join("\n")}`;
}
function formatNameSuffix(name) {
  const display = pickDisplayName(name);
  return display === "" ? "" : ` \u2014 ${escapeMarkdownText(display)}`;
}
function joinBlocks(blocks) {
  const trimmed = blocks.map((block) => block.replace(/\n+$/, "")).filter((block) => block !== "");
  return `${trimmed.join("\n\n")}
`;
}
var ZERO_WIDTH_JOINER = "\u200D";
function escapeMarkdownText(text) {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/[\\`*_{}[\]()<>#!|~&"':$]/g, (character) => `&#${character.charCodeAt(0)};`).replace(/@/g, `@${ZERO_WIDTH_JOINER}`);
}
function escapeHtmlText(text) {
  return text.split("\n").map((line) => escapeMarkdownText(line)).join("\n");
}
function escapeCode(text) {
  return text.replace(/[`\r\n]/g, "'");
}

export {
  renderPlanMarkdown,
  renderPlanSummaryMarkdown,
  renderDriftMarkdown,
  escapeMarkdownText,
  escapeHtmlText
};
