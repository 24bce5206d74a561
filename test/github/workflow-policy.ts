/**
 * The security policy every workflow sysreg ships (.github/workflows/) or writes (`sysreg init`) must
 * keep, as a function from a workflow's text to its violations, so the policy test can show both that
 * the workflows pass and that each rule catches a bad one. The threat model in the README says why.
 */
import { parse } from 'yaml';

/** What each sysreg verb may write when it reports to GitHub. */
const WRITES_BY_VERB: Record<string, string[]> = {
  validate: [],
  plan: ['pull-requests'],
  apply: ['pull-requests'],
  drift: ['issues'],
};
/** Reading another run's artifacts (the reviewed plan) through the gh CLI needs `actions: read`. */
const READS_RUNS = /\bgh (?:run (?:list|download)|api [^\n]*actions\/)/;
/** Reading where the last sync left off (deployments) needs `deployments: read`. */
const READS_DEPLOYMENTS = /\bgh api [^\n]*\/deployments\b/;
/** Triggers whose events a pull request's author (or a fork's) can cause. */
const PULL_REQUEST_TRIGGERS = ['pull_request', 'pull_request_target'];
/** A run step that executes code: a package manager, an interpreter, or a script from the tree. */
const EXECUTES_CODE =
  /(?:^|[\s;&|(])(?:npm|npx|yarn|pnpm|node|bun|deno|python3?|pip|make|sh|bash|source)\s|(?:^|[\s;&|(])\.\.?\//m;

type Json = Record<string, unknown>;

export interface PolicyOptions {
  /** Workflows this repository ships must be callable from a vendor's (workflow_call). */
  reusable?: boolean;
}

export function checkWorkflowPolicy(file: string, text: string, options: PolicyOptions = {}): string[] {
  const problems: string[] = [];
  const report = (message: string) => problems.push(`${file}: ${message}`);
  const workflow = parse(text) as Json;
  const on = normaliseTriggers(workflow.on);

  const onPullRequests = PULL_REQUEST_TRIGGERS.filter((trigger) => trigger in on);
  for (const trigger of onPullRequests) {
    const filter = on[trigger];
    if (!isRecord(filter) || !Array.isArray(filter.branches))
      report(`${trigger} has no branches: filter (runs for pull requests into any branch)`);
  }
  if (onPullRequests.length > 0 && !('merge_group' in on))
    report('reports pull request checks but not on merge_group (a merge queue would stall)');
  if (options.reusable) {
    if (!('workflow_call' in on)) report('is not callable (no workflow_call trigger)');
  }

  const top = workflow.permissions;
  if (!isRecord(top) || Object.keys(top).length > 0)
    report('top-level permissions must be {} (grant per job)');

  // Pins are checked on the text, where the version comment still is.
  for (const [index, line] of text.split('\n').entries()) {
    const match = line.match(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/);
    if (!match) continue;
    const [, reference = '', rest = ''] = match;
    if (reference.startsWith('./')) continue;
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(reference)) {
      report(`line ${index + 1}: ${reference} is not pinned to a full commit SHA`);
    } else if (!/^\s+#\s*v\d/.test(rest)) {
      report(`line ${index + 1}: ${reference} has no version comment`);
    }
  }

  const jobs = (isRecord(workflow.jobs) ? workflow.jobs : {}) as Record<string, Json>;
  for (const [name, job] of Object.entries(jobs)) {
    const steps = (Array.isArray(job.steps) ? job.steps : []) as Json[];
    const jobText = JSON.stringify(job);
    // Credentials: a secret other than the workflow token, or an environment (which holds them).
    const holdsCredentials =
      /\$\{\{\s*secrets\.(?!GITHUB_TOKEN\b)/.test(jobText) || job.environment !== undefined;
    const verbs = steps.flatMap((step) => sysregVerbs(step));
    const scripts = steps.map((step) => (typeof step.run === 'string' ? step.run : '')).join('\n');

    // Least privilege: contents read, plus the writes of the verbs that report to GitHub.
    const permissions = job.permissions;
    if (!isRecord(permissions)) {
      report(`job ${name} declares no permissions (or uses a read-all/write-all shorthand)`);
    } else {
      const allowed = new Set(['contents:read']);
      for (const verb of verbs) for (const scope of WRITES_BY_VERB[verb] ?? []) allowed.add(`${scope}:write`);
      if (READS_RUNS.test(scripts)) {
        allowed.add('actions:read');
        if (permissions.actions !== 'read') report(`job ${name} reads workflow runs without actions: read`);
      }
      if (READS_DEPLOYMENTS.test(scripts)) allowed.add('deployments:read');
      for (const [scope, level] of Object.entries(permissions)) {
        if (level === 'none') continue;
        const granted = `${scope}:${String(level)}`;
        const coveredByWrite = level === 'read' && allowed.has(`${scope}:write`);
        if (!allowed.has(granted) && !coveredByWrite)
          report(`job ${name} is granted ${granted}, more than it needs`);
      }
    }

    // A required check must report on every pull request: a skipped matrix job never does.
    if (onPullRequests.length > 0 && isRecord(job.strategy) && job.if !== undefined)
      report(`job ${name} is a matrix job with a job-level if: (its checks never report when skipped)`);

    if (holdsCredentials) {
      if ('pull_request' in on)
        report(`job ${name} holds credentials on pull_request (the pull request supplies the workflow)`);
      for (const [index, step] of steps.entries()) {
        const label = `job ${name} step ${index + 1}`;
        if (typeof step.run === 'string' && EXECUTES_CODE.test(step.run))
          report(`${label}: holds credentials and runs code from the checkout`);
        if (typeof step.uses === 'string' && step.uses.startsWith('./'))
          report(`${label}: holds credentials and runs an action from the checkout`);
      }
    }

    for (const [index, step] of steps.entries()) {
      const label = `job ${name} step ${index + 1}`;
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        report(`${label}: expression in run: (pass it through env:)`);
      }
      const withs = (isRecord(step.with) ? step.with : {}) as Json;
      if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@')) {
        if (withs['persist-credentials'] !== false)
          report(`${label}: checkout keeps the token (persist-credentials)`);
        const ref = typeof withs.ref === 'string' ? withs.ref : '';
        if (/pull_request\.head|head_ref/.test(ref)) {
          // The pull request's files are data: beside the trusted tree, and only systems/.
          if (typeof withs.path !== 'string' || withs.path === '' || withs.path === '.')
            report(`${label}: checks out the pull request head over the workspace`);
          if (withs['sparse-checkout'] !== 'systems')
            report(`${label}: checks out more of the pull request than systems/`);
        }
      }
      if (typeof step.uses === 'string' && step.uses.startsWith('actions/upload-artifact@')) {
        if (withs.overwrite !== true) report(`${label}: upload does not overwrite (a re-run fails with 409)`);
      }
    }

    if (verbs.includes('validate') && !verbs.some((v) => v !== 'validate') && holdsCredentials) {
      report(`job ${name} validates with secrets or an environment; validation must run without them`);
    }
    if (verbs.includes('apply')) {
      const concurrency = job.concurrency ?? workflow.concurrency;
      if (!isRecord(concurrency) || concurrency['cancel-in-progress'] !== false) {
        report(`job ${name} applies without a concurrency group that never cancels in progress`);
      }
      // Apply what was reviewed: the plan artifacts of the merged pull requests, passed as --plan.
      if (!/\bgh run download\b/.test(scripts) || !/--plan\b/.test(scripts)) {
        report(`job ${name} applies without downloading the reviewed plans and passing --plan`);
      }
    }
  }
  return problems;
}

/** The sysreg verbs a step runs: `npx sysreg <verb>` in a script, or the action's `command`. */
function sysregVerbs(step: Json): string[] {
  if (typeof step.run === 'string') return [...step.run.matchAll(/\bsysreg (\w+)/g)].map((m) => m[1] ?? '');
  const withs = isRecord(step.with) ? step.with : {};
  if (typeof step.uses === 'string' && /(?:^|\/)sysreg@/.test(step.uses) && typeof withs.command === 'string')
    return [withs.command];
  return [];
}

function normaliseTriggers(on: unknown): Json {
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((name) => [String(name), null]));
  return isRecord(on) ? on : {};
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
