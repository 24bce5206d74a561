import { describe, expect, it } from 'vitest';
import { createDriftReport } from '../../src/plan/drift.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { PlanInput } from '../../src/plan/plan-types.ts';
import { parsePlanJson, renderPlanJson } from '../../src/plan/render-json.ts';
import {
  escapeMarkdownText,
  renderDriftMarkdown,
  renderPlanMarkdown,
  renderPlanSummaryMarkdown,
} from '../../src/plan/render-markdown.ts';
import { renderPlanText } from '../../src/plan/render-text.ts';
import type { LiveLookup } from '../../src/model/live-state.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

function planManyChanges(count: number): PlanInput {
  const systems: Record<string, LiveLookup> = {};
  const desired = [];
  for (let index = 0; index < count; index += 1) {
    const spec = buildSpec(`system${String(index).padStart(4, '0')}`);
    desired.push(buildDesired({ ...spec, name: { ...spec.name, en: `Renamed ${index}` } }));
    if (index % 2 === 0) systems[spec.id] = found(storeAsAltinn(spec));
  }
  return {
    desired,
    live: buildLiveState(systems),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
    commit: 'abc',
  };
}

describe('Markdown size budget', () => {
  it('keeps 1,000 changed systems under 65,000 characters and points to the full plan', () => {
    const plan = createPlan(planManyChanges(1000));
    expect(plan.counts.changes).toBe(1000);
    const markdown = renderPlanMarkdown(plan, { fullPlanHint: 'the job summary and the plan.json artifact' });
    expect(markdown.length).toBeLessThan(65_000);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toContain(
      'The full plan is in the job summary and the plan&#46;json artifact.'.replace('&#46;', '.'),
    );
    expect(markdown).toContain('**500 to create · 500 to update');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ➕') || line.startsWith('| ✏️'));
    const more = /…and (\d+) more changes, not listed here\./.exec(markdown);
    expect(rows.length + Number(more?.[1] ?? 0)).toBe(1000);
    expect(markdown).toContain(plan.checksum);
    expect(markdown).not.toContain('<details');
    expect(markdown).toContain('|---|---|---|\n| ');
  });

  it('renders the summary on request, for callers that keep the full plan elsewhere', () => {
    const plan = createPlan(planManyChanges(3));
    const summary = renderPlanSummaryMarkdown(plan, { fullPlanHint: 'the job summary' });
    expect(summary).toContain('The full plan is in the job summary.');
    expect(summary).toContain('|---|---|---|\n| ➕ create | <code>991825827&#95;system0001</code> | — |');
    expect(summary).not.toContain('<details');
  });

  it('keeps the full rendering when it fits, and degrades at any budget', () => {
    const plan = createPlan(planManyChanges(20));
    const full = renderPlanMarkdown(plan);
    expect(full).toContain('<details>');
    expect(full).not.toContain('too long');
    for (const maxLength of [2_000, 4_000, 8_000]) {
      const cut = renderPlanMarkdown(plan, { maxLength });
      expect(cut.length).toBeLessThanOrEqual(maxLength);
      expect(cut).toContain('Run `sysreg plan` for the full plan.');
      expect(cut).not.toContain('<details>');
    }
  });

  it('degrades drift the same way', () => {
    const input = planManyChanges(1000);
    const report = createDriftReport(input);
    const markdown = renderDriftMarkdown(report, { fullPlanHint: 'the drift.json artifact' });
    expect(report.counts.total).toBe(1000);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toContain('The full report is in the drift.json artifact');
    // The table's rows follow its head directly, or GitHub would not render it as a table.
    expect(markdown).toContain('|---|---|\n| ');
  });
});

describe('escaping user text', () => {
  const hostile =
    'Evil **bold** <img src=x onerror=alert(1)> [link](https://evil.example) @someone `code` | # ~~s~~';

  it('renders a hostile system name inert in Markdown', () => {
    const spec = buildSpec('evil', {
      name: { nb: hostile, nn: hostile, en: hostile },
      clientId: ['@admin <script>'],
    });
    const markdown = renderPlanMarkdown(createPlan({ ...planManyChanges(0), desired: [buildDesired(spec)] }));
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toContain('**bold**');
    expect(markdown).not.toContain('[link](');
    expect(markdown).not.toMatch(/@someone|@admin/);
    expect(markdown).toContain('@\u200dsomeone');
    expect(markdown).toContain('@\u200dadmin');
    expect(markdown).not.toContain('`code`');
    expect(markdown).toContain('&#60;img');
  });

  it('escapes every Markdown and HTML metacharacter and line break', () => {
    const escaped = escapeMarkdownText('a*b_c<d>e[f](g)#h!i|j~k&l`m\\n"o\'p\nq@r');
    expect(escaped.replace(/&#\d+;/g, '')).not.toMatch(/[*_<>[\]()#!|~`\\"'\n]/);
    expect(escaped).toContain('@\u200dr');
    expect(escaped.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))).toBe(
      'a*b_c<d>e[f](g)#h!i|j~k&l`m\\n"o\'p q@\u200dr',
    );
  });

  it('shows terminal control characters in text as escapes', () => {
    const spec = buildSpec('ansi', { name: { nb: 'x', nn: 'x', en: '\u001b[31mred\u001b[0m' } });
    const text = renderPlanText(createPlan({ ...planManyChanges(0), desired: [buildDesired(spec)] }), {
      color: false,
    });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[31mred');
  });
});

describe('text colour', () => {
  const plan = createPlan(planManyChanges(2));

  it('uses ANSI colour only when asked', () => {
    expect(renderPlanText(plan, { color: true })).toContain('\u001b[32m+ create');
    expect(renderPlanText(plan, { color: false })).not.toContain('\u001b');
  });
});

describe('plan JSON', () => {
  const plan = createPlan(planManyChanges(4));

  it('reads back a plan it wrote', () => {
    const parsed = parsePlanJson(renderPlanJson(plan));
    expect(parsed).toEqual({ ok: true, plan: JSON.parse(renderPlanJson(plan)) });
  });

  it('refuses a plan edited after it was made, and another format version', () => {
    const edited = JSON.parse(renderPlanJson(plan));
    edited.changes[0].request.isVisible = false;
    const tampered = parsePlanJson(JSON.stringify(edited));
    expect(tampered.ok).toBe(false);
    expect(!tampered.ok && tampered.message).toMatch(/do not match its checksum/);
    const future = parsePlanJson(JSON.stringify({ ...JSON.parse(renderPlanJson(plan)), formatVersion: 2 }));
    expect(!future.ok && future.message).toMatch(/format version 2/);
    expect(parsePlanJson('{').ok).toBe(false);
  });

  it('keeps file positions out of the checksum', () => {
    const input = planManyChanges(4);
    const moved = {
      ...input,
      desired: input.desired.map((system) => ({
        ...system,
        fieldPositions: { id: { line: 40, column: 3 }, name: { line: 41, column: 3 } },
      })),
    };
    const before = createPlan(input);
    const after = createPlan(moved);
    expect(after.checksum).toBe(before.checksum);
    expect(after.locations).not.toEqual(before.locations);
    expect(after.locations.find((a) => a.field === 'name')?.line).toBe(41);
  });
});
