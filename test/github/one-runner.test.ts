/**
 * One implementation speaks to the Actions runner, for the CLI's `--report github` and the action
 * alike: src/github/actions-runner.ts, on @actions/core. No other source file writes a workflow
 * command, loads @actions/core, or writes the step's output or summary file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

const SRC = path.join(REPO_ROOT, 'src');
const RUNNER = 'github/actions-runner.ts';
/** Workflow files `sysreg init` writes: shell run by the runner in the vendor's job, not by sysreg. */
const WORKFLOW_TEMPLATES = /^init\/workflow-/;

const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({
    file: file.split(path.sep).join('/'),
    text: readFileSync(path.join(SRC, file), 'utf8'),
  }));

/** A string literal that starts a workflow command: `'::error`, `` `::stop-commands:: ``, `"::add-mask`. */
const COMMAND_LITERAL = /['"`]::[a-z$]/;

describe('the runner module is the one implementation', () => {
  it('is the only source file that writes a workflow command', () => {
    const writers = sources
      .filter(({ file }) => file !== RUNNER && !WORKFLOW_TEMPLATES.test(file))
      .filter(({ text }) => COMMAND_LITERAL.test(text))
      .map(({ file }) => file);
    expect(writers).toEqual([]);
  });

  it('is the only source file that loads @actions/core', () => {
    const importers = sources
      .filter(({ text }) => /from '@actions\/core'/.test(text))
      .map(({ file }) => file);
    expect(importers).toEqual([RUNNER]);
  });

  it('leaves the step files to @actions/core: no source file writes GITHUB_OUTPUT or GITHUB_STEP_SUMMARY', () => {
    const writers = sources
      .filter(({ file }) => !WORKFLOW_TEMPLATES.test(file))
      .filter(({ text }) =>
        /\b(?:appendFile|writeFile)\w*\([^)]*(?:outputPath|stepSummaryPath|GITHUB_OUTPUT|GITHUB_STEP_SUMMARY)/.test(
          text,
        ),
      )
      .map(({ file }) => file);
    expect(writers).toEqual([]);
    // Named only where they are checked to be set (actions-environment.ts) and by the runner module.
    const naming = sources
      .filter(({ file }) => !WORKFLOW_TEMPLATES.test(file))
      .filter(({ text }) => /GITHUB_OUTPUT|GITHUB_STEP_SUMMARY|stepSummaryPath|outputPath/.test(text))
      .map(({ file }) => file)
      .sort();
    expect(naming).toEqual(['github/actions-environment.ts', RUNNER]);
  });
});
