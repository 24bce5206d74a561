import {
  ENVIRONMENT_NAME_PATTERN,
  SYSTEM_SCHEMA_PATH,
  renderSystemSchema
} from "./chunk-PAIP5VFL.js";
import {
  findGitRoot
} from "./chunk-INHK5KOL.js";
import {
  ACTION_PIN
} from "./chunk-OGJUZ5FT.js";
import {
  resolveSystemIdentity
} from "./chunk-Y6CITHX7.js";
import "./chunk-GHDIG2VB.js";
import {
  writeFileAtomically
} from "./chunk-JQXKIT2I.js";
import {
  describeFileError
} from "./chunk-B7AQ6FAF.js";
import {
  CONFIG_FILE_NAME
} from "./chunk-ZERHEBEW.js";
import "./chunk-J7OVXALX.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/init.ts
const { mkdir, readFile, stat } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");

// src/init/workflow-scripts.ts
var DECIDE_PLAN_SCRIPT = `if [ "$EVENT_NAME" = merge_group ]; then
  echo "Every pull request in the queue passed its plan check; sync applies each against its reviewed plan."
  echo "live=false" >>"$GITHUB_OUTPUT"
  exit 0
fi
if [ "$HEAD_REPOSITORY" != "$REPOSITORY" ] && [ "$FORK_PLANS" != true ]; then
  echo "::error title=sysreg plan::This pull request comes from the fork $HEAD_REPOSITORY, and live plans for forks are off. A maintainer can push the branch to this repository, or set the repository variable SYSREG_FORK_PLANS to true (see the threat model in the README)."
  exit 1
fi
echo "live=true" >>"$GITHUB_OUTPUT"
`;
var FIND_REVIEWED_PLANS_SCRIPT = `fail() { echo "::error title=sysreg sync ($ENVIRONMENT)::$1"; exit 1; }
# The roles that may decide to delete or force: a label or input from anyone else counts for nothing.
may_decide() {
  local role
  role="$(gh api "repos/$REPOSITORY/collaborators/$1/permission" | jq -r '.role_name // empty')" || return 1
  [ "$role" = admin ] || [ "$role" = maintain ]
}
allow_delete=false
force=false
if [ "$INPUT_ALLOW_DELETE" = true ] || [ "$INPUT_FORCE" = true ]; then
  may_decide "$ACTOR" ||
    fail "@$ACTOR ran this workflow with allow-delete or force, but has neither maintain nor admin permission; nothing applied."
  allow_delete="$INPUT_ALLOW_DELETE"
  force="$INPUT_FORCE"
fi
plan_args=""
applied=""
if [ "$APPLY_UNREVIEWED" = true ]; then
  echo "::warning title=sysreg sync ($ENVIRONMENT)::apply-unreviewed: applying $SHA without a reviewed plan."
else
  # Where the last successful sync of this environment left off: its newest successful deployment.
  last=""
  deployments="$(gh api "repos/$REPOSITORY/deployments?environment=$APPLY_ENVIRONMENT&per_page=30" |
    jq -r '.[] | "\\(.id) \\(.sha)"')"
  while read -r id sha; do
    [ -n "$id" ] || continue
    state="$(gh api "repos/$REPOSITORY/deployments/$id/statuses?per_page=1" | jq -r '.[0].state // empty')"
    if [ "$state" = success ]; then last="$sha"; break; fi
  done <<<"$deployments"
  if [ -z "$last" ] || [ "$last" = "$SHA" ]; then
    commits="$SHA"
  else
    git merge-base --is-ancestor "$last" "$SHA" ||
      fail "The last commit applied to $ENVIRONMENT, $last, is not in the history of $SHA (was history rewritten?). Run this workflow by hand with apply-unreviewed."
    commits="$(git rev-list --first-parent --reverse "$last..$SHA")"
    echo "Last successful sync of $ENVIRONMENT: $last; applying the pull requests of $(wc -l <<<"$commits") commit(s) since."
  fi
  # Each commit's merged pull request. GitHub fills the link in after the push, so ask a few times.
  numbers=()
  declare -A pulls
  for commit in $commits; do
    pull=""
    for ((attempt = 1; attempt <= PULLS_ATTEMPTS; attempt++)); do
      pull="$(gh api "repos/$REPOSITORY/commits/$commit/pulls" |
        jq -c --arg commit "$commit" '[.[] | select(.merged_at != null)]
          | (map(select(.merge_commit_sha == $commit)) + .) | first // empty')"
      [ -n "$pull" ] && break
      if [ "$attempt" -lt "$PULLS_ATTEMPTS" ]; then sleep $((attempt * PULLS_DELAY_SECONDS)); fi
    done
    [ -n "$pull" ] ||
      fail "Commit $commit came from no merged pull request (asked GitHub $PULLS_ATTEMPTS times), so there is no reviewed plan to apply. Merge through a pull request, or run this workflow by hand with apply-unreviewed."
    number="$(jq -r '.number' <<<"$pull")"
    if [ -z "\${pulls[$number]:-}" ]; then numbers+=("$number"); fi
    pulls[$number]="$pull"
  done
  for number in "\${numbers[@]}"; do
    pull="\${pulls[$number]}"
    head="$(jq -r '.head.sha' <<<"$pull")"
    merged_at="$(jq -r '.merged_at' <<<"$pull")"
    # The plan job named the artifact from its event: pull request number and head commit.
    name="sysreg-plan-$ENVIRONMENT-pr$number-$head"
    artifacts="$(gh api "repos/$REPOSITORY/actions/artifacts?name=$name&per_page=100" | jq -c '.artifacts[]')"
    run_id=""
    expired=""
    while read -r artifact; do
      [ -n "$artifact" ] || continue
      candidate="$(jq -r '.workflow_run.id' <<<"$artifact")"
      run="$(gh api "repos/$REPOSITORY/actions/runs/$candidate")"
      [ "$(jq -r '.path | sub("@.*$"; "")' <<<"$run")" = ".github/workflows/$PLAN_WORKFLOW" ] || continue
      [ "$(jq -r '.event' <<<"$run")" = pull_request_target ] || continue
      [ "$(jq -r '.conclusion' <<<"$run")" = success ] || continue
      if [ "$(jq -r '.expired' <<<"$artifact")" = true ]; then
        expired="$(jq -r '.expires_at' <<<"$artifact")"
        continue
      fi
      run_id="$candidate"
      break
    done <<<"$artifacts"
    if [ -z "$run_id" ] && [ -n "$expired" ]; then
      fail "The reviewed $ENVIRONMENT plan of #$number expired on $expired (artifacts are kept 30 days), so it cannot be checked; nothing applied. Run this workflow by hand with apply-unreviewed, which re-plans against live Altinn."
    fi
    [ -n "$run_id" ] ||
      fail "No successful $PLAN_WORKFLOW run left a reviewed $ENVIRONMENT plan for #$number at its head $head; nothing applied. Re-run the plan check on #$number, or run this workflow by hand with apply-unreviewed."
    dir="$RUNNER_TEMP/sysreg-reviewed-plans-$ENVIRONMENT/$number"
    gh run download "$run_id" --repo "$REPOSITORY" -n "$name" -D "$dir" ||
      fail "Could not download the reviewed $ENVIRONMENT plan of #$number from run $run_id; nothing applied."
    plan_file="$dir/sysreg-plan-$ENVIRONMENT.json"
    [ -f "$plan_file" ] || fail "The artifact $name of run $run_id holds no sysreg-plan-$ENVIRONMENT.json; nothing applied."
    # A decision label counts when a maintainer or admin added it before the merge and it stayed.
    events="$(gh api --paginate "repos/$REPOSITORY/issues/$number/events?per_page=100" | jq -s 'add // []')"
    for label in sysreg:allow-delete sysreg:force; do
      adder="$(jq -r --arg name "$label" --arg merged "$merged_at" '[.[]
        | select((.event == "labeled" or .event == "unlabeled") and .label.name == $name and .created_at <= $merged)]
        | last // {} | select(.event == "labeled") | .actor.login' <<<"$events")"
      late="$(jq -r --arg name "$label" --arg merged "$merged_at" '[.[]
        | select(.event == "labeled" and .label.name == $name and .created_at > $merged) | .actor.login]
        | unique | join(", @")' <<<"$events")"
      if [ -n "$late" ]; then
        echo "::warning title=sysreg sync ($ENVIRONMENT)::#$number: $label was added after the merge (by @$late); it does not count."
      fi
      granted=false
      if [ -n "$adder" ]; then
        may_decide "$adder" ||
          fail "#$number: the label $label was added by @$adder, who has neither maintain nor admin permission; nothing applied. A maintainer can run this workflow by hand with the matching input."
        granted=true
      fi
      case "$label" in
        sysreg:allow-delete)
          if [ "$granted" = true ]; then allow_delete=true; fi
          if [ "$(jq '.counts.delete > 0' "$plan_file")" = true ] && [ "$granted" != true ] && [ "$INPUT_ALLOW_DELETE" != true ]; then
            fail "#$number's reviewed plan deletes, but no maintainer added $label before the merge; nothing applied."
          fi
          ;;
        sysreg:force)
          if [ "$granted" = true ]; then force=true; fi
          if [ "$(jq '.safety.safe | not' "$plan_file")" = true ] && [ "$granted" != true ] && [ "$INPUT_FORCE" != true ]; then
            fail "#$number's reviewed plan is above the safety threshold, but no maintainer added $label before the merge; nothing applied."
          fi
          ;;
      esac
    done
    plan_args+=" --plan $plan_file"
    applied+="#$number "
    echo "Reviewed plan: #$number, head $head, run $run_id."
  done
fi
# apply's flags, for the action's args (split on spaces; the paths hold none).
args="$plan_args"
if [ "$allow_delete" = true ]; then args+=" --allow-delete"; fi
if [ "$force" = true ]; then args+=" --force"; fi
{
  echo "args=\${args# }"
  echo "pull-requests=\${applied% }"
  echo "allow-delete=$allow_delete"
  echo "force=$force"
} >>"$GITHUB_OUTPUT"
`;
var USE_PULL_REQUEST_SYSTEMS_SCRIPT = `rm -rf systems
if [ -d .sysreg-pull-request/systems ]; then mv .sysreg-pull-request/systems systems; fi
rm -rf .sysreg-pull-request
`;

