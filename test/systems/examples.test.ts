/** The example systems in systems/: valid (resources checked too), canonical order, the documented shapes. */
import { describe, expect, it } from 'vitest';
import { parseDocument, isMap, isScalar } from 'yaml';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { discoverSystemFiles } from '../../src/systems/discover.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../../src/model/fields.ts';
import { loadSystemFiles } from '../../src/systems/load.ts';
import { isValidOrganisationNumber } from '../../src/systems/organisation-number.ts';
import { validateSystems } from '../../src/systems/validate.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

const CANONICAL = [...FIELD_RULES.map((rule) => rule.key), ENVIRONMENTS_KEY];

async function loadExamples() {
  const { files, diagnostics } = discoverSystemFiles(REPO_ROOT, []);
  expect(diagnostics).toEqual([]);
  return loadSystemFiles(files);
}

describe('example systems', () => {
  it('are valid, with resource checks against the shipped catalogue too', async () => {
    const files = await loadExamples();
    expect(validateSystems(files, { catalogue: DEFAULT_CATALOGUE, checkResources: true })).toEqual([]);
  });

  it('write their keys in canonical order', async () => {
    for (const file of await loadExamples()) {
      const document = parseDocument(file.text);
      if (!isMap(document.contents)) throw new Error(`${file.file} is not a map`);
      const keys = document.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
      expect(keys, file.file).toEqual(CANONICAL.filter((key) => keys.includes(key)));
    }
  });

  it('cover the shapes in Altinn’s docs, one vendor with a valid organisation number', async () => {
    const documents = (await loadExamples()).map((file) => file.document!);
    const vendors = new Set(documents.map((document) => document.vendor.ID));
    expect(vendors.size).toBe(1);
    expect(isValidOrganisationNumber([...vendors][0]!.slice('0192:'.length))).toBe(true);
    const resourceTypes = (document: (typeof documents)[number]) =>
      document.rights.flatMap((right) =>
        right.resource.map(
          (pair) =>
            DEFAULT_CATALOGUE.resources.find((resource) => resource.identifier === pair.value)?.resourceType,
        ),
      );
    // An app and a resource.
    expect(
      documents.some((d) => resourceTypes(d).includes('AltinnApp') && resourceTypes(d).length >= 2),
    ).toBe(true);
    // An access package for client delegation (not assignable), on a hidden system.
    const clientRelationship = documents.find((d) =>
      d.accessPackages.some(
        (p) =>
          DEFAULT_CATALOGUE.accessPackages.find((record) => record.urn === p.urn)?.isAssignable === false,
      ),
    );
    expect(clientRelationship?.isVisible).toBe(false);
    // A hidden system that is not hidden only because of its packages.
    expect(documents.some((d) => !d.isVisible && d.accessPackages.length === 0)).toBe(true);
    // tt02 and prod overrides of client ids and redirect URLs.
    const overridden = documents.find((d) => d.environments.tt02 && d.environments.prod);
    expect(Object.keys(overridden?.environments.tt02 ?? {})).toEqual(['clientId', 'allowedRedirectUrls']);
  });
});
