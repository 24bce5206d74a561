import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSystemYaml } from '../../src/systems/format.ts';
import type { SystemDocument } from '../../src/model/system.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { renderSystemYaml } from '../../src/systems/write-system-yaml.ts';
import { expectGolden } from '../support/golden.ts';
import { systemDocument } from '../support/system-arbitraries.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden', 'render');

const minimal: SystemDocument = {
  id: '991825827_minimal',
  vendor: { ID: '0192:991825827' },
  name: { nb: 'Minimal', nn: 'Minimal', en: 'Minimal' },
  description: { nb: 'Lite', nn: 'Lite', en: 'Small' },
  rights: [],
  accessPackages: [],
  clientId: [],
  allowedRedirectUrls: [],
  isVisible: true,
  isDeleted: false,
  environments: {},
};

/** What a file written from `system` must read back as: empty environment entries carry no meaning. */
function expectedModel(system: SystemDocument): SystemDocument {
  const environments = Object.fromEntries(
    Object.entries(system.environments).filter(([, overrides]) => Object.keys(overrides).length > 0),
  );
  return { ...system, environments };
}

describe('renderSystemYaml', () => {
  it('writes the golden file for a system with every shape, header and overrides', () => {
    const text = renderSystemYaml(
      {
        ...minimal,
        id: '991825827_full',
        name: { en: 'Full', se: 'Olles', nb: 'Full', nn: 'Full' },
        description: { nb: 'Alle felt: også de valgfrie', nn: 'yes', en: 'Line one\nLine two' },
        rights: [{ resource: [{ value: 'app_ttd_full', id: 'urn:altinn:resource' }], action: 'read' }],
        accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
        clientId: ['0b7c1e0a-1111-4a4a-9b9b-222233334444'],
        allowedRedirectUrls: ['https://full.example.no/callback'],
        isVisible: false,
        environments: { prod: { clientId: ['prod-client'] }, tt02: {} },
      },
      {
        headerComment:
          'Imported from tt02 by sysreg import.\nEdit freely; sysreg plan shows what would change.',
      },
    );
    expectGolden(path.join(GOLDEN, 'full.yaml'), text);
  });

  it('leaves out defaults and empty environments, but always writes isVisible', () => {
    const text = renderSystemYaml(minimal);
    expect(text).toContain('isVisible: true\n');
    for (const key of [
      'rights',
      'accessPackages',
      'clientId',
      'allowedRedirectUrls',
      'isDeleted',
      'environments',
    ]) {
      expect(text).not.toContain(`${key}:`);
    }
    expect(text.startsWith('# yaml-language-server: $schema=../.sysreg/system.schema.json\nid: ')).toBe(true);
  });

  it('writes isDeleted only when true', () => {
    expect(renderSystemYaml({ ...minimal, isDeleted: true })).toContain('isDeleted: true\n');
  });

  it('round-trips through the loader and is already canonical', () => {
    fc.assert(
      fc.property(systemDocument, fc.option(fc.string(), { nil: undefined }), (system, headerComment) => {
        const text = renderSystemYaml(system, headerComment === undefined ? {} : { headerComment });
        const parsed = parseSystemFile(`systems/${system.id}.yaml`, text);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(parsed.document).toEqual(expectedModel(system));
        expect(formatSystemYaml(text)).toEqual({ text, changed: false, problems: [] });
      }),
      { numRuns: 150 },
    );
  });
});
