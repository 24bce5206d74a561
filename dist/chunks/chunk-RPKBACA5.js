// src/systems/terminal-text.ts
var UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var UNSAFE_FOR_TERMINAL_KEEPING_TABS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeCharacter(character) {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function escapeTerminalText(text) {
  return text.replace(UNSAFE_FOR_TERMINAL, escapeCharacter);
}
function escapeTerminalTextKeepingTabs(text) {
  return text.replace(UNSAFE_FOR_TERMINAL_KEEPING_TABS, escapeCharacter);
}
function escapeTerminalLines(text) {
  return text.split("\n").map((line) => escapeTerminalText(line)).join("\n");
}

export {
  escapeTerminalText,
  escapeTerminalTextKeepingTabs,
  escapeTerminalLines
};
