import { describe, expect, it } from 'vitest';
import { environmentsOf, resolveEnvironment, type ParsedSystem } from '../../src/systems/environments.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

const text = `${renderValidSystem('env')}environments:
  tt02:
    clientId:
      - test-client
    name:
      nb: Test
  prod:
    isVisible: false
`;

function parse(): ParsedSystem {
  const parsed = parseSystemFile('systems/314159268_env.yaml', text);
  expect(parsed.diagnostics).toEqual([]);
  return parsed as ParsedSystem;
}

describe('environments', () => {
  it('lists the environments a file names, sorted', () => {
    expect(environmentsOf(parse().document)).toEqual(['prod', 'tt02']);
  });

  it('the base has no overrides and positions in the base', () => {
    const desired = resolveEnvironment(parse(), undefined);
    expect(desired.file).toBe('systems/314159268_env.yaml');
    expect(desired.spec.clientId).toEqual(['env-client']);
    expect(desired.spec).not.toHaveProperty('environments');
    expect(desired.fieldPositions.clientId).toEqual({ line: 18, column: 1 });
    expect(desired.fieldPositions.isDeleted).toBeUndefined();
  });

  it('an override replaces the whole field, and its position points at the override', () => {
    const desired = resolveEnvironment(parse(), 'tt02');
    expect(desired.spec.clientId).toEqual(['test-client']);
    // Whole-field replacement: the override's name has only nb; nothing is merged from the base.
    expect(desired.spec.name).toEqual({ nb: 'Test' });
    expect(desired.spec.allowedRedirectUrls).toEqual(['https://env.example/callback']);
    expect(desired.fieldPositions.clientId).toEqual({ line: 25, column: 5 });
    expect(desired.fieldPositions.name).toEqual({ line: 27, column: 5 });
    expect(desired.fieldPositions.id).toEqual({ line: 1, column: 1 });
  });

  it('an environment the file does not name gets the base', () => {
    const parsed = parse();
    expect(resolveEnvironment(parsed, 'at22').spec).toEqual(resolveEnvironment(parsed, undefined).spec);
    expect(resolveEnvironment(parsed, 'prod').spec.isVisible).toBe(false);
  });
});
