/**
 * Puts user text (a system id, a file name) into a Markdown code span, where Markdown, HTML and
 * `@mentions` are inert. The fence is one backtick longer than the longest run inside the text, as
 * CommonMark requires, so the text cannot close the span early.
 */
export function formatInlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space inside the fence keeps a leading or trailing backtick from joining the fence.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
