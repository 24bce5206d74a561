/**
 * Step outputs: `name=value` lines appended to the file named by GITHUB_OUTPUT. Multi-line values use
 * the heredoc form with a random delimiter, as @actions/core does, so a value cannot forge a second
 * output.
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { GitHubReportError } from './github-report-error.ts';

export type OutputValue = string | number | boolean;

/** One output in GITHUB_OUTPUT's file syntax. `createDelimiter` is injectable for tests. */
export function formatOutput(
  name: string,
  value: OutputValue,
  createDelimiter: () => string = () => `ghadelimiter_${randomUUID()}`,
): string {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    throw new GitHubReportError('file-write-failed', `GITHUB_OUTPUT: '${name}' is not a valid output name.`);
  }
  const text = String(value);
  if (!/[\r\n]/.test(text)) return `${name}=${text}\n`;
  const delimiter = createDelimiter();
  if (text.includes(delimiter)) {
    throw new GitHubReportError(
      'file-write-failed',
      `GITHUB_OUTPUT: the value of '${name}' contains its delimiter.`,
    );
  }
  return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
}

export async function writeOutputs(path: string, outputs: Record<string, OutputValue>): Promise<void> {
  const text = Object.entries(outputs)
    .map(([name, value]) => formatOutput(name, value))
    .join('');
  try {
    await appendFile(path, text, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError('file-write-failed', `GITHUB_OUTPUT: cannot append to ${path}: ${reason}`);
  }
}
