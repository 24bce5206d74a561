import { describe, expect, it } from 'vitest';
import { acceptDrift } from '../../src/adopt/accept-drift.ts';
import type { ParsedSystem } from '../../src/systems/environments.ts';
import { resolveSpec } from '../../src/systems/environments.ts';
import type { SystemDocument } from '../../src/model/system.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { renderSystemYaml } from '../../src/systems/write-system-yaml.ts';
import { buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const spec = buildSpec('placed', { clientId: ['base-client'] });

function parse(text: string): ParsedSystem {
  const parsed = parseSystemFile(`systems/${spec.id}.yaml`, text);
  if (!parsed.document) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed as ParsedSystem;
}

/** Accepts a live system that differs from the file's tt02 view in `changes`. */
function accept(
  environments: SystemDocument['environments'],
  changes: Partial<typeof spec>,
  options: { intoBase?: boolean } = {},
) {
  const file = parse(renderSystemYaml({ ...spec, environments }));
  const live = storeAsAltinn({ ...resolveSpec(file.document, 'tt02'), ...changes });
  const result = acceptDrift({
    environment: 'tt02',
    files: [file],
    live: buildLiveState({ [spec.id]: found(live) }),
    environments: ['tt02', 'prod'],
    ...options,
  });
  const text = result.writes[0]?.text ?? file.text;
  return { result, file, after: parse(text).document };
}

describe('drift --accept places each field where the environment reads it', () => {
  it('in an override, when the file names no other environment: prod still reads the base', () => {
    const { result, after } = accept({}, { allowedRedirectUrls: ['https://test.example/callback'] });
    expect(result.accepted[0]?.fields).toEqual([{ field: 'allowedRedirectUrls', placement: 'override' }]);
    expect(result.accepted[0]?.keptApart).toEqual(['prod']);
    expect(after.environments.tt02).toEqual({ allowedRedirectUrls: ['https://test.example/callback'] });
    expect(resolveSpec(after, 'prod').allowedRedirectUrls).toEqual(spec.allowedRedirectUrls);
  });

  it('in an override, when the only environment the file names is this one and it does not override the field', () => {
    const { result, after } = accept({ tt02: { isVisible: false } }, { clientId: ['new-client'] });
    expect(result.accepted[0]?.fields).toEqual([{ field: 'clientId', placement: 'override' }]);
    expect(after.clientId).toEqual(['base-client']);
    expect(after.environments.tt02).toEqual({ isVisible: false, clientId: ['new-client'] });
  });

  it('in the base with --into-base, for every environment', () => {
    const { result, after } = accept({}, { clientId: ['new-client'] }, { intoBase: true });
    expect(result.accepted[0]?.fields).toEqual([{ field: 'clientId', placement: 'base' }]);
    expect(result.accepted[0]?.keptApart).toEqual([]);
    expect(after.clientId).toEqual(['new-client']);
    expect(after.environments).toEqual({});
  });

  it('in the base, when every other environment already has the value', () => {
    const { result, after } = accept({ prod: { clientId: ['shared'] } }, { clientId: ['shared'] });
    expect(result.accepted[0]?.fields).toEqual([{ field: 'clientId', placement: 'base' }]);
    expect(resolveSpec(after, 'tt02').clientId).toEqual(['shared']);
    expect(resolveSpec(after, 'prod').clientId).toEqual(['shared']);
  });

  it('in the override, when this environment overrides the field', () => {
    const { result, after } = accept(
      { tt02: { clientId: ['tt02-client'] }, prod: { clientId: ['prod-client'] } },
      { clientId: ['tt02-new'] },
    );
    expect(result.accepted[0]?.fields).toEqual([{ field: 'clientId', placement: 'override' }]);
    expect(after.environments.tt02?.clientId).toEqual(['tt02-new']);
    expect(after.clientId).toEqual(['base-client']);
    expect(after.environments.prod).toEqual({ clientId: ['prod-client'] });
  });

  it('in a new override, when another environment would read a changed base', () => {
    const { result, after } = accept({ prod: { clientId: ['prod-client'] } }, { isVisible: false });
    expect(result.accepted[0]?.fields).toEqual([{ field: 'isVisible', placement: 'override' }]);
    expect(after.environments.tt02).toEqual({ isVisible: false });
    expect(after.isVisible).toBe(true);
    expect(resolveSpec(after, 'prod').isVisible).toBe(true);
  });

  it('in a new override even when every other named environment overrides the field (an unnamed one reads the base)', () => {
    const { result, after } = accept({ prod: { clientId: ['prod-client'] } }, { clientId: ['tt02-new'] });
    expect(result.accepted[0]?.fields).toEqual([{ field: 'clientId', placement: 'override' }]);
    expect(after.clientId).toEqual(['base-client']);
    expect(after.environments.tt02).toEqual({ clientId: ['tt02-new'] });
  });

  it('accepts nothing when nothing drifted', () => {
    const { result } = accept({}, {});
    expect(result).toMatchObject({ accepted: [], unaccepted: [], writes: [] });
  });
});
