/**
 * Text from files, the register or the environment shown on a terminal or in a CI log. One place
 * decides what is escaped, so a value can never move the cursor, retitle or clear a terminal, start
 * a workflow command on a line of its own, or reorder what a reviewer reads.
 */

/**
 * Control characters (C0, DEL, C1, so ESC, BEL, CR and line breaks), Unicode line and paragraph
 * separators, and bidirectional overrides and isolates, each as a visible `\uXXXX`.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, except tabs, for lines whose layout (a caret under a source line) depends on them. */
const UNSAFE_FOR_TERMINAL_KEEPING_TABS =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line of text, safe to print: every unsafe character escaped, line breaks included. */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, escapeCharacter);
}

/** As `escapeTerminalText`, but tabs are kept. */
export function escapeTerminalTextKeepingTabs(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL_KEEPING_TABS, escapeCharacter);
}

/** Text of several lines, safe to print: each line escaped, the line breaks between them kept. */
export function escapeTerminalLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeTerminalText(line))
    .join('\n');
}
