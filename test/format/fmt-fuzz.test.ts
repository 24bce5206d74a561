/**
 * A short fuzz run of fmt's core (the long one is in `npm run test:reliability`): with the validator
 * fuzz's generated inputs, fmt never crashes, and never writes a file that means something else or
 * draws other errors from validate.
 */
import { describe, expect, it } from 'vitest';
import { checkFormatterInput, runFormatterFuzz } from '../../scripts/fuzz-fmt.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

const encoder = new TextEncoder();
const file = (text: string) => ({ file: 'systems/314159268_fuzz.yaml', bytes: encoder.encode(text) });

describe('fmt fuzz', () => {
  it('rewrites a valid file out of order, and the checks pass', () => {
    const [id, ...rest] = renderValidSystem('fuzz').split('\n');
    expect(checkFormatterInput(file([...rest, id, ''].join('\n')))).toEqual({ outcome: 'rewritten' });
  });

  it('refuses, with a reason, what the yaml library cannot write back', () => {
    const aliased = renderValidSystem('fuzz')
      .replace('description:\n', 'description: &same\n')
      .replace(/name:\n {2}nb: fuzz\n {2}nn: fuzz\n {2}en: fuzz\n/, '')
      .replace('isVisible: true\n', 'isVisible: true\nname: *same\n');
    expect(checkFormatterInput(file(aliased))).toEqual({ outcome: 'refused' });
    expect(checkFormatterInput(file(`${renderValidSystem('fuzz')}x: !!binary aGVsbG8=\n`))).toEqual({
      outcome: 'refused',
    });
  });

  it('never crashes, changes meaning or changes what validate says on generated input', () => {
    const summary = runFormatterFuzz({ runs: 150 });
    expect(summary.failure).toBeUndefined();
    expect(summary.passed).toBe(true);
    expect(summary.rewritten + summary.refused).toBeGreaterThan(0);
  });
});
