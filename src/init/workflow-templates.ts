/**
 * The GitHub workflows `sysreg init` writes into a vendor's repository: the one place they are
 * defined. Each calls the sysreg action pinned by a full commit SHA, so what runs beside the
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

export interface WorkflowFile {
  /** Repository-relative path. */
  path: string;
  text: string;
}

/** Third-party actions the workflows use, pinned by commit like the sysreg action. */
const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';
const UPLOAD_ARTIFACT = 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2';

const usesAction = (pin: ActionPin) => `${pin.repository}@${pin.commit} # ${pin.tag}`;

/** A YAML flow list of plain environment names (they match [a-z][a-z0-9-]*, so need no quoting). */
const environmentList = (environments: readonly string[]) => `[${environments.join(', ')}]`;

const checkoutStep = `      - uses: ${CHECKOUT}
        with:
          persist-credentials: false`;

const credentialsEnv = `          MASKINPORTEN_CLIENT_ID: \${{ secrets.MASKINPORTEN_CLIENT_ID }}
          MASKINPORTEN_KID: \${{ secrets.MASKINPORTEN_KID }}
          MASKINPORTEN_PRIVATE_KEY: \${{ secrets.MASKINPORTEN_PRIVATE_KEY }}`;

function pullRequestWorkflow({ environments, action }: WorkflowOptions): string {
  return `# sysreg on pull requests, in two tiers:
# 1. validate: offline, no secrets, read-only token; every pull request, forks included.
# 2. plan: the live diff against Altinn per environment, with that environment's Maskinporten
#    secrets; only for branches of this repository, never a fork's. \`pull_request\`, never
#    \`pull_request_target\`. An unsafe plan fails until a reviewer adds the sysreg:force label.
# Written by \`sysreg init\`.
name: sysreg pull request

on:
  pull_request:
    types: [opened, synchronize, reopened, labeled, unlabeled]

permissions: {}

concurrency:
  group: sysreg-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  validate:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
    steps:
${checkoutStep}
      - uses: ${usesAction(action)}
        with:
          command: validate

  plan:
    name: plan (\${{ matrix.environment }})
    needs: validate
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    timeout-minutes: 15
    strategy:
      fail-fast: false
      matrix:
        environment: ${environmentList(environments)}
    environment: \${{ matrix.environment }}
    permissions:
      contents: read
      # The sticky plan comment, and the pull request's changed files.
      pull-requests: write
    steps:
${checkoutStep}
      - uses: ${usesAction(action)}
        with:
          command: plan
          environment: \${{ matrix.environment }}
          args: --out sysreg-plan-\${{ matrix.environment }}.json\${{ contains(github.event.pull_request.labels.*.name, 'sysreg:force') && ' --force' || '' }}
        env:
${credentialsEnv}
      - name: Keep the plan file
        if: always()
        uses: ${UPLOAD_ARTIFACT}
        with:
          name: sysreg-plan-\${{ matrix.environment }}
          path: sysreg-plan-\${{ matrix.environment }}.json
          if-no-files-found: ignore
          retention-days: 30
`;
}

function syncWorkflow({ environments, action }: WorkflowOptions): string {
  return `# sysreg sync: on every push to main, apply git to each environment in turn (${environments.join(', then ')}).
# Runs are serialised per environment and never cancelled half way. Deletes and plans above the
# safety share are refused unless a person runs this workflow by hand with allow-delete or force.
# Written by \`sysreg init\`.
name: sysreg sync

on:
  push:
    branches: [main]
  workflow_dispatch:
    inputs:
      allow-delete:
        description: Carry out deletes (a deleted id can never be used again).
        type: boolean
        default: false
      force:
        description: Apply a plan above the safety threshold.
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
    environment: \${{ matrix.environment }}
    concurrency:
      group: sysreg-apply-\${{ matrix.environment }}
      cancel-in-progress: false
    permissions:
      contents: read
      # The apply result as a comment on the merged pull request.
      pull-requests: write
    steps:
${checkoutStep}
      - uses: ${usesAction(action)}
        with:
          command: apply
          environment: \${{ matrix.environment }}
          args: \${{ inputs.allow-delete && '--allow-delete' || '' }} \${{ inputs.force && '--force' || '' }}
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
    name: drift (\${{ matrix.environment }})
    runs-on: ubuntu-latest
    timeout-minutes: 15
    strategy:
      fail-fast: false
      matrix:
        environment: ${environmentList(environments)}
    environment: \${{ matrix.environment }}
    concurrency:
      group: sysreg-drift-\${{ matrix.environment }}
      cancel-in-progress: false
    permissions:
      contents: read
      # The rolling drift issue and its label.
      issues: write
    steps:
${checkoutStep}
      - uses: ${usesAction(action)}
        with:
          command: drift
          environment: \${{ matrix.environment }}
        env:
${credentialsEnv}
`;
}

/** The workflow files, in the order init lists them. */
export function renderWorkflows(options: WorkflowOptions): WorkflowFile[] {
  return [
    { path: '.github/workflows/sysreg-pull-request.yml', text: pullRequestWorkflow(options) },
    { path: '.github/workflows/sysreg-sync.yml', text: syncWorkflow(options) },
    { path: '.github/workflows/sysreg-drift.yml', text: driftWorkflow(options) },
  ];
}
