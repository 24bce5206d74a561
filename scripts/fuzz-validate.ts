/**
 * Fuzz run of the loader and validator (fast-check): generated bad input, mostly mutations of the
 * example system files plus raw bytes, goes through the same pipeline as `sysreg validate` (decode,
 * parse, the register's rules over several files, environment resolution, every renderer). Each
 * input must end in diagnostics, never in a crash, a hang, or a diagnostic without a position in
 * its file.
 *
 *   npx node scripts/fuzz-validate.ts [--runs 3000] [--seed N]
 *
 * Prints a JSON summary and exits 1 on a failure, with the seed and path to replay it. The
 * reliability suite runs it in a child process with a time limit, so a hang is a failure too;
 * test/systems/fuzz.test.ts runs a short version on every `npm test`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { DEFAULT_CATALOGUE } from '../src/catalogue/default-catalogue.ts';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { environmentsOf, resolveEnvironment, type ParsedSystem } from '../src/systems/environments.ts';
import { decodeSystemFile } from '../src/systems/load.ts';
import { createUnreadableFile, parseSystemFile } from '../src/systems/parse.ts';
import type { ParsedSystemFile } from '../src/systems/parsed-file.ts';
import { renderDiagnostics } from '../src/commands/shared/diagnostics-format.ts';
import { diagnosticsReportAnnotations } from '../src/github/annotations.ts';
import { validateSystems } from '../src/systems/validate.ts';

const REPO = path.resolve(import.meta.dirname, '..');

/** One generated file: where it claims to live and its raw bytes. */
export interface FuzzFile {
  file: string;
  bytes: Uint8Array;
}

/** A case that takes longer than this counts as a hang. */
export const CASE_TIME_LIMIT_MS = 2_000;

function readExampleFiles(): string[] {
  const folder = path.join(REPO, 'systems');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(path.join(folder, name), 'utf8'));
}

const EXAMPLES = readExampleFiles();
/** The file name each example's id asks for, so the cross-file rules see a plausible repository. */
const EXAMPLE_NAMES = EXAMPLES.map((text) => `${/^id: (\S+)$/m.exec(text)?.[1] ?? 'unknown'}.yaml`);
const encoder = new TextEncoder();

/** Values that break a field's type, shape or a rule, spliced in as YAML text. */
const HOSTILE_VALUES = [
  '',
  '~',
  'null',
  '123',
  '-0.0e+99',
  '.inf',
  'true',
  '[]',
  '{}',
  '[1, [2, [3]]]',
  '{ a: { b: { c: d } } }',
  '"\\u0000\\u001b[31m"',
  '!!binary aGVsbG8=',
  '!custom tag',
  '&anchor value',
  '*missing',
  "'unterminated",
  '"unterminated',
  '|\n  block\n   text',
  '>-\n folded',
  'http://insecure.example/cb',
  'https://',
  '0192:',
  '0192:12345678',
  '9999:314159268',
  'urn:altinn:accesspackage:',
  'urn:altinn:resource',
  ' spaced id ',
  'x'.repeat(300),
  '😀\u200b\ufeff',
  '- a\n- a\n- A',
];

const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
].join('\n');

type Mutation = (text: string) => string;

const position = (text: string, at: number) => (text.length === 0 ? 0 : at % (text.length + 1));

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  // Delete a span: unbalanced quotes and brackets, truncated keys.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, length]): Mutation => (text) => {
    const start = position(text, at);
    return text.slice(0, start) + text.slice(start + length);
  }),
  // Insert arbitrary text, control characters and all.
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom(
          '\t',
          '\r',
          ':',
          '- ',
          '#',
          '&',
          '*',
          '!',
          '%',
          '{',
          '[',
          '"',
          "'",
          '\u0000',
          '\ufeff',
          '\u2028',
        ),
      ),
    )
    .map(([at, insert]): Mutation => (text) => {
      const start = position(text, at);
      return text.slice(0, start) + insert + text.slice(start);
    }),
  // Replace the value of a line with a hostile one.
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_VALUES)).map(([at, value]): Mutation => (text) => {
    const lines = text.split('\n');
    const index = at % lines.length;
    const line = lines[index] ?? '';
    const colon = line.indexOf(':');
    lines[index] =
      colon >= 0 ? `${line.slice(0, colon + 1)} ${value}` : `${line.replace(/\S.*$/, '')}- ${value}`;
    return lines.join('\n');
  }),
  // Duplicate, swap or re-indent lines: duplicate keys, broken nesting, tab indentation.
  fc
    .tuple(fc.nat(), fc.nat(), fc.constantFrom('duplicate', 'swap', 'tab', 'indent', 'dedent'))
    .map(([a, b, how]): Mutation => (text) => {
      const lines = text.split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      const line = lines[i] ?? '';
      if (how === 'duplicate') lines.splice(j, 0, line);
      else if (how === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', line];
      else if (how === 'tab') lines[i] = `\t${line.trimStart()}`;
      else if (how === 'indent') lines[i] = `   ${line}`;
      else lines[i] = line.trimStart();
      return lines.join('\n');
    }),
  // Whole-document shapes: several documents, directives, an alias bomb, deep nesting, a scalar.
  fc
    .constantFrom(
      (text: string) => `${text}\n---\n${text}`,
      (text: string) => `%YAML 1.1\n---\n${text}`,
      (text: string) => `${text}\n${ALIAS_BOMB}\n`,
      (text: string) => `${text}\nextra: ${'['.repeat(500)}${']'.repeat(500)}\n`,
      () => 'just a string',
      () => '- a list\n- not a mapping',
      () => '',
      () => '# only a comment\n',
      (text: string) => text.replace(/\n/g, '\r\n'),
      (text: string) => text.replace(/\n/g, '\r'),
      (text: string) => `\ufeff${text}`,
    )
    .map((shape): Mutation => shape),
);

