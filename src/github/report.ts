/**
 * The GitHub reporting facade the commands call with content they have already rendered. It never
 * re-renders or un-escapes that content: it only frames it (header, marker, warnings about files the
 * pull request did not touch) and puts it where GitHub shows it: annotations, the job summary and
 * step outputs through the runner (actions-runner.ts), the sticky plan comment, comments on merged
 * pull requests, the drift issue through the API.
 * Every failure to report is thrown as a GitHubReportError, so a plan that was not posted fails the job.
 */
import type { ActionsContext } from './actions-environment.ts';
import { readActionsContext, requireToken } from './actions-environment.ts';
import type { ActionsRunner } from './actions-runner.ts';
import type { Annotation } from './annotations.ts';
import type { DriftIssueResult } from './drift-issue.ts';
import { syncDriftIssue } from './drift-issue.ts';
import { formatInlineCode } from './inline-code.ts';
import type { GitHubTiming, Octokit } from './octokit.ts';
import { createOctokit, readGitHubTiming } from './octokit.ts';
import type { RepositoryTarget } from './pull-requests.ts';
import { findPullRequestsForCommit, listChangedFiles } from './pull-requests.ts';
import type { StickyCommentResult } from './sticky-comment.ts';
import {
  MAX_COMMENT_LENGTH,
  renderStickyMarker,
  resolveActingLogin,
  upsertStickyComment,
} from './sticky-comment.ts';

export interface ReportedCounts {
  creates: number;
  updates: number;
  deletes: number;
  blocked: number;
  unmanaged: number;
  /** creates + updates + deletes, as the plan counts them. */
  changes: number;
}

/** A system the plan changes, and the YAML file that describes it. */
export interface PlannedSystemFile {
  /** Path relative to the repository root, e.g. `systems/acme-payroll.yaml`. */
  file: string;
  systemId: string;
}

export interface PlanReport {
  environment: string;
  commit: string;
  checksum: string;
  /** The whole rendered plan (Markdown), already escaped by the plan renderer. */
  markdown: string;
  /** The headline only, used when the whole plan does not fit in a comment. */
  summaryMarkdown: string;
  counts: ReportedCounts;
  /** Every system with a planned change and its file. */
  changedFilesInPlan: PlannedSystemFile[];
  /** Annotations on the YAML lines that cause each planned change. */
  annotations: Annotation[];
  /** Name of the plan file the workflow keeps (e.g. uploaded as an artifact), cited when degrading. */
  planFile?: string;
  /** For the pull request comment: which label approves the deletes or the unsafe plan (Markdown). */
  decisionNote?: string;
}

export interface PlanReportResult {
  /** Set on pull_request events. */
  comment: StickyCommentResult | undefined;
  /** Planned changes to systems whose files the pull request does not touch. */
  unrelatedChanges: PlannedSystemFile[];
  /** True when the comment holds the summary instead of the whole plan. */
  degraded: boolean;
}

export interface ApplyCommentReport {
  /** Names the comment so that a re-run of the same apply edits it; defaults to `default`. */
  environment?: string;
  /** Per-system results, rendered by the apply command. */
  markdown: string;
  counts: ReportedCounts;
  ok: boolean;
}

export interface ApplyReportResult {
  pullRequests: number[];
  comments: StickyCommentResult[];
}

export interface DriftIssueReport {
  environment: string;
  hasDrift: boolean;
  markdown: string;
}

export interface GitHubReporter {
  readonly context: ActionsContext;
  reportPlan(report: PlanReport): Promise<PlanReportResult>;
  reportApply(report: ApplyCommentReport): Promise<ApplyReportResult>;
  reportDrift(report: DriftIssueReport): Promise<DriftIssueResult>;
}

export interface CreateGitHubReporterOptions {
  context: ActionsContext;
  /** Takes the annotations, the job summary and the outputs to the Actions runner. */
  runner: ActionsRunner;
  /** Injected client; otherwise one is made on first use from the context's API URL and token. */
  octokit?: Octokit;
  timing?: Partial<GitHubTiming>;
}

