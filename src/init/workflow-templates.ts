/**
 * The GitHub workflows `sysreg init` writes into a vendor's repository: the one place they are
 * defined (the scripts in them are in workflow-scripts.ts). They keep the threat model in the README:
 * no job with credentials runs on pull_request or runs code from the checkout. Each calls the sysreg action pinned by a full commit SHA, so what runs beside the
 * Maskinporten keys is exactly the reviewed release; no step installs anything from a registry
 * (no `npm ci`, `npm install` or `npx`). Permissions start at none and each job asks only for what it
 * uses. Pure: the caller decides where the text goes.
 */

export interface ActionPin {
  /** `owner/name` of the repository holding action.yml. */
  repository: string;
  /** Full 40-hex commit SHA. */
  commit: string;
  /** The release tag of that commit, written as a comment beside the pin. */
  tag: string;
}

export interface WorkflowOptions {
  /** In the order sync applies them, e.g. ['tt02', 'prod']. */
  environments: readonly string[];
  action: ActionPin;
}

import {
  DECIDE_PLAN_SCRIPT,
  FIND_REVIEWED_PLANS_SCRIPT,
  USE_PULL_REQUEST_SYSTEMS_SCRIPT,
} from './workflow-scripts.ts';

export interface WorkflowFile {
  /** Repository-relative path. */
  path: string;
  text: string;
}

/** Third-party actions the workflows use, pinned by commit (node24 releases) like the sysreg action. */
export const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
export const UPLOAD_ARTIFACT = 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0';

export const usesAction = (pin: ActionPin) => `${pin.repository}@${pin.commit} # ${pin.tag}`;

/** A YAML flow list of plain environment names (they match [a-z][a-z0-9-]*, so need no quoting). */
const environmentList = (environments: readonly string[]) => `[${environments.join(', ')}]`;

/** A script as the body of a `run: |` block of a step. */
const runBlock = (script: string) =>
  script
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `          ${line}`))
    .join('\n');

const checkoutStep = `      - uses: ${CHECKOUT}
        with:
          persist-credentials: false`;

const credentialsEnv = `          MASKINPORTEN_CLIENT_ID: \${{ secrets.MASKINPORTEN_CLIENT_ID }}
          MASKINPORTEN_KID: \${{ secrets.MASKINPORTEN_KID }}
          MASKINPORTEN_PRIVATE_KEY: \${{ secrets.MASKINPORTEN_PRIVATE_KEY }}`;

/** The head of a job run once per environment, each independently of the others' outcome. */
function perEnvironmentJobHead(name: string, environments: readonly string[]): string {
  return `    name: ${name} (\${{ matrix.environment }})
    runs-on: ubuntu-latest
    timeout-minutes: 15
    strategy:
      fail-fast: false
      matrix:
        environment: ${environmentList(environments)}`;
}

/** A job's steps: check out the repository (no token kept), then the pinned action running `command`. */
function checkoutAndRunSteps(action: ActionPin, command: string): string {
  return `    steps:
${checkoutStep}
      - uses: ${usesAction(action)}
        with:
          command: ${command}`;
}

function pullRequestWorkflow({ action }: WorkflowOptions): string {
  return `# sysreg on pull requests, first tier: offline validation with no secrets and a read-only token,
# on every pull request (forks and Dependabot included) and in the merge queue. The live plan is
# sysreg-plan.yml: it holds Maskinporten credentials, so it never runs from this workflow.
# Written by \`sysreg init\`.
name: sysreg pull request

on:
  pull_request:
    branches: [main]
  merge_group:

permissions: {}

concurrency:
  group: sysreg-pr-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

jobs:
  validate:
    name: validate
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
${checkoutAndRunSteps(action, 'validate')}
`;
}

function planWorkflow({ environments, action }: WorkflowOptions): string {
  return `# sysreg on pull requests, second tier: the live plan per environment, with that environment's
# Maskinporten credentials. pull_request_target: this file and sysreg.config.yaml come from the
# default branch; the pull request's systems/ is checked out beside them as data and read by the
# pinned sysreg action, never executed. The check \`plan (<env>)\` reports on every pull request; a
# fork's fails with an explanation unless the repository variable SYSREG_FORK_PLANS is \`true\`.
# An unsafe plan fails until the sysreg:force label is added.
# Written by \`sysreg init\`.
name: sysreg plan

on:
  pull_request_target:
    branches: [main]
    types: [opened, synchronize, reopened, labeled, unlabeled]
  merge_group:

permissions: {}

concurrency:
  group: sysreg-plan-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

jobs:
  plan:
${perEnvironmentJobHead('plan', environments)}
    environment: \${{ github.event_name == 'merge_group' && 'sysreg-merge-queue' || matrix.environment }}
    permissions:
      contents: read
      # The sticky plan comment, and the pull request's changed files.
      pull-requests: write
    steps:
      - name: Decide
        id: decide
        env:
          EVENT_NAME: \${{ github.event_name }}
          HEAD_REPOSITORY: \${{ github.event.pull_request.head.repo.full_name }}
          REPOSITORY: \${{ github.repository }}
          FORK_PLANS: \${{ vars.SYSREG_FORK_PLANS }}
        run: |
${runBlock(DECIDE_PLAN_SCRIPT)}
      - if: steps.decide.outputs.live == 'true'
        uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - name: Check out the pull request's systems/ as data
        if: steps.decide.outputs.live == 'true'
        uses: ${CHECKOUT}
        with:
          repository: \${{ github.event.pull_request.head.repo.full_name }}
          ref: \${{ github.event.pull_request.head.sha }}
          path: .sysreg-pull-request
          sparse-checkout: systems
          persist-credentials: false
          allow-unsafe-pr-checkout: \${{ vars.SYSREG_FORK_PLANS == 'true' }}
      - name: Plan the pull request's systems/, nothing else of it
        if: steps.decide.outputs.live == 'true'
        run: |
${runBlock(USE_PULL_REQUEST_SYSTEMS_SCRIPT)}
      - name: sysreg plan
        if: steps.decide.outputs.live == 'true'
        uses: ${usesAction(action)}
        with:
          command: plan
          environment: \${{ matrix.environment }}
          args: --out sysreg-plan-\${{ matrix.environment }}.json\${{ contains(github.event.pull_request.labels.*.name, 'sysreg:force') && ' --force' || '' }}
        env:
${credentialsEnv}
      - name: Keep the reviewed plan
        if: always() && steps.decide.outputs.live == 'true'
        uses: ${UPLOAD_ARTIFACT}
        with:
          name: sysreg-plan-\${{ matrix.environment }}-pr\${{ github.event.pull_request.number }}-\${{ github.event.pull_request.head.sha }}
          path: sysreg-plan-\${{ matrix.environment }}.json
          if-no-files-found: ignore
          retention-days: 30
          overwrite: true
`;
}