// src/init/workflow-templates.ts
var CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";
var UPLOAD_ARTIFACT = "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0";
var usesAction = (pin) => `${pin.repository}@${pin.commit} # ${pin.tag}`;
var environmentList = (environments) => `[${environments.join(", ")}]`;
var runBlock = (script) => script.trimEnd().split("\n").map((line) => line === "" ? "" : `          ${line}`).join("\n");
var checkoutStep = `      - uses: ${CHECKOUT}
        with:
          persist-credentials: false`;
var credentialsEnv = `          MASKINPORTEN_CLIENT_ID: \${{ secrets.MASKINPORTEN_CLIENT_ID }}
          MASKINPORTEN_KID: \${{ secrets.MASKINPORTEN_KID }}
          MASKINPORTEN_PRIVATE_KEY: \${{ secrets.MASKINPORTEN_PRIVATE_KEY }}`;
function perEnvironmentJobHead(name, environments) {
  return `    name: ${name} (\${{ matrix.environment }})
    runs-on: ubuntu-latest
    timeout-minutes: 15
    strategy:
      fail-fast: false
      matrix:
        environment: ${environmentList(environments)}`;
}
function checkoutAndRunSteps(action, command2) {
  return `    steps:
${checkoutStep}
      - uses: ${usesAction(action)}
        with:
          command: ${command2}`;
}
function pullRequestWorkflow({ action }) {
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
${checkoutAndRunSteps(action, "validate")}
`;
}
function planWorkflow({ environments, action }) {
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
${perEnvironmentJobHead("plan", environments)}
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
function syncWorkflow({ environments, action }) {
  return `# sysreg sync: on every push to main, apply to each environment in turn (${environments.join(", then ")})
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
function driftWorkflow({ environments, action }) {
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
${perEnvironmentJobHead("drift", environments)}
    environment: \${{ matrix.environment }}
    concurrency:
      group: sysreg-drift-\${{ matrix.environment }}
      cancel-in-progress: false
    permissions:
      contents: read
      # The rolling drift issue and its label.
      issues: write
${checkoutAndRunSteps(action, "drift")}
          environment: \${{ matrix.environment }}
        env:
${credentialsEnv}
`;
}
function renderWorkflows(options) {
  return [
    { path: ".github/workflows/sysreg-pull-request.yml", text: pullRequestWorkflow(options) },
    { path: ".github/workflows/sysreg-plan.yml", text: planWorkflow(options) },
    { path: ".github/workflows/sysreg-sync.yml", text: syncWorkflow(options) },
    { path: ".github/workflows/sysreg-drift.yml", text: driftWorkflow(options) }
  ];
}

// src/init/init-files.ts
var IGNORED_WORKING_FILES = ["sysreg-plan*.json", "sysreg-drift*.json"];
var BUILT_IN_ENVIRONMENTS = /* @__PURE__ */ new Set(["tt02", "prod"]);
function checkEnvironmentNames(environments) {
  if (environments.length === 0) return "--environments names no environment";
  const pattern = new RegExp(ENVIRONMENT_NAME_PATTERN);
  const bad = environments.find((name) => !pattern.test(name) || name === "local");
  if (bad !== void 0) {
    return `--environments: '${bad}' is not an environment name (lower-case letters, digits and '-', starting with a letter; 'local' is the local Altinn)`;
  }
  const repeated = environments.find((name, index) => environments.indexOf(name) !== index);
  if (repeated !== void 0) return `--environments names '${repeated}' twice`;
  return void 0;
}
function renderConfig({ environments, vendor }) {
  const lines = [
    "# sysreg configuration. The environments are the GitHub Environments the workflows run in (each",
    "# with its own Maskinporten secrets), in the order sync applies to them.",
    ...vendor ? [`# Vendor organisation number: ${vendor} (sysreg new <id> --vendor ${vendor}).`] : [],
    "environments:"
  ];
  for (const name of environments) {
    if (BUILT_IN_ENVIRONMENTS.has(name)) {
      lines.push(`  ${name}: {}`);
    } else {
      lines.push(`  # Not built in: set platformUrl and maskinportenUrl.`, `  ${name}: {}`);
    }
  }
  return `${lines.join("\n")}
`;
}
function renderInitFiles(options) {
  return [
    { path: `${SYSTEMS_DIRECTORY}/.gitkeep`, text: "" },
    { path: CONFIG_FILE_NAME, text: renderConfig(options) },
    {
      path: ".gitignore",
      text: `# sysreg working files (plans and drift reports name live state)
${IGNORED_WORKING_FILES.join("\n")}
`
    },
    { path: SYSTEM_SCHEMA_PATH, text: renderSystemSchema() },
    ...renderWorkflows({ environments: options.environments, action: options.action })
  ];
}

