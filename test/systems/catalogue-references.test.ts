import { describe, expect, it } from 'vitest';
import { collectCatalogueReferences } from '../../src/systems/catalogue-references.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

describe('collectCatalogueReferences', () => {
  it('lists the resources and packages of every file, in the base and each environment, once and sorted', () => {
    const a = parseSystemFile(
      'systems/314159268_a.yaml',
      `${renderValidSystem('a')}environments:\n  tt02:\n    accessPackages: [{ urn: urn:altinn:accesspackage:lonn }]\n    rights:\n      - resource: [{ id: urn:altinn:resource, value: test-only }, { id: urn:altinn:org, value: ttd }]\n`,
    );
    const b = parseSystemFile('systems/314159268_b.yaml', renderValidSystem('b'));
    const broken = parseSystemFile('systems/314159268_c.yaml', 'id: [');
    expect(collectCatalogueReferences([a, b, broken])).toEqual({
      resourceIds: ['ske-krav-og-betalinger', 'test-only'],
      accessPackageUrns: ['urn:altinn:accesspackage:lonn', 'urn:altinn:accesspackage:skattegrunnlag'],
    });
  });
});
