/**
 * Command-line arguments for every verb: node:util parseArgs (no dependency, nothing to load before
 * a fast `validate`), with its errors rewritten as one sentence that names the flag, suggests the
 * flag that was probably meant, and ends with the command's usage line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../model/command.ts';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly; a bad flag is a UsageError (exit 1) that says what to type instead. */
export function parseArguments<T extends OptionsConfig>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${explainArgumentError(error, options)}\n\n${usageSummary(usage)}`);
  }
}

function explainArgumentError(error: unknown, options: OptionsConfig): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs names the flag in its message, quoted, and with `<value>` when it takes one.
  const flag = /'(-[^'\s]*)/.exec(message)?.[1];
  if (flag === undefined) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.entries(options).flatMap(([name, option]) => [
      `--${name}`,
      ...(option.short ? [`-${option.short}`] : []),
    ]);
    const meant = findClosest(flag, known);
    return `unknown option ${flag}${meant ? `; did you mean ${meant}?` : '.'}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take/.test(message) ? `${flag} takes no value.` : `${flag} needs a value.`;
  }
  return message;
}

/** The usage lines (up to the first blank line) and where the rest is. */
export function usageSummary(usage: string): string {
  const [head = ''] = usage.split('\n\n');
  const verb = /^Usage: sysreg (\S+)/.exec(head)?.[1];
  return `${head}\nRun 'sysreg ${verb ?? '<command>'} --help' for every option.`;
}

/**
 * The candidate `word` was most likely a typo of: within two edits (or a prefix), closest first;
 * undefined when none is near enough to be worth suggesting.
 */
export function findClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 3 ? 1 : editDistance(word, candidate);
    // Two edits at most, and fewer than half the word: `-x` is not a typo of `-y`.
    if (distance <= 2 && distance * 2 < word.length && (!best || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}
