import {
  GitHubReportError
} from "./chunk-FFJOBAUL.js";
import {
  capDiagnostics,
  describeOmitted,
  summarizeDiagnostics
} from "./chunk-SJD3TTC4.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";

// src/github/actions-environment.ts
const { readFile } = globalThis.process.getBuiltinModule("node:fs/promises");
var REQUIRED_VARIABLES = [
  "GITHUB_API_URL",
  "GITHUB_SERVER_URL",
  "GITHUB_REPOSITORY",
  "GITHUB_EVENT_NAME",
  "GITHUB_EVENT_PATH",
  "GITHUB_SHA",
  "GITHUB_RUN_ID",
  "GITHUB_STEP_SUMMARY",
  "GITHUB_OUTPUT"
];
async function readActionsContext(env, options = {}) {
  const missing = REQUIRED_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new GitHubReportError(
      "missing-environment",
      `--report github needs the GitHub Actions environment, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set. Run inside a GitHub Actions job, or drop --report github.`
    );
  }
  const value = (name) => env[name];
  const repository = value("GITHUB_REPOSITORY");
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new GitHubReportError(
      "missing-environment",
      `GITHUB_REPOSITORY must be 'owner/name', but is '${repository}'.`
    );
  }
  const eventPath = value("GITHUB_EVENT_PATH");
  const event = await readEventPayload(eventPath, options.readText ?? ((path) => readFile(path, "utf8")));
  const serverUrl = value("GITHUB_SERVER_URL").replace(/\/+$/, "");
  const runId = value("GITHUB_RUN_ID");
  const eventName = value("GITHUB_EVENT_NAME");
  return {
    apiUrl: value("GITHUB_API_URL").replace(/\/+$/, ""),
    serverUrl,
    token: env.GITHUB_TOKEN || void 0,
    owner,
    repo,
    eventName,
    event,
    sha: value("GITHUB_SHA"),
    ref: env.GITHUB_REF || void 0,
    runId,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    pullRequest: readPullRequest(eventName, event, eventPath),
    defaultBranch: readDefaultBranch(event),
    commentAuthor: env.SYSREG_COMMENT_AUTHOR || void 0
  };
}
function requireToken(context) {
  if (!context.token) {
    throw new GitHubReportError(
      "missing-environment",
      "GITHUB_TOKEN is not set, so sysreg cannot write to the pull request or issues. Pass it to the step: `env: { GITHUB_TOKEN: ${{ github.token }} }`."
    );
  }
  return context.token;
}
async function readEventPayload(path, readText) {
  let text;
  try {
    text = await readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError("invalid-event", `GITHUB_EVENT_PATH: cannot read ${path}: ${reason}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError("invalid-event", `GITHUB_EVENT_PATH: ${path} is not JSON: ${reason}`);
  }
  if (!isRecord(parsed)) {
    throw new GitHubReportError("invalid-event", `GITHUB_EVENT_PATH: ${path} does not hold a JSON object.`);
  }
  return parsed;
}
function readPullRequest(eventName, event, eventPath) {
  if (eventName !== "pull_request" && eventName !== "pull_request_target") return void 0;
  const pr = event.pull_request;
  const head = isRecord(pr) ? pr.head : void 0;
  const base = isRecord(pr) ? pr.base : void 0;
  const headRepo = isRecord(head) ? head.repo : void 0;
  const number = isRecord(pr) ? pr.number : void 0;
  const headSha = isRecord(head) ? head.sha : void 0;
  const baseRef = isRecord(base) ? base.ref : void 0;
  const headRepository = isRecord(headRepo) ? headRepo.full_name : void 0;
  if (typeof number !== "number" || typeof headSha !== "string" || typeof baseRef !== "string") {
    throw new GitHubReportError(
      "invalid-event",
      `GITHUB_EVENT_PATH: ${eventPath} is a ${eventName} event without pull_request.number, .head.sha and .base.ref.`
    );
  }
  return {
    number,
    headSha,
    headRepository: typeof headRepository === "string" ? headRepository : "",
    baseRef
  };
}
function readDefaultBranch(event) {
  const repository = event.repository;
  const branch = isRecord(repository) ? repository.default_branch : void 0;
  return typeof branch === "string" ? branch : void 0;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/github/annotations.ts
function toDiagnosticAnnotation(diagnostic) {
  const code = diagnostic.altinnCode ? ` (${diagnostic.altinnCode})` : "";
  const scope = diagnostic.environment ? ` [${diagnostic.environment}]` : "";
  const message = diagnostic.hint ? `${diagnostic.message}
${diagnostic.hint}` : diagnostic.message;
  const annotation = {
    file: diagnostic.file,
    line: diagnostic.line,
    col: diagnostic.column,
    level: diagnostic.severity,
    title: `sysreg ${diagnostic.ruleId}${code}${scope}`,
    message
  };
  if (diagnostic.endLine !== void 0) annotation.endLine = diagnostic.endLine;
  if (diagnostic.endColumn !== void 0) annotation.endColumn = diagnostic.endColumn;
  return annotation;
}
function diagnosticAnnotations(diagnostics) {
  const { shown, omitted } = capDiagnostics(diagnostics);
  const annotations = shown.map(toDiagnosticAnnotation);
  for (const [file, count] of omitted) {
    annotations.push({ level: "notice", title: "sysreg validate", message: describeOmitted(file, count) });
  }
  return annotations;
}
function diagnosticsReportAnnotations({ diagnostics, fileCount }) {
  return [
    ...diagnosticAnnotations(diagnostics),
    { level: "notice", title: "sysreg validate", message: summarizeDiagnostics(diagnostics, fileCount) }
  ];
}

// src/github/report-target.ts
var REPORT_TARGETS = ["github"];
function parseReportTarget(value) {
  if (value === void 0) return void 0;
  if (typeof value === "string" && REPORT_TARGETS.includes(value)) {
    return value;
  }
  throw new UsageError(`unknown report target '${String(value)}'; use --report github.`);
}

export {
  readActionsContext,
  requireToken,
  toDiagnosticAnnotation,
  diagnosticAnnotations,
  diagnosticsReportAnnotations,
  parseReportTarget
};
