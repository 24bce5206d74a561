import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  ENVIRONMENT_NAME_PATTERN,
  SYSTEM_SCHEMA_PATH,
  renderSystemSchema
} from "./chunk-IKNEDBOH.js";
import {
  ACTION_PIN
} from "./chunk-WEIKV5NT.js";
import {
  findGitRoot
} from "./chunk-3T32HAJJ.js";
import {
  CONFIG_FILE_NAME
} from "./chunk-BWGYRILG.js";
import {
  resolveSystemIdentity
} from "./chunk-D6WD3SHR.js";
import {
  describeFileError
} from "./chunk-LRC75U72.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-PD2XGLPH.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-KBDEQPMX.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/init.ts
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

// src/init/workflow-templates.ts
var CHECKOUT = "actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0";
var UPLOAD_ARTIFACT = "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2";
var usesAction = (pin) => `${pin.repository}@${pin.commit} # ${pin.tag}`;
var environmentList = (environments) => `[${environments.join(", ")}]`;
var checkoutStep = `      - uses: ${CHECKOUT}
        with:
          persist-credentials: false`;
var credentialsEnv = `          MASKINPORTEN_CLIENT_ID: \${{ secrets.MASKINPORTEN_CLIENT_ID }}
          MASKINPORTEN_KID: \${{ secrets.MASKINPORTEN_KID }}
          MASKINPORTEN_PRIVATE_KEY: \${{ secrets.MASKINPORTEN_PRIVATE_KEY }}`;
function pullRequestWorkflow({ environments, action }) {
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
function syncWorkflow({ environments, action }) {
  return `# sysreg sync: on every push to main, apply git to each environment in turn (${environments.join(", then ")}).
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
function renderWorkflows(options) {
  return [
    { path: ".github/workflows/sysreg-pull-request.yml", text: pullRequestWorkflow(options) },
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
var USAGE = `Usage: sysreg init [--vendor ORG] [--environments tt02,prod]

Sets up the git repository you are in for sysreg: systems/ (one YAML file per system),
sysreg.config.yaml naming the environments, .gitignore entries for plan and drift files, the JSON
Schema the files point at (.sysreg/system.schema.json), and GitHub workflows that run the sysreg
action (pinned by commit) on pull requests, on merge to main and daily for drift.

Files that already exist are never changed; init says which it kept.

Options:
  --vendor ORG          Your organisation number (9 digits), noted in sysreg.config.yaml.
  --environments LIST   Comma-separated environments, in the order sync applies them (default: tt02,prod).

Exit status: 0 set up (or already set up), 1 error.
`;
var command = {
  name: "init",
  summary: "Set up a git repository to keep its systems with sysreg.",
  usage: USAGE,
  async run({ argv, stdout, workingDirectory, cwd }) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { vendor: { type: "string" }, environments: { type: "string", default: "tt02,prod" } },
        strict: true
      }));
    } catch (error) {
      throw new UsageError(`${error instanceof Error ? error.message : String(error)}

${USAGE}`);
    }
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
        await writeFile(target, file.text, { flag: "wx" });
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
      `  2. In GitHub (Settings → Environments) create ${environments.join(", ")}, each with the secrets`,
      "     MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID and MASKINPORTEN_PRIVATE_KEY.",
      "  3. Commit and push."
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
