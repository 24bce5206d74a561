/**
 * Offline validate agrees with Altinn's model binding (§9): `accessPackages: null` is accepted (the
 * property is a nullable list), and `systemId` / `clientIds` are not members of Altinn's model, so
 * they are not read as `id` / `clientId`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { resolveSpec } from '../../src/systems/environments.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { validateSystems } from '../../src/systems/validate.ts';

const FILE = 'systems/314159268_x.yaml';
const HEAD = [
  "vendor: { ID: '0192:314159268' }",
  'name: { nb: X, nn: X, en: X }',
  'description: { nb: X, nn: X, en: X }',
];

function check(lines: string[]) {
  const parsed = parseSystemFile(FILE, `${lines.join('\n')}\n`);
  return { parsed, diagnostics: validateSystems([parsed], { catalogue: DEFAULT_CATALOGUE }) };
}

describe('model binding as Altinn does it', () => {
  it('accessPackages: null is accepted and means no packages, in the base and in an environment', () => {
    const { parsed, diagnostics } = check([
      'id: 314159268_x',
      ...HEAD,
      'accessPackages: null',
      'environments:',
      '  tt02:',
      '    accessPackages: null',
    ]);
    expect(diagnostics).toEqual([]);
    expect(resolveSpec(parsed.document!, undefined).accessPackages).toEqual([]);
    expect(resolveSpec(parsed.document!, 'tt02').accessPackages).toEqual([]);
  });

  it('rights: null stays an error (Altinn answers 500)', () => {
    const { diagnostics } = check(['id: 314159268_x', ...HEAD, 'rights: null']);
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['field-type', 'error']]);
  });

  it('systemId is not an id: without id the file is missing its id, as the request would be', () => {
    const { diagnostics } = check(['systemId: 314159268_x', ...HEAD]);
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['field-required', 'field-unknown']);
    expect(diagnostics.find((d) => d.ruleId === 'field-unknown')?.message).toContain('`systemId`');
  });

  it('clientIds is an unknown field with a did-you-mean, not a spelling of clientId', () => {
    const { diagnostics } = check(['id: 314159268_x', ...HEAD, 'clientIds: [a-client]']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'field-unknown',
        severity: 'error',
        line: 5,
        message: expect.stringContaining('did you mean `clientId`'),
      }),
    ]);
  });
});
