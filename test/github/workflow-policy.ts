/**
 * The security policy every workflow in .github/workflows/ must keep, as a function from a workflow's
 * text to its violations, so the policy test can show both that the shipped workflows pass and that
 * each rule catches a bad one.
 */
import { parse } from 'yaml';

/** What each sysreg verb may write when it reports to GitHub. */
const WRITES_BY_VERB: Record<string, string[]> = {
  validate: [],
  plan: ['pull-requests'],
  apply: ['pull-requests'],
  drift: ['issues'],
};
/** `drift --accept` pushes a branch with the accepted values and opens a pull request for it. */
const ACCEPT_WRITES = ['contents', 'pull-requests'];
/** Reading another run's artifacts (the reviewed plan) through the gh CLI needs `actions: read`. */
const READS_RUNS = /\bgh run (?:list|download)\b/;
const FORK_GUARD = 'github.event.pull_request.head.repo.full_name == github.repository';

type Json = Record<string, unknown>;

export function checkWorkflowPolicy(file: string, text: string): string[] {
  const problems: string[] = [];
  const report = (message: string) => problems.push(`${file}: ${message}`);
  const workflow = parse(text) as Json;
  const on = normaliseTriggers(workflow.on);

  if ('pull_request_target' in on)
    report('uses pull_request_target (runs with secrets on fork pull requests)');
  if (!('workflow_call' in on)) report('is not callable (no workflow_call trigger)');
  const callInputs = ((on.workflow_call as Json | null)?.inputs ?? {}) as Json;
  if (!('systems-path' in callInputs)) report('workflow_call has no systems-path input');

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
  const runsOnPullRequests = 'pull_request' in on;
  for (const [name, job] of Object.entries(jobs)) {
    const steps = (Array.isArray(job.steps) ? job.steps : []) as Json[];
    const jobText = JSON.stringify(job);
    const usesSecrets = /\$\{\{\s*secrets\./.test(jobText);
    const verbs = steps
      .flatMap((step) => (typeof step.run === 'string' ? [...step.run.matchAll(/npx sysreg (\w+)/g)] : []))
      .map((m) => m[1] ?? '');
    const scripts = steps.map((step) => (typeof step.run === 'string' ? step.run : '')).join('\n');
    const readsRuns = READS_RUNS.test(scripts);
    const reportsToGitHub = steps.some(
      (step) => typeof step.run === 'string' && step.run.includes('--report github') && hasToken(step),
    );

    // Least privilege: contents read, plus the writes of the verbs that report with a token.
    const permissions = job.permissions;
    if (!isRecord(permissions)) {
      report(`job ${name} declares no permissions (or uses a read-all/write-all shorthand)`);
    } else {
      const allowed = new Set(['contents:read']);
      if (reportsToGitHub)
        for (const verb of verbs)
          for (const scope of WRITES_BY_VERB[verb] ?? []) allowed.add(`${scope}:write`);
      const accepts = steps.some(
        (step) => typeof step.run === 'string' && /npx sysreg drift\b[^\n]*--accept/.test(step.run),
      );
      if (accepts) for (const scope of ACCEPT_WRITES) allowed.add(`${scope}:write`);
      if (readsRuns) {
        allowed.add('actions:read');
        if (permissions.actions !== 'read') report(`job ${name} reads workflow runs without actions: read`);
      }
      for (const [scope, level] of Object.entries(permissions)) {
        if (level === 'none') continue;
        const granted = `${scope}:${String(level)}`;
        const coveredByWrite = level === 'read' && allowed.has(`${scope}:write`);
        if (!allowed.has(granted) && !coveredByWrite)
          report(`job ${name} is granted ${granted}, more than it needs`);
      }
    }

    for (const [index, step] of steps.entries()) {
      const label = `job ${name} step ${index + 1}`;
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        report(`${label}: expression in run: (pass it through env:)`);
      }
      if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@')) {
        const withs = (step.with ?? {}) as Json;
        if (withs['persist-credentials'] !== false)
          report(`${label}: checkout keeps the token (persist-credentials)`);
        if (typeof withs.ref === 'string' && /pull_request\.head|head_ref/.test(withs.ref)) {
          report(`${label}: checks out the pull request head explicitly`);
        }
      }
    }

    if (runsOnPullRequests && usesSecrets) {
      const condition = typeof job.if === 'string' ? job.if : '';
      if (!condition.includes(FORK_GUARD))
        report(`job ${name} uses secrets on pull requests without the fork guard`);
    }
    if (
      verbs.includes('validate') &&
      !verbs.some((v) => v !== 'validate') &&
      (usesSecrets || job.environment)
    ) {
      report(`job ${name} validates with secrets or an environment; validation must run without them`);
    }
    if (verbs.includes('apply')) {
      const concurrency = job.concurrency ?? workflow.concurrency;
      if (!isRecord(concurrency) || concurrency['cancel-in-progress'] !== false) {
        report(`job ${name} applies without a concurrency group that never cancels in progress`);
      }
      // Apply what was reviewed: the plan artifact of the pull request, passed to apply --plan.
      if (!/\bgh run download\b/.test(scripts) || !/--plan\b/.test(scripts)) {
        report(`job ${name} applies without downloading the reviewed plan and passing --plan`);
      }
    }
  }
  return problems;
}

function normaliseTriggers(on: unknown): Json {
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((name) => [String(name), null]));
  return isRecord(on) ? on : {};
}

function hasToken(step: Json): boolean {
  const env = step.env;
  return isRecord(env) && typeof env.GITHUB_TOKEN === 'string';
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
