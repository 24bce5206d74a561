/**
 * Turns a computed plan into what the GitHub facade (report.ts) posts: the rendered Markdown, the
 * cut-down summary, the counts, the files behind each change and the annotations on the YAML lines
 * that cause them. Pure: the plan already holds every position.
 */
import type { Plan } from '../plan/plan-types.ts';
import { renderPlanMarkdown, renderPlanSummaryMarkdown } from '../plan/render-markdown.ts';
import type { Annotation } from './annotations.ts';
import type { ReportedCounts, PlannedSystemFile, PlanReport } from './report.ts';

/** The summary must leave room for the comment's header and the unrelated-change warning. */
const SUMMARY_MAX_LENGTH = 40_000;

/**
 * The whole plan goes to the job summary (1 MiB), which the degraded comment points to, so it is
 * rendered against that budget rather than the comment's; characters can take up to 4 bytes, but
 * the plan's are almost all ASCII, and the job summary writer cuts safely past 1 MiB anyway.
 */
const FULL_PLAN_MAX_LENGTH = 900_000;

/** The labels sync.yml reads on the merged pull request: the visible decisions to delete or force. */
export const ALLOW_DELETE_LABEL = 'sysreg:allow-delete';
export const FORCE_LABEL = 'sysreg:force';

export interface BuildPlanReportOptions {
  /** The commit reviewers know: a pull request's head, not the merge commit Actions checks out. */
  commit?: string | undefined;
  /** The plan file the workflow keeps (`plan --out`), cited when the comment has to degrade. */
  planFile?: string | undefined;
}

export function buildPlanReport(computed: Plan, options: BuildPlanReportOptions = {}): PlanReport {
  // One commit throughout the comment: the head reviewers pushed (the checksum does not cover it).
  const plan = options.commit ? { ...computed, commit: options.commit } : computed;
  const planFile = options.planFile;
  const fullHint = planFile ? { fullPlanHint: `the plan file ${planFile}` } : {};
  const summaryHint = {
    fullPlanHint: planFile ? `the job summary and the plan file ${planFile}` : 'the job summary',
  };
  const changedFilesInPlan: PlannedSystemFile[] = plan.changes.flatMap((change) =>
    change.file === null ? [] : [{ file: change.file, systemId: change.systemId }],
  );
  const decisionNote = renderDecisionLabelsNote(plan);
  const annotations = annotatePlanChanges(plan);
  return {
    environment: plan.environment,
    commit: plan.commit ?? 'unknown',
    checksum: plan.checksum,
    markdown: renderPlanMarkdown(plan, { ...fullHint, maxLength: FULL_PLAN_MAX_LENGTH }),
    summaryMarkdown: renderPlanSummaryMarkdown(plan, { ...summaryHint, maxLength: SUMMARY_MAX_LENGTH }),
    counts: countPlanForGitHub(plan),
    changedFilesInPlan,
    annotations,
    ...(planFile ? { planFile } : {}),
    ...(decisionNote ? { decisionNote } : {}),
  };
}

/** One annotation per located change: deletes and blocked changes warn, the rest are notices. */
function annotatePlanChanges(plan: Plan): Annotation[] {
  const changes = new Map(plan.changes.map((change) => [change.systemId, change]));
  const environment = plan.environment;
  return plan.locations.map((location) => {
    const { systemId, action } = location;
    const messages: Record<typeof action, () => string> = {
      create: () => `${systemId} will be created in ${environment}.`,
      update: () => `${location.field} changes in ${environment}.`,
      delete: () => `${systemId} will be deleted in ${environment}; the id is burned forever.`,
      blocked: () => changes.get(systemId)?.blocked?.message ?? '',
    };
    return {
      file: location.file,
      line: location.line,
      col: location.column,
      level: action === 'delete' || action === 'blocked' ? 'warning' : 'notice',
      title: `sysreg plan: ${action} in ${environment}`,
      message: messages[action](),
    };
  });
}

/**
 * Where the rendered plan says apply needs `--allow-delete` or `--force`, tells the reviewer which
 * label makes sync pass it; empty when the plan needs neither.
 */
export function renderDecisionLabelsNote(plan: Plan): string {
  const needs: { label: string; flag: string; why: string }[] = [];
  if (plan.counts.delete > 0)
    needs.push({ label: ALLOW_DELETE_LABEL, flag: '--allow-delete', why: 'the deletes' });
  if (!plan.safety.safe) needs.push({ label: FORCE_LABEL, flag: '--force', why: 'the unsafe plan' });
  if (needs.length === 0) return '';
  const labels = needs.map((need) => `\`${need.label}\` (${need.why})`).join(' and ');
  const flags = needs.map((need) => `\`${need.flag}\``).join(' and ');
  return (
    `> [!IMPORTANT]\n> To apply this on merge, add the label${needs.length > 1 ? 's' : ''} ${labels} to ` +
    `this pull request before merging; sync then applies the reviewed plan with ${flags}.\n\n`
  );
}

/** The facade's counts: `changes` is what apply writes (creates, updates, deletes), blocked apart. */
export function countPlanForGitHub(plan: Plan): ReportedCounts {
  const { counts } = plan;
  return {
    creates: counts.create,
    updates: counts.update,
    deletes: counts.delete,
    blocked: counts.blocked,
    unmanaged: counts.unmanaged,
    changes: counts.create + counts.update + counts.delete,
  };
}
