/**
 * A short fuzz run of the loader and validator (the long one is in `npm run test:reliability`):
 * generated bad input ends in diagnostics with a position in their file, never in a crash or a hang.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkValidatorInput, findDiagnosticProblem, runValidatorFuzz } from '../../scripts/fuzz-validate.ts';
import { EXAMPLE_SYSTEMS } from '../support/run-cli.ts';

const encoder = new TextEncoder();
const examples = readdirSync(EXAMPLE_SYSTEMS)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({
    file: `systems/${name}`,
    bytes: encoder.encode(readFileSync(path.join(EXAMPLE_SYSTEMS, name), 'utf8')),
  }));

describe('validator fuzz', () => {
  it('accepts the example files as they are (so "rejected" below means something)', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(checkValidatorInput(examples)).toEqual({ problem: undefined, rejected: false });
  });

  it('rejects a broken file with a positioned error', () => {
    const broken = { file: 'systems/x.yaml', bytes: encoder.encode('id: [unclosed\n\tvendor: 1\n') };
    expect(checkValidatorInput([broken])).toEqual({ problem: undefined, rejected: true });
  });

  it('flags a diagnostic that points outside its file or has no message', () => {
    const file = { file: 'systems/x.yaml', bytes: encoder.encode('a: 1\n') };
    const base = {
      file: 'systems/x.yaml',
      line: 1,
      column: 1,
      ruleId: 'r',
      severity: 'error',
      message: 'm',
    } as const;
    expect(findDiagnosticProblem(base, [file])).toBeUndefined();
    expect(findDiagnosticProblem({ ...base, line: 40 }, [file])).toMatch(/line 40 is outside/);
    expect(findDiagnosticProblem({ ...base, column: 0 }, [file])).toMatch(/column 0/);
    expect(findDiagnosticProblem({ ...base, message: ' ' }, [file])).toMatch(/without a message/);
    expect(findDiagnosticProblem({ ...base, file: 'systems/y.yaml' }, [file])).toMatch(/unknown file/);
  });

  it('never crashes, hangs or loses a position on generated bad input', () => {
    const summary = runValidatorFuzz({ runs: 150, caseTimeLimitMs: 10_000 });
    expect(summary.failure).toBeUndefined();
    expect(summary.passed).toBe(true);
    expect(summary.runs).toBe(150);
    expect(summary.rejectedCases).toBeGreaterThan(100);
  }, 60_000);
});