// src/commands/init.ts
var command = {
  name: "init",
  declare(commandLine) {
    commandLine.usage("[--vendor ORG] [--environments tt02,prod]").description(
      `Sets up the git repository you are in for sysreg: systems/ (one YAML file per system),
sysreg.config.yaml naming the environments, .gitignore entries for plan and drift files, the JSON
Schema the files point at (.sysreg/system.schema.json), and GitHub workflows that run the sysreg
action (pinned by commit) on pull requests, on merge to main and daily for drift.

Files that already exist are never changed; init says which it kept.`
    ).option("--vendor <org>", "Your organisation number (9 digits), noted in sysreg.config.yaml.").option(
      "--environments <list>",
      "Comma-separated environments, in the order sync applies them.",
      "tt02,prod"
    ).addHelpText("after", "\nExit status: 0 set up (or already set up), 1 error.");
  },
  async run({ stdout, workingDirectory, cwd }, { options: values }) {
    const environments = values.environments.split(",").map((name) => name.trim()).filter((name) => name !== "");
    const problem = checkEnvironmentNames(environments);
    if (problem) throw new UsageError(problem);
    let vendor;
    if (values.vendor !== void 0) {
      const identity = resolveSystemIdentity("init", values.vendor);
      if ("problem" in identity) throw new UsageError(identity.problem);
      vendor = identity.organisationNumber;
    }
    const start = workingDirectory ?? cwd;
    const root = findGitRoot(start);
    if (root === void 0) {
      throw new UsageError(`'${start}' is not inside a git repository; run 'git init' first.`);
    }
    const hasSystemsFolder = await stat(path.join(root, SYSTEMS_DIRECTORY)).then(
      (info) => info.isDirectory(),
      () => false
    );
    const created = [];
    const kept = [];
    if (hasSystemsFolder) kept.push(`${SYSTEMS_DIRECTORY}/ (exists)`);
    for (const file of renderInitFiles({ environments, vendor, action: ACTION_PIN })) {
      if (hasSystemsFolder && file.path.startsWith(`${SYSTEMS_DIRECTORY}/`)) continue;
      const target = path.join(root, file.path);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileAtomically(target, file.text, { exclusive: true });
        created.push(file.path);
      } catch (error) {
        if (error.code !== "EEXIST") {
          throw new UsageError(`cannot write '${file.path}': ${describeFileError(error)}`);
        }
        kept.push(await describeKeptFile(root, file.path, file.text));
      }
    }
    const lines = [`sysreg init in ${root}`];
    for (const file of created) lines.push(`  created ${file}`);
    for (const note of kept) lines.push(`  kept    ${note}`);
    lines.push(
      "",
      "Next:",
      `  1. sysreg new <id> --vendor ${vendor ?? "<organisation number>"}, then sysreg validate.`,
      `  2. In GitHub (Settings \u2192 Environments) create ${[...environments, ...environments.map((name) => `${name}-apply`)].join(", ")},`,
      "     each with the secrets MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID and MASKINPORTEN_PRIVATE_KEY",
      "     and deployments from main only; required reviewers, if any, on the -apply ones.",
      "  3. Commit and push; require the checks validate and plan (<env>) on main."
    );
    stdout.write(`${lines.join("\n")}
`);
    return 0;
  }
};
async function describeKeptFile(root, file, wanted) {
  const existing = await readFile(path.join(root, file), "utf8").catch(() => void 0);
  if (existing === void 0 || existing === wanted) return `${file} (exists)`;
  if (file === ".gitignore") {
    const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
    const missing = IGNORED_WORKING_FILES.filter((pattern) => !present.has(pattern));
    if (missing.length > 0) return `${file} (exists; add the lines: ${missing.join(" ")})`;
    return `${file} (exists)`;
  }
  return `${file} (exists, differs from what init writes; left as it is)`;
}
export {
  command
};
