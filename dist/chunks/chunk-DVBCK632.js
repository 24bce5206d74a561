import {
  redactSecrets
} from "./chunk-XUPUTSX3.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";

// src/github/actions-environment.ts
const { readFile } = globalThis.process.getBuiltinModule("node:fs/promises");

// src/github/github-report-error.ts
var GitHubReportError = class extends Error {
  code;
  /** HTTP status of the failed API call, when there was one. */
  status;
  /** Exit code for the CLI (src/cli.ts prints the message of any error with an `exitCode`). */
  exitCode = 1;
  constructor(code, message, status) {
    super(message);
    this.name = "GitHubReportError";
    this.code = code;
    this.status = status;
  }
};
function redactKnownSecrets(text, secrets) {
  let redacted = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) redacted = redacted.split(secret).join("[REDACTED]");
  }
  return redactSecrets(redacted.replace(/\b(token|bearer)\s+[A-Za-z0-9_.-]{8,}/gi, "$1 [REDACTED]"));
}
function toGitHubReportError(error, action, secrets) {
  if (error instanceof GitHubReportError) return error;
  const status = typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : void 0;
  const detail = error instanceof Error ? error.message : String(error);
  const message = `GitHub API: could not ${action}${status === void 0 ? "" : ` (HTTP ${status})`}: ${detail}`;
  return new GitHubReportError("api-failed", redactKnownSecrets(message, secrets), status);
}

// src/github/actions-environment.ts
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
    stepSummaryPath: value("GITHUB_STEP_SUMMARY"),
    outputPath: value("GITHUB_OUTPUT"),
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

// src/github/job-summary.ts
const { appendFile } = globalThis.process.getBuiltinModule("node:fs/promises");
var MAX_JOB_SUMMARY_BYTES = 1024 * 1024;
async function appendJobSummary(path, markdown) {
  const text = limitJobSummary(markdown.endsWith("\n") ? markdown : `${markdown}
`);
  try {
    await appendFile(path, text, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError(
      "file-write-failed",
      `GITHUB_STEP_SUMMARY: cannot append to ${path}: ${reason}`
    );
  }
}
function limitJobSummary(markdown) {
  if (Buffer.byteLength(markdown, "utf8") <= MAX_JOB_SUMMARY_BYTES) return markdown;
  const note = "\n\n_The summary was cut at GitHub\u2019s 1 MiB limit; the plan file holds everything._\n";
  const budget = MAX_JOB_SUMMARY_BYTES - Buffer.byteLength(note, "utf8");
  const cut = Buffer.from(markdown, "utf8").subarray(0, budget).toString("utf8").replace(/\uFFFD$/, "");
  return `${cut}${note}`;
}

// src/github/outputs.ts
const { randomUUID } = globalThis.process.getBuiltinModule("node:crypto");
const { appendFile: appendFile2 } = globalThis.process.getBuiltinModule("node:fs/promises");
function formatOutput(name, value, createDelimiter = () => `ghadelimiter_${randomUUID()}`) {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    throw new GitHubReportError("file-write-failed", `GITHUB_OUTPUT: '${name}' is not a valid output name.`);
  }
  const text = String(value);
  if (!/[\r\n]/.test(text)) return `${name}=${text}
`;
  const delimiter = createDelimiter();
  if (text.includes(delimiter)) {
    throw new GitHubReportError(
      "file-write-failed",
      `GITHUB_OUTPUT: the value of '${name}' contains its delimiter.`
    );
  }
  return `${name}<<${delimiter}
${text}
${delimiter}
`;
}
async function writeOutputs(path, outputs) {
  const text = Object.entries(outputs).map(([name, value]) => formatOutput(name, value)).join("");
  try {
    await appendFile2(path, text, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError("file-write-failed", `GITHUB_OUTPUT: cannot append to ${path}: ${reason}`);
  }
}

// src/github/inert-log.ts
const { randomUUID: randomUUID2 } = globalThis.process.getBuiltinModule("node:crypto");
function createInertLogOutput(output, createToken = randomUUID2) {
  return {
    ...output.isTTY === void 0 ? {} : { isTTY: output.isTTY },
    write(text) {
      if (text === "") return true;
      const token = `sysreg-${createToken()}`;
      const body = text.endsWith("\n") ? text : `${text}
`;
      return output.write(`::stop-commands::${token}
${body}::${token}::
`);
    }
  };
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
  GitHubReportError,
  toGitHubReportError,
  readActionsContext,
  requireToken,
  appendJobSummary,
  writeOutputs,
  createInertLogOutput,
  parseReportTarget
};
