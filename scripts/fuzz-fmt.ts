/**
 * Fuzz run of `sysreg fmt`'s core with the validator fuzz's generated inputs (scripts/fuzz-validate.ts):
 * for every file, formatting never throws, and a file it rewrites still means the same (its data,
 * field aliases resolved), draws the same errors from validate, and is left as it is by a second run
 * (fmt is idempotent). Files fmt refuses must say why.
 *
 *   npx node scripts/fuzz-fmt.ts [--runs 3000] [--seed N]
 *
 * Prints a JSON summary and exits 1 on a failure, with the seed and path to replay it. The
 * reliability suite runs it in a child process with a time limit, so a hang is a failure too.
 */
import process from 'node:process';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import fc from 'fast-check';
import { formatSystemFile, readMeaning } from '../src/systems/format.ts';
import { decodeSystemFile } from '../src/systems/load.ts';
import { parseSystemFile } from '../src/systems/parse.ts';
import { parseSystemYaml } from '../src/systems/yaml-options.ts';
import { CASE_TIME_LIMIT_MS, fuzzFileArbitrary, type FuzzFile } from './fuzz-validate.ts';

export interface FmtFuzzSummary {
  runs: number;
  seed: number;
  passed: boolean;
  /** Files fmt rewrote (and that passed every check). */
  rewritten: number;
  /** Files fmt left alone with a reason. */
  refused: number;
  slowestCaseMs: number;
  failure?: string;
}

function errorRules(file: string, text: string): string[] {
  return parseSystemFile(file, text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.ruleId)
    .sort();
}

/** Why one generated file breaks fmt's promises, or `undefined`. A throw escapes: that is a crash. */
export function checkFormatterInput(input: FuzzFile): {
  problem?: string;
  outcome: 'rewritten' | 'refused' | 'unchanged';
} {
  const decoded = decodeSystemFile(input.file, input.bytes);
  // fmt reads through the same decoder; what it refuses there never reaches the formatter.
  if (!decoded.ok) return { outcome: 'refused' };
  const result = formatSystemFile(input.file, decoded.text);
  if ('problems' in result) {
    if (result.problems.length === 0 || result.problems.some((p) => p.trim() === ''))
      return { problem: `${input.file}: refused without a reason`, outcome: 'refused' };
    if (result.problems.some((p) => p.startsWith('internal error')))
      return { problem: `${input.file}: ${result.problems.join('; ')}`, outcome: 'refused' };
    return { outcome: 'refused' };
  }
  if (!result.changed) return { outcome: 'unchanged' };
  const meaning = (text: string) => readMeaning(parseSystemYaml(text));
  if (!isDeepStrictEqual(meaning(result.text), meaning(decoded.text)))
    return { problem: `${input.file}: the rewritten file means something else`, outcome: 'rewritten' };
  if (!isDeepStrictEqual(errorRules(input.file, result.text), errorRules(input.file, decoded.text)))
    return {
      problem: `${input.file}: the rewritten file draws other errors from validate`,
      outcome: 'rewritten',
    };
  const again = formatSystemFile(input.file, result.text);
  if (!('changed' in again))
    return { problem: `${input.file}: formatting the result again fails`, outcome: 'rewritten' };
  if (again.changed)
    return { problem: `${input.file}: a second run changes the rewritten file again`, outcome: 'rewritten' };
  return { outcome: 'rewritten' };
}

export function runFormatterFuzz(options: { runs: number; seed?: number }): FmtFuzzSummary {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  let slowest = 0;
  let rewritten = 0;
  let refused = 0;
  const property = fc.property(fuzzFileArbitrary, (file) => {
    const started = performance.now();
    const checked = checkFormatterInput(file);
    const elapsed = performance.now() - started;
    slowest = Math.max(slowest, elapsed);
    if (checked.problem) throw new Error(checked.problem);
    if (elapsed > CASE_TIME_LIMIT_MS) throw new Error(`one case took ${Math.round(elapsed)} ms (a hang)`);
    if (checked.outcome === 'rewritten') rewritten += 1;
    if (checked.outcome === 'refused') refused += 1;
  });
  const details = fc.check(property, { numRuns: options.runs, seed });
  const summary: FmtFuzzSummary = {
    runs: details.numRuns,
    seed,
    passed: !details.failed,
    rewritten,
    refused,
    slowestCaseMs: Math.round(slowest),
  };
  if (details.failed) {
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    summary.failure = `${error} (replay: --seed ${seed}, path ${details.counterexamplePath})`;
  }
  return summary;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3000' }, seed: { type: 'string' } },
  });
  const summary = runFormatterFuzz({
    runs: Number(values.runs),
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exitCode = summary.passed ? 0 : 1;
}
