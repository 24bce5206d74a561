import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import {
  describeOmitted,
  renderDiagnosticsText,
  summarizeDiagnostics,
} from '../../src/systems/render-diagnostics.ts';

const diagnostic: Diagnostic = {
  file: 'systems/a,b:c.yaml',
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 6,
  ruleId: 'client-id-unique',
  altinnCode: 'AUTH.VLD-00011',
  severity: 'error',
  message: '100% wrong:\r\nsecond line',
  environment: 'tt02',
};

describe('render diagnostics', () => {
  it('puts a caret under the span, keeping tabs so it lines up', () => {
    const text = renderDiagnosticsText({
      diagnostics: [{ ...diagnostic, file: 'x.yaml', message: 'm' }],
      fileCount: 1,
      sources: new Map([['x.yaml', 'a: 1\n\tbcdefg\n']]),
    });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'x.yaml:2:3  error  client-id-unique (AUTH.VLD-00011)  tt02: m',
      ' 2 | \tbcdefg',
      '   | \t ^^^',
    ]);
  });

  it('cuts long lines to a window around the column', () => {
    const line = `${'a'.repeat(500)}X${'b'.repeat(500)}`;
    const text = renderDiagnosticsText({
      diagnostics: [
        { ...diagnostic, file: 'x.yaml', message: 'm', line: 1, column: 501, endLine: 1, endColumn: 502 },
      ],
      fileCount: 1,
      sources: new Map([['x.yaml', line]]),
    });
    const [, source, caret] = text.split('\n');
    expect(source!.length).toBeLessThan(200);
    expect(source![caret!.indexOf('^')]).toBe('X');
  });

  it('summarises in one line', () => {
    expect(summarizeDiagnostics([], 3)).toBe('3 files valid.');
    expect(summarizeDiagnostics([{ ...diagnostic, severity: 'warning' }], 1)).toBe(
      '1 file valid, with 1 warning in 1 file.',
    );
    expect(
      summarizeDiagnostics(
        [diagnostic, { ...diagnostic, file: 'b' }, { ...diagnostic, severity: 'warning' }],
        4,
      ),
    ).toBe('2 errors and 1 warning in 2 of 4 files.');
  });
});

describe('the count of diagnostics not shown', () => {
  it('groups thousands with commas, as en-US does', () => {
    for (const count of [1, 7, 999, 1_000, 4_900, 59_900, 100_000, 1_234_567]) {
      expect(describeOmitted('systems/a.yaml', count)).toBe(
        `systems/a.yaml: ${count.toLocaleString('en-US')} more diagnostic${count === 1 ? '' : 's'} not shown (the first 100 are).`,
      );
    }
  });
});