/** A mutated example file, or raw bytes now and then. */
export const fuzzFileArbitrary: fc.Arbitrary<FuzzFile> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        fc.nat({ max: EXAMPLES.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
      )
      .map(([index, mutations, ownName]) => ({
        file: `systems/${ownName ? EXAMPLE_NAMES[index] : 'renamed.yml'}`,
        bytes: encoder.encode(mutations.reduce((text, mutate) => mutate(text), EXAMPLES[index] ?? '')),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ file: 'systems/raw.yaml', bytes })),
  },
);

function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const byte of bytes) if (byte === 0x0a || byte === 0x0d) lines += 1;
  return lines;
}

/** Why a diagnostic is unusable, or undefined when it names its file, a real position, a rule and a message. */
export function findDiagnosticProblem(
  diagnostic: Diagnostic,
  files: readonly FuzzFile[],
): string | undefined {
  const source = files.find((f) => f.file === diagnostic.file);
  if (!source) return `diagnostic for unknown file '${diagnostic.file}'`;
  const { line, column } = diagnostic;
  if (!Number.isInteger(line) || line < 1 || line > countLines(source.bytes))
    return `${diagnostic.ruleId}: line ${line} is outside ${diagnostic.file}`;
  if (!Number.isInteger(column) || column < 1)
    return `${diagnostic.ruleId}: column ${column} is not a position`;
  if (!diagnostic.ruleId) return 'diagnostic without a rule id';
  if (!diagnostic.message?.trim()) return `${diagnostic.ruleId}: diagnostic without a message`;
  if (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning')
    return `${diagnostic.ruleId}: severity '${String(diagnostic.severity)}'`;
  return undefined;
}

export interface FuzzCaseOutcome {
  /** What is wrong with how the pipeline handled the input; undefined when it handled it well. */
  problem: string | undefined;
  /** Whether the input was rejected with at least one error. */
  rejected: boolean;
}

/**
 * Runs one case through the validate pipeline: the input must end in positioned diagnostics (or be
 * valid). A throw escapes to the caller: that is a crash.
 */
export function checkValidatorInput(files: readonly FuzzFile[]): FuzzCaseOutcome {
  const parsed: ParsedSystemFile[] = files.map(({ file, bytes }) => {
    const decoded = decodeSystemFile(file, bytes);
    return decoded.ok
      ? parseSystemFile(file, decoded.text)
      : createUnreadableFile(file, [decoded.diagnostic]);
  });
  const diagnostics = [
    ...parsed.flatMap((p) => p.diagnostics),
    ...validateSystems(parsed, { catalogue: DEFAULT_CATALOGUE }),
  ];
  for (const p of parsed) {
    if (p.document === undefined && !p.diagnostics.some((d) => d.severity === 'error'))
      return { problem: `${p.file}: not read, yet no error says why`, rejected: false };
    if (p.document) {
      for (const environment of [undefined, ...environmentsOf(p.document)])
        resolveEnvironment(p as ParsedSystem, environment);
    }
  }
  const rejected = diagnostics.some((d) => d.severity === 'error');
  for (const diagnostic of diagnostics) {
    const problem = findDiagnosticProblem(diagnostic, files);
    if (problem) return { problem, rejected };
  }
  const sources = new Map(parsed.map((p) => [p.file, p.text]));
  // Every --format: text, JSON, and the annotations `github` hands to the runner.
  for (const format of ['text', 'json'] as const)
    renderDiagnostics(format, { diagnostics, fileCount: files.length, sources });
  diagnosticsReportAnnotations({ diagnostics, fileCount: files.length });
  return { problem: undefined, rejected };
}

export interface FuzzSummary {
  runs: number;
  seed: number;
  passed: boolean;
  /** Cases that produced at least one error diagnostic (the rest were valid or warnings only). */
  rejectedCases: number;
  slowestCaseMs: number;
  failure?: string;
}

export function runValidatorFuzz(options: {
  runs: number;
  seed?: number;
  /** Longer than this per case is a hang; default CASE_TIME_LIMIT_MS. */
  caseTimeLimitMs?: number;
}): FuzzSummary {
  const limit = options.caseTimeLimitMs ?? CASE_TIME_LIMIT_MS;
  const seed = options.seed ?? Date.now() % 2 ** 31;
  let slowest = 0;
  let rejected = 0;
  const property = fc.property(fc.array(fuzzFileArbitrary, { minLength: 1, maxLength: 3 }), (generated) => {
    // Distinct paths per case, as a repository has; the file names stay as the ids ask.
    const files = generated.map((f, i) => ({ ...f, file: f.file.replace(/^systems\//, `systems/${i}/`) }));
    const started = performance.now();
    const outcome = checkValidatorInput(files);
    const elapsed = performance.now() - started;
    slowest = Math.max(slowest, elapsed);
    if (outcome.problem) throw new Error(outcome.problem);
    if (elapsed > limit) throw new Error(`one case took ${Math.round(elapsed)} ms (a hang)`);
    if (outcome.rejected) rejected += 1;
  });
  const details = fc.check(property, { numRuns: options.runs, seed });
  const summary: FuzzSummary = {
    runs: details.numRuns,
    seed,
    passed: !details.failed,
    rejectedCases: rejected,
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
  const summary = runValidatorFuzz({
    runs: Number(values.runs),
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exitCode = summary.passed ? 0 : 1;
}
