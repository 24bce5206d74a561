/**
 * The job summary: Markdown appended to the file named by GITHUB_STEP_SUMMARY, shown on the run page.
 * GitHub refuses a step's summary past 1 MiB, so longer text is cut with a note rather than lost whole.
 */
import { appendFile } from 'node:fs/promises';
import { GitHubReportError } from './github-report-error.ts';

export const MAX_JOB_SUMMARY_BYTES = 1024 * 1024;

export async function appendJobSummary(path: string, markdown: string): Promise<void> {
  const text = limitJobSummary(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  try {
    await appendFile(path, text, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GitHubReportError(
      'file-write-failed',
      `GITHUB_STEP_SUMMARY: cannot append to ${path}: ${reason}`,
    );
  }
}

function limitJobSummary(markdown: string): string {
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
