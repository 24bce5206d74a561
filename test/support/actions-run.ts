/**
 * A simulated GitHub Actions step for tests: a temporary directory holding the event payload, the
 * job summary file and the outputs file, plus the GITHUB_* environment pointing at them and at a
 * stand-in GitHub API (test/support/fake-github.ts).
 *
 *   const run = await createActionsRun({ github, eventName: 'pull_request', event: payload, sha });
 *   await runCli([...], cwd, undefined, run.env)   // as the runner starts a step
 *   await run.readSummary(); await run.readOutputs(); await run.cleanup();
 * or, in-process, createGitHubReporterFromEnvironment(run.env, recordRunner()).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionsRunner } from '../../src/github/actions-runner.ts';
import type { Annotation } from '../../src/github/annotations.ts';
import type { FakeGitHub } from './fake-github.ts';

export interface ActionsRun {
  dir: string;
  env: Record<string, string>;
  /** The whole GITHUB_STEP_SUMMARY file. */
  readSummary(): Promise<string>;
  /** GITHUB_OUTPUT parsed (both `name=value` and heredoc forms); a later value wins. */
  readOutputs(): Promise<Record<string, string>>;
  readOutputFile(): Promise<string>;
  cleanup(): Promise<void>;
}

export interface CreateActionsRunOptions {
  github: FakeGitHub;
  eventName: string;
  event: unknown;
  sha: string;
  ref?: string;
  runId?: string;
  /** Omit the token (as for a job given none). */
  withoutToken?: boolean;
}

export async function createActionsRun(options: CreateActionsRunOptions): Promise<ActionsRun> {
  const dir = await mkdtemp(join(tmpdir(), 'sysreg-actions-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'step_summary.md');
  const outputPath = join(dir, 'output.txt');
  await writeFile(eventPath, JSON.stringify(options.event, null, 2));
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.github.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_REPOSITORY: `${options.github.owner}/${options.github.repo}`,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: options.runId ?? '4242',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    // Keep tests fast and bounded: no pacing between writes, short back-off, one retry.
    SYSREG_GITHUB_WRITE_INTERVAL_MS: '0',
    SYSREG_GITHUB_RETRY_BASE_MS: '1',
    SYSREG_GITHUB_RETRIES: '1',
    SYSREG_GITHUB_TIMEOUT_MS: '5000',
  };
  if (!options.withoutToken) env.GITHUB_TOKEN = options.github.token;
  const readOutputFile = () => readFile(outputPath, 'utf8');
  return {
    dir,
    env,
    readSummary: () => readFile(summaryPath, 'utf8'),
    readOutputFile,
    async readOutputs() {
      return parseOutputFile(await readOutputFile());
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Parses GITHUB_OUTPUT's file syntax the way the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = line.match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: heredoc for '${name}' is not closed`);
      outputs[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: cannot parse line '${line}'`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** A stdout stand-in that keeps what was written. */
export function captureOutput(): { write(text: string): boolean; readonly text: string } {
  let text = '';
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

/**
 * For tests of what the reporter reports (in-process, with the stand-in GitHub): keeps what it hands
 * to the runner. How @actions/core puts that into a step (command syntax, escaping, the files) is
 * tested through the real CLI in child processes (test/github/scenarios/, runStep).
 */
export interface RecordedRunner extends ActionsRunner {
  readonly annotations: Annotation[];
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

export function recordRunner(): RecordedRunner {
  const annotations: Annotation[] = [];
  const outputs: Record<string, string> = {};
  let summary = '';
  return {
    annotations,
    outputs,
    get summary() {
      return summary;
    },
    annotate(more) {
      annotations.push(...more);
    },
    setOutputs(values) {
      for (const [name, value] of Object.entries(values)) outputs[name] = String(value);
    },
    async appendJobSummary(markdown) {
      summary += markdown;
    },
  };
}