function syncWorkflow({ environments, action }: WorkflowOptions): string {
  return `# sysreg sync: on every push to main, apply to each environment in turn (${environments.join(', then ')})
# every pull request merged since the last successful sync there, each checked against the plan
# reviewed on it. Runs are serialised per environment and never cancelled half way; one GitHub
# cancels while it waits loses nothing. Deletes and unsafe plans need the sysreg:allow-delete or
# sysreg:force label, added before the merge by a maintainer or admin, or a manual run by one.
# Apply runs in the environment <env>-apply, which can require reviewers without gating plans.
# Written by \`sysreg init\`.
name: sysreg sync

on:
  push:
    branches: [main]
  workflow_dispatch:
    inputs:
      apply-unreviewed:
        description: Apply the current main without a reviewed plan (re-plans against live Altinn).
        type: boolean
        default: false
      allow-delete:
        description: Carry out deletes (a deleted id can never be used again). Maintainers and admins only.
        type: boolean
        default: false
      force:
        description: Apply a plan above the safety threshold. Maintainers and admins only.
        type: boolean
        default: false

permissions: {}

jobs:
  apply:
    name: apply (\${{ matrix.environment }})
    if: github.ref == format('refs/heads/{0}', github.event.repository.default_branch)
    runs-on: ubuntu-latest
    timeout-minutes: 30
    strategy:
      max-parallel: 1
      fail-fast: true
      matrix:
        environment: ${environmentList(environments)}
    environment: \${{ matrix.environment }}-apply
    concurrency:
      group: sysreg-apply-\${{ matrix.environment }}
      cancel-in-progress: false
    permissions:
      contents: read
      # The plan workflow's runs and artifacts: the reviewed plans.
      actions: read
      # Where the last successful sync left off: the newest successful deployment to <env>-apply.
      deployments: read
      # The merged pull requests and their label events, and the apply result as a comment.
      pull-requests: write
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
          fetch-depth: 0
      - name: Find the reviewed plans
        id: reviewed
        env:
          GH_TOKEN: \${{ github.token }}
          REPOSITORY: \${{ github.repository }}
          SHA: \${{ github.sha }}
          ACTOR: \${{ github.triggering_actor }}
          ENVIRONMENT: \${{ matrix.environment }}
          APPLY_ENVIRONMENT: \${{ matrix.environment }}-apply
          PLAN_WORKFLOW: sysreg-plan.yml
          APPLY_UNREVIEWED: \${{ inputs.apply-unreviewed == true }}
          INPUT_ALLOW_DELETE: \${{ inputs.allow-delete == true }}
          INPUT_FORCE: \${{ inputs.force == true }}
          PULLS_ATTEMPTS: 6
          PULLS_DELAY_SECONDS: 5
        run: |
${runBlock(FIND_REVIEWED_PLANS_SCRIPT)}
      - name: sysreg apply
        uses: ${usesAction(action)}
        with:
          command: apply
          environment: \${{ matrix.environment }}
          args: \${{ steps.reviewed.outputs.args }}
        env:
${credentialsEnv}
`;
}

function driftWorkflow({ environments, action }: WorkflowOptions): string {
  return `# sysreg drift: compare live Altinn with main every day (and on demand), and keep one issue
# labelled sysreg-drift per environment, opened while live differs from git.
# Written by \`sysreg init\`.
name: sysreg drift

on:
  schedule:
    - cron: '17 5 * * *'
  workflow_dispatch:

permissions: {}

jobs:
  drift:
${perEnvironmentJobHead('drift', environments)}
    environment: \${{ matrix.environment }}
    concurrency:
      group: sysreg-drift-\${{ matrix.environment }}
      cancel-in-progress: false
    permissions:
      contents: read
      # The rolling drift issue and its label.
      issues: write
${checkoutAndRunSteps(action, 'drift')}
          environment: \${{ matrix.environment }}
        env:
${credentialsEnv}
`;
}

/** The workflow files, in the order init lists them. */
export function renderWorkflows(options: WorkflowOptions): WorkflowFile[] {
  return [
    { path: '.github/workflows/sysreg-pull-request.yml', text: pullRequestWorkflow(options) },
    { path: '.github/workflows/sysreg-plan.yml', text: planWorkflow(options) },
    { path: '.github/workflows/sysreg-sync.yml', text: syncWorkflow(options) },
    { path: '.github/workflows/sysreg-drift.yml', text: driftWorkflow(options) },
  ];
}
