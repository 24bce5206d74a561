import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSystemFile, findInvalidUtf8, MAX_SYSTEM_FILE_BYTES } from '../../src/systems/load.ts';

const decodes = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('decodeSystemFile', () => {
  it('finds an invalid UTF-8 byte exactly when the strict decoder refuses the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(findInvalidUtf8(bytes) === -1).toBe(decodes(bytes));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(findInvalidUtf8(new TextEncoder().encode(text))).toBe(-1);
      }),
    );
  });

  it('points at the first bad byte by line and character column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 1\nnb: Bjø'), 0xc3, 0x28, 0x0a]);
    expect(decodeSystemFile('f.yaml', bytes)).toMatchObject({
      ok: false,
      diagnostic: { ruleId: 'file-not-utf8', line: 2, column: 8 },
    });
  });

  it('refuses NUL bytes and oversized content, and decodes the rest', () => {
    expect(decodeSystemFile('f.yaml', new Uint8Array([0x61, 0x0a, 0x62, 0x00]))).toMatchObject({
      diagnostic: { ruleId: 'file-binary', line: 2, column: 2 },
    });
    expect(decodeSystemFile('f.yaml', new Uint8Array(MAX_SYSTEM_FILE_BYTES + 1).fill(0x61))).toMatchObject({
      diagnostic: { ruleId: 'file-too-large', line: 1, column: 1 },
    });
    expect(decodeSystemFile('f.yaml', new TextEncoder().encode('\ufeffid: ø\n'))).toEqual({
      ok: true,
      text: 'id: ø\n',
    });
  });
});
