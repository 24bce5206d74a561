/** Duplicate keys are found at every depth: in maps, in maps inside lists, and in flow collections. */
import { describe, expect, it } from 'vitest';
import { parseSystemYaml } from '../../src/systems/yaml-options.ts';

function duplicateOffsets(text: string): number[] {
  return parseSystemYaml(text)
    .errors.filter((error) => error.code === 'DUPLICATE_KEY')
    .map((error) => error.pos[0]);
}

describe('duplicate keys', () => {
  it('are reported at the repeated key, in document order, at every depth', () => {
    const text = [
      'id: a', // 0
      'rights:', // 6
      '  - resource:', // 14
      '      - id: urn:altinn:resource', // 28
      '        id: again', // 61
      'environments:', // 79
      '  tt02:', // 93
      '    clientId: [x]', // 101
      '    clientId: [y]', // 119
      'list: [{ k: 1, k: 2 }]', // 137
      'id: b', // 160
    ].join('\n');
    expect(duplicateOffsets(text)).toEqual([
      text.indexOf('id: b'),
      text.indexOf('id: again'),
      text.lastIndexOf('clientId'),
      text.indexOf('k: 2'),
    ]);
  });

  it('are not reported for equal values or for the same key in sibling maps', () => {
    expect(duplicateOffsets('a: 1\nb: 1\nlist:\n  - k: 1\n  - k: 1\n')).toEqual([]);
  });
});