/** Room kept under GitHub's limit for the header and warnings around the plan. */
const COMMENT_BUDGET = MAX_COMMENT_LENGTH - 2_000;

/** The entry the commands use: reads the Actions environment (GITHUB_*) and the event payload. */
export async function createGitHubReporterFromEnvironment(
  env: Record<string, string | undefined>,
  runner: ActionsRunner,
): Promise<GitHubReporter> {
  const context = await readActionsContext(env);
  return createGitHubReporter({ context, runner, timing: readGitHubTiming(env) });
}

export function createGitHubReporter(options: CreateGitHubReporterOptions): GitHubReporter {
  const { context, runner } = options;
  let client = options.octokit;
  const target = (): RepositoryTarget => {
    const token = requireToken(context);
    client ??= createOctokit({ apiUrl: context.apiUrl, token, timing: options.timing ?? {} });
    return { octokit: client, owner: context.owner, repo: context.repo, token };
  };
  const runLink = `[job summary](${context.runUrl})`;
  // Asked once per run, and only when sysreg is about to look for a comment or issue of its own.
  let acting: Promise<string> | undefined;
  const actingLogin = (repository: RepositoryTarget): Promise<string> =>
    (acting ??= resolveActingLogin(repository.octokit, context.commentAuthor, repository.token));

  return {
    context,

    async reportPlan(report) {
      const pullRequest = context.pullRequest;
      let unrelatedChanges: PlannedSystemFile[] = [];
      let repository: RepositoryTarget | undefined;
      if (pullRequest) {
        repository = target();
        const files = await listChangedFiles(repository, pullRequest.number);
        const touched = new Set(files.flatMap((f) => [f.filename, f.previousFilename ?? f.filename]));
        unrelatedChanges = report.changedFilesInPlan.filter((change) => !touched.has(change.file));
      }
      const unrelatedAnnotations = unrelatedChanges.map((change): Annotation => ({
        file: change.file,
        line: 1,
        level: 'warning',
        title: 'sysreg plan: change outside this pull request',
        message:
          `The ${report.environment} plan changes system ${change.systemId}, but this pull request does not ` +
          `touch ${change.file}. Live Altinn has drifted from git, or this is a surprise: check before merging.`,
      }));
      runner.annotate([...report.annotations, ...unrelatedAnnotations]);

      const header = renderPlanHeader(report, context.runUrl);
      const warning = renderUnrelatedWarning(unrelatedChanges);
      await runner.appendJobSummary(`${header}\n${warning}${report.markdown.trimEnd()}\n`);
      runner.setOutputs({
        changes: report.counts.changes,
        creates: report.counts.creates,
        updates: report.counts.updates,
        deletes: report.counts.deletes,
        blocked: report.counts.blocked,
        unmanaged: report.counts.unmanaged,
        unrelated: unrelatedChanges.length,
        checksum: report.checksum,
      });
      if (!pullRequest || !repository) return { comment: undefined, unrelatedChanges, degraded: false };

      const decision = report.decisionNote ?? '';
      const full = `${header}\n${warning}${decision}${report.markdown.trimEnd()}\n`;
      const degraded = full.length > COMMENT_BUDGET;
      const planFile = report.planFile
        ? `the plan file ${formatInlineCode(report.planFile)}`
        : 'the plan file';
      const body = degraded
        ? `${header}\n${warning}${decision}${report.summaryMarkdown.trimEnd()}\n\n` +
          `_The whole plan is too long for a comment. It is in the ${runLink} and in ${planFile} of this run._\n`
        : full;
      const comment = await upsertStickyComment({
        ...repository,
        author: await actingLogin(repository),
        issueNumber: pullRequest.number,
        marker: renderStickyMarker('plan', report.environment),
        body,
        overflowPointer: `_Cut at GitHub’s comment limit: the ${runLink} and ${planFile} hold the whole plan._`,
      });
      return { comment, unrelatedChanges, degraded };
    },

    async reportApply(report) {
      const environment = report.environment ?? 'default';
      const status = report.ok ? '✅ applied' : '❌ failed';
      const header =
        `### sysreg apply · ${formatInlineCode(environment)}: ${status}\n\n` +
        `Commit ${formatInlineCode(context.sha)} · ${renderCounts(report.counts)} · [run](${context.runUrl})\n`;
      const repository = target();
      const pulls = (await findPullRequestsForCommit(repository, context.sha)).filter((pull) => pull.merged);
      const numbers = pulls.map((pull) => pull.number);
      const where =
        numbers.length > 0
          ? `Reported on ${numbers.map((n) => `#${n}`).join(', ')}.`
          : 'No merged pull request is associated with this commit, so nothing was commented.';
      await runner.appendJobSummary(`${header}\n${report.markdown.trimEnd()}\n\n${where}\n`);
      runner.setOutputs({
        ok: report.ok,
        changes: report.counts.changes,
        creates: report.counts.creates,
        updates: report.counts.updates,
        deletes: report.counts.deletes,
        'pull-requests': numbers.join(','),
      });
      const comments: StickyCommentResult[] = [];
      for (const number of numbers) {
        comments.push(
          await upsertStickyComment({
            ...repository,
            author: await actingLogin(repository),
            issueNumber: number,
            // One comment per merge commit and environment: a re-run of the same apply edits it.
            marker: renderStickyMarker('apply', `${environment}:${context.sha}`),
            body: `${header}\n${report.markdown.trimEnd()}\n`,
            overflowPointer: `_Cut at GitHub’s comment limit: the ${runLink} holds every result._`,
          }),
        );
      }
      return { pullRequests: numbers, comments };
    },

    async reportDrift(report) {
      const title = `### sysreg drift · ${formatInlineCode(report.environment)}`;
      const text = report.hasDrift
        ? `${title}\n\n${report.markdown.trimEnd()}\n`
        : `${title}\n\nNo drift: live Altinn matches git.\n`;
      await runner.appendJobSummary(text);
      const repository = target();
      const result = await syncDriftIssue({
        ...repository,
        author: await actingLogin(repository),
        environment: report.environment,
        hasDrift: report.hasDrift,
        body: text,
        runUrl: context.runUrl,
      });
      runner.setOutputs({
        drift: report.hasDrift,
        issue: result.issueNumber ?? '',
        'issue-action': result.action,
      });
      return result;
    },
  };
}

function renderPlanHeader(report: PlanReport, runUrl: string): string {
  return (
    `### sysreg plan · ${formatInlineCode(report.environment)}\n\n` +
    `Commit ${formatInlineCode(report.commit)} · checksum ${formatInlineCode(report.checksum)} · ` +
    `${renderCounts(report.counts)} · [run](${runUrl})\n`
  );
}

function renderCounts(counts: ReportedCounts): string {
  const parts = [`${counts.creates} to create`, `${counts.updates} to update`, `${counts.deletes} to delete`];
  if (counts.blocked > 0) parts.push(`${counts.blocked} blocked`);
  if (counts.unmanaged > 0) parts.push(`${counts.unmanaged} unmanaged`);
  return parts.join(', ');
}

function renderUnrelatedWarning(changes: readonly PlannedSystemFile[]): string {
  if (changes.length === 0) return '';
  const lines = changes.map((c) => `> - ${formatInlineCode(c.systemId)} (${formatInlineCode(c.file)})`);
  return (
    '> [!WARNING]\n' +
    '> This plan changes systems whose files this pull request does not touch. Live Altinn has drifted ' +
    'from git, or the change is a surprise: check before merging.\n>\n' +
    `${lines.join('\n')}\n\n`
  );
}
