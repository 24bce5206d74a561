/** The yaml library's errors as diagnostics: a rule id, a position and a message a vendor can act on. */
import { visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import type { Diagnostic, SourceSpan } from '../model/diagnostic.ts';

const YAML_RULE_BY_CODE: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indentation',
};

export function locateYamlError(error: YAMLError, lineCounter: LineCounter): Omit<SourceSpan, 'file'> {
  const start = lineCounter.linePos(error.pos[0]);
  const end = lineCounter.linePos(Math.max(error.pos[1], error.pos[0] + 1));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/**
 * Every duplicate key (each is its own mistake) when they are the only errors; otherwise only the
 * first other error, tab indentation first: after one syntax error the parser's further complaints,
 * duplicate keys included, are mostly echoes of it.
 */
export function diagnoseYamlErrors(
  errors: YAMLError[],
  lineCounter: LineCounter,
  text: string,
): Omit<Diagnostic, 'file'>[] {
  const lines = text.split(/\r?\n/);
  const byPosition = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const tabs = byPosition.filter((error) => error.code === 'TAB_AS_INDENT');
  const others = byPosition.filter((error) => error.code !== 'DUPLICATE_KEY');
  const chosen = tabs.length > 0 ? tabs.slice(0, 1) : others.length > 0 ? others.slice(0, 1) : byPosition;
  return chosen.map((error) => {
    const ruleId = YAML_RULE_BY_CODE[error.code] ?? 'yaml-syntax';
    const base = { ...locateYamlError(error, lineCounter), ruleId, severity: 'error' as const };
    if (error.code === 'DUPLICATE_KEY') {
      const first = findFirstOccurrence(lines, base.line);
      return {
        ...base,
        message: first
          ? `\`${first.key}\` is already set on line ${first.line} in the same map; YAML keys must be unique.`
          : 'this key is already set earlier in the same map; YAML keys must be unique.',
      };
    }
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
      const deeper = findOverIndentedLine(lines, base.line);
      if (deeper) {
        return {
          line: deeper.line,
          column: deeper.column,
          ruleId,
          severity: 'error' as const,
          message: `this line is indented deeper than \`${deeper.above}\` on line ${base.line}, so YAML cannot read it as the next key, nor as part of that value.`,
          hint: `If it is the next key of the same map, start it in column ${deeper.aboveColumn}, like line ${base.line}.`,
        };
      }
    }
    if (error.code === 'TAB_AS_INDENT') {
      const more = tabs.length - 1;
      return {
        ...base,
        message: `tabs are not allowed as indentation in YAML${more > 0 ? ` (${more} more line${more === 1 ? '' : 's'} after this one)` : ''}.`,
        hint: 'Indent with spaces.',
      };
    }
    if (error.code === 'RESOURCE_EXHAUSTION') {
      return {
        ...base,
        message: 'the YAML is nested too deeply to read.',
        hint: 'A system file needs a few levels.',
      };
    }
    return { ...base, message: `invalid YAML: ${takeFirstLine(error.message)} (${error.code}).` };
  });
}

const KEY_LINE = /^(\s*)(?:- )?([^\s#:][^:#]*?):(?:\s|$)/;

/** The key on `line` (1-based) and where the same key first appears in the same map above it. */
function findFirstOccurrence(
  lines: readonly string[],
  line: number,
): { key: string; line: number } | undefined {
  const match = KEY_LINE.exec(lines[line - 1] ?? '');
  if (!match) return undefined;
  const indent = (match[1] ?? '').length;
  const key = match[2] ?? '';
  for (let index = line - 2; index >= 0; index -= 1) {
    const text = lines[index] ?? '';
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const other = KEY_LINE.exec(text);
    const otherIndent = text.length - text.trimStart().length;
    if (otherIndent < indent) return undefined; // left the map
    if (other && (other[1] ?? '').length === indent && other[2] === key) return { key, line: index + 1 };
  }
  return undefined;
}

/**
 * After a `key: value` on `line`, the next line indented deeper than that key: the parser blames the
 * value, but the mistake is the indentation of the line after it.
 */
function findOverIndentedLine(
  lines: readonly string[],
  line: number,
): { line: number; column: number; above: string; aboveColumn: number } | undefined {
  const match = KEY_LINE.exec(lines[line - 1] ?? '');
  if (!match) return undefined;
  const indent = (match[1] ?? '').length;
  for (let index = line; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const next = text.length - text.trimStart().length;
    if (next <= indent) return undefined;
    return { line: index + 1, column: next + 1, above: `${match[2]}:`, aboveColumn: indent + 1 };
  }
  return undefined;
}

function takeFirstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export function findFirstAliasSpan(
  yamlDocument: Document,
  lineCounter: LineCounter,
): Omit<SourceSpan, 'file'> {
  let offset = 0;
  visit(yamlDocument, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
