import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/catalogue/default-catalogue.ts';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { validateSystems } from '../../src/systems/validate.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

const file = (name: string, text: string) => parseSystemFile(`systems/314159268_${name}.yaml`, text);

describe('validateSystems', () => {
  it('reports a problem shared by the base and an environment once, for the base', () => {
    const text =
      renderValidSystem('shared').replace('https://shared.example', 'http://shared.example') +
      'environments:\n  tt02:\n    clientId: [t]\n  prod:\n    clientId: [p]\n';
    const diagnostics = validateSystems([file('shared', text)], { catalogue: DEFAULT_CATALOGUE });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'redirect-url-https', line: 21 });
    expect(diagnostics[0]).not.toHaveProperty('environment');
  });

  it('names the environments a problem appears in when the base does not have it', () => {
    const text =
      renderValidSystem('envs') +
      'environments:\n  tt02:\n    isVisible: false\n    accessPackages: [{ urn: urn:altinn:accesspackage:nope }]\n  prod:\n    accessPackages: [{ urn: urn:altinn:accesspackage:nope }]\n';
    const diagnostics = validateSystems([file('envs', text)], { catalogue: DEFAULT_CATALOGUE });
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.environment])).toEqual([
      ['access-package-known', 26, 'tt02'],
      ['access-package-known', 28, 'prod'],
    ]);
  });

  it('takes the catalogue as data: the same rule passes or fails with what the environment knows', () => {
    const text = renderValidSystem('cat').replace('skattegrunnlag', 'only-online');
    const online: Catalogue = {
      resources: DEFAULT_CATALOGUE.resources,
      accessPackages: [
        { urn: 'urn:altinn:accesspackage:only-online', isDelegable: true, isAssignable: true },
      ],
    };
    expect(
      validateSystems([file('cat', text)], { catalogue: DEFAULT_CATALOGUE }).map((d) => d.ruleId),
    ).toEqual(['access-package-known']);
    expect(validateSystems([file('cat', text)], { catalogue: online })).toEqual([]);
  });

  it('checks resources only when asked, with a catalogue that holds them', () => {
    const text = renderValidSystem('res').replace('ske-krav-og-betalinger', 'not-in-any-registry');
    expect(validateSystems([file('res', text)], { catalogue: DEFAULT_CATALOGUE })).toEqual([]);
    expect(
      validateSystems([file('res', text)], { catalogue: DEFAULT_CATALOGUE, checkResources: true }).map(
        (d) => d.ruleId,
      ),
    ).toEqual(['resource-known']);
  });

  it('releases the client ids of a deleted system', () => {
    const live = file('live', renderValidSystem('live', 'moved-client'));
    const tombstone = file('gone', `${renderValidSystem('gone', 'moved-client')}isDeleted: true\n`);
    expect(validateSystems([live, tombstone], { catalogue: DEFAULT_CATALOGUE })).toEqual([]);
  });

  it('judges an environment where the system is absent by the id and text rules, not the catalogue', () => {
    // A pilot in tt02 only, needing a package prod's catalogue lacks: prod never receives it.
    const text =
      renderValidSystem('pilot').replace('skattegrunnlag', 'tt02-only') +
      'isDeleted: true\nenvironments:\n  tt02:\n    isDeleted: false\n';
    const tt02: Catalogue = {
      resources: DEFAULT_CATALOGUE.resources,
      accessPackages: [{ urn: 'urn:altinn:accesspackage:tt02-only', isDelegable: true, isAssignable: true }],
    };
    const snapshots = new Map([
      ['tt02', tt02],
      ['prod', DEFAULT_CATALOGUE],
    ]);
    const options = { catalogue: DEFAULT_CATALOGUE, snapshots };
    expect(validateSystems([file('pilot', text)], options)).toEqual([]);
    // Present in prod too: prod's catalogue judges it there.
    const everywhere = text.replace('isDeleted: true\n', '');
    expect(
      validateSystems([file('pilot', everywhere)], options).map((d) => [d.ruleId, d.environment]),
    ).toEqual([['access-package-known', 'prod']]);
    // The id rules hold in every environment, absent or not.
    const badId = text.replaceAll('314159268_pilot', '314159268_pi lot');
    expect(validateSystems([file('pilot', badId)], options).map((d) => d.ruleId)).toContain(
      'id-no-whitespace',
    );
  });

  it('releases the client ids of a system absent in one environment, in that environment only', () => {
    // Both claim it in the base (and so in prod); in tt02 only `live` does.
    const live = file('live', renderValidSystem('live', 'moved-client'));
    const gone = file(
      'gone',
      `${renderValidSystem('gone', 'moved-client')}environments:\n  tt02:\n    isDeleted: true\n`,
    );
    expect(
      validateSystems([live, gone], { catalogue: DEFAULT_CATALOGUE }).map((d) => [d.ruleId, d.environment]),
    ).toEqual([['client-id-claimed-once', undefined]]);
  });

  it('sorts by file, line and column, parse problems included', () => {
    const broken = file('a', 'id: [');
    const bad = file(
      'b',
      renderValidSystem('b').replace('https://b.example', 'http://b.example').replace('0192:', '9908:'),
    );
    const diagnostics = validateSystems([bad, broken], { catalogue: DEFAULT_CATALOGUE });
    expect(diagnostics.map((d) => [d.file, d.line])).toEqual([
      ['systems/314159268_a.yaml', 1],
      ['systems/314159268_b.yaml', 3],
      ['systems/314159268_b.yaml', 21],
    ]);
  });
});

describe('validateSystems on a file with unknown fields', () => {
  it('still runs the register rules on the fields it knows, in one pass', () => {
    const text =
      renderValidSystem('typo').replace('https://typo.example', 'http://typo.example') + 'isVisable: true\n';
    const parsed = file('typo', text);
    expect(parsed.document).toBeUndefined();
    const diagnostics = validateSystems([parsed], { catalogue: DEFAULT_CATALOGUE });
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['redirect-url-https', 21],
      ['field-unknown', 23],
    ]);
  });

  it('does not guess when a known field has the wrong type', () => {
    const text = renderValidSystem('type')
      .replace('https://type.example', 'http://type.example')
      .replace('isVisible: true', 'isVisible: "no"');
    const diagnostics = validateSystems([file('type', text)], { catalogue: DEFAULT_CATALOGUE });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['field-type']);
  });
});
