/**
 * The one place sysreg speaks to the GitHub Actions runner, for the CLI's `--report github` and the
 * action alike: annotations, step outputs, the job summary, masks, the action's inputs and failure,
 * all through @actions/core, which does the escaping; and fences that keep printed text inert. What
 * to report is decided elsewhere, by pure builders (annotations.ts, report.ts); this only hands it over.
 * core writes to process.stdout and reads GITHUB_OUTPUT and GITHUB_STEP_SUMMARY from process.env
 * itself, as a step's process has them.
 */
// Named imports: with a namespace import esbuild keeps all of core, its HTTP client included.
import {
  error as raiseError,
  getInput,
  notice as raiseNotice,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning as raiseWarning,
  type AnnotationProperties,
} from '@actions/core';
import { randomUUID } from 'node:crypto';
import process from 'node:process';
import type { Output } from '../model/command.ts';
import { describeFileError } from '../model/describe-file-error.ts';
import type { Annotation } from './annotations.ts';
import { GitHubReportError } from './github-report-error.ts';

export type OutputValue = string | number | boolean;

/** Where the reporter hands over what it reports; report.ts builds the content, this delivers it. */
export interface ActionsRunner {
  annotate(annotations: readonly Annotation[]): void;
  setOutputs(outputs: Record<string, OutputValue>): void;
  appendJobSummary(markdown: string): Promise<void>;
}

/** stdout, or stderr beside `--format json`, whose stdout must stay parseable; the runner reads both. */
export type CommandStream = 'stdout' | 'stderr';

/** GitHub refuses a step's summary past 1 MiB; core.summary does not check, so the cut is made here. */
export const MAX_JOB_SUMMARY_BYTES = 1024 * 1024;

const RAISE = { error: raiseError, warning: raiseWarning, notice: raiseNotice } as const;

export function createActionsRunner(commandStream: CommandStream = 'stdout'): ActionsRunner {
  return {
    annotate(annotations) {
      onStream(commandStream, () => {
        for (const { level, message, ...where } of annotations)
          RAISE[level](message, annotationProperties(where));
      });
    },
    setOutputs(outputs) {
      // Without GITHUB_OUTPUT core would fall back to the retired `::set-output` command.
      if (!process.env.GITHUB_OUTPUT)
        throw new GitHubReportError('file-write-failed', 'GITHUB_OUTPUT is not set.');
      for (const [name, value] of Object.entries(outputs)) {
        try {
          setOutput(name, value);
        } catch (error) {
          throw new GitHubReportError('file-write-failed', `GITHUB_OUTPUT: ${describeFileError(error)}`);
        }
      }
    },
    async appendJobSummary(markdown) {
      try {
        await summary.addRaw(limitJobSummary(markdown.endsWith('\n') ? markdown : `${markdown}\n`)).write();
      } catch (error) {
        summary.emptyBuffer();
        throw new GitHubReportError('file-write-failed', `GITHUB_STEP_SUMMARY: ${describeFileError(error)}`);
      }
    },
  };
}

/**
 * Registers a secret with the runner, which masks it in the log from then on. On stderr, so that a
 * token arriving while `--format json` writes to stdout does not end up inside the JSON.
 */
export function maskSecret(secret: string): void {
  onStream('stderr', () => setSecret(secret));
}

/** The action's input `name` (INPUT_<NAME>), trimmed; '' when not given. */
export function readInput(name: string): string {
  return getInput(name);
}

/** Fails the action's step with an error annotation and exit status 1. */
export function failStep(message: string): void {
  setFailed(message);
}

/**
 * Log text the runner does not read as workflow commands: it acts on `::cmd::` at the start of a line
 * and on the legacy `##[cmd]` anywhere in one (actions/runner#4692), so a printed system name could
 * raise annotations or set outputs. Each write is fenced with `::stop-commands::<token>` … `::<token>::`,
 * the token random so printed text cannot end the fence early. core has no stop-commands call (its
 * `issue` is internal), and the fence must sit on the stream of the text it fences, where core.info
 * cannot put it for stderr, so the two lines are written here, as core would format them.
 */
export function createInertLogOutput(output: Output, createToken: () => string = randomUUID): Output {
  return {
    ...(output.isTTY === undefined ? {} : { isTTY: output.isTTY }),
    write(text: string) {
      if (text === '') return true;
      const token = `sysreg-${createToken()}`;
      const body = text.endsWith('\n') ? text : `${text}\n`;
      return output.write(`::stop-commands::${token}\n${body}::${token}::\n`);
    },
  };
}

/**
 * Runs synchronous core calls with their workflow commands on `stream`. core writes only to
 * process.stdout, so for stderr its writes are sent there for the length of the call.
 */
function onStream(stream: CommandStream, issue: () => void): void {
  if (stream === 'stdout') {
    issue();
    return;
  }
  const stdout = process.stdout;
  const write = stdout.write;
  stdout.write = process.stderr.write.bind(process.stderr) as typeof write;
  try {
    issue();
  } finally {
    stdout.write = write;
  }
}

function annotationProperties(where: Omit<Annotation, 'level' | 'message'>): AnnotationProperties {
  return {
    title: where.title,
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.line === undefined ? {} : { startLine: where.line }),
    ...(where.col === undefined ? {} : { startColumn: where.col }),
    ...(where.endLine === undefined ? {} : { endLine: where.endLine }),
    ...(where.endColumn === undefined ? {} : { endColumn: where.endColumn }),
  };
}

/** `markdown`, cut to GitHub’s limit with a note when longer. */
export function limitJobSummary(markdown: string): string {
  if (Buffer.byteLength(markdown, 'utf8') <= MAX_JOB_SUMMARY_BYTES) return markdown;
  const note = '\n\n_The summary was cut at GitHub’s 1 MiB limit; the plan file holds everything._\n';
  const budget = MAX_JOB_SUMMARY_BYTES - Buffer.byteLength(note, 'utf8');
  // Cut on a character boundary: decode the byte prefix and drop a trailing partial character.
  const cut = Buffer.from(markdown, 'utf8')
    .subarray(0, budget)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return `${cut}${note}`;
}
