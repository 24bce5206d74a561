import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/adopt/import-systems.ts';
import type { ImportInput } from '../../src/adopt/import-types.ts';
import type { LiveSystem } from '../../src/model/wire.ts';
import { canonicalFromLive, canonicalFromSpec } from '../../src/model/canonical.ts';
import { resolveSpec } from '../../src/systems/environments.ts';
import { parseSystemFile } from '../../src/systems/parse.ts';
import type { SystemDocument } from '../../src/model/system.ts';
import { systemDocument } from '../support/system-arbitraries.ts';
import { found, storeAsAltinn } from '../support/system-builders.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

/** What Altinn would hold for a generated document: its base, stored as Altinn stores it. */
function storeBase(document: SystemDocument, deleted = false): LiveSystem {
  return storeAsAltinn(resolveSpec(document, undefined), { deleted });
}

function importInto(
  live: LiveSystem,
  environment: string,
  folder: ImportInput['folder'],
): ReturnType<typeof planImport> {
  return planImport({
    environment,
    vendorOrgNumber: live.vendor.ID.slice('0192:'.length),
    systems: [{ id: live.id, lookup: found(live) }],
    directory: 'systems',
    folder,
    overwrite: false,
  });
}

const importable = systemDocument.filter((document) => !document.id.includes('..'));

describe('planImport properties', () => {
  it('a new file reads back exactly as live, awkward strings, URLs and extra languages included', () => {
    fc.assert(
      fc.property(importable, fc.boolean(), (document, deleted) => {
        const live = storeBase(document, deleted);
        const plan = importInto(live, 'tt02', []);
        expect(plan.problems).toEqual([]);
        expect(plan.writes).toHaveLength(1);
        const written = plan.writes[0];
        const parsed = parseSystemFile(written?.file ?? '', written?.text ?? '');
        expect(parsed.document).toBeDefined();
        const spec = resolveSpec(parsed.document as SystemDocument, 'tt02');
        expect(canonicalFromSpec(spec)).toEqual(canonicalFromLive(live));
      }),
      { numRuns: 60 },
    );
  });

  it('a second environment adds overrides for the differing fields only (isDeleted too), and keeps the first', () => {
    fc.assert(
      fc.property(
        importable,
        systemDocument,
        fc.boolean(),
        fc.boolean(),
        (first, other, gone, goneSecond) => {
          const liveFirst = storeBase(first, gone);
          // The same system in another environment: same id and vendor, the rest from another document.
          const liveSecond = storeBase({ ...other, id: first.id, vendor: first.vendor }, goneSecond);
          const created = importInto(liveFirst, 'tt02', []).writes[0];
          if (!created) throw new Error('no file');
          const plan = importInto(liveSecond, 'prod', [{ file: created.file, text: created.text }]);
          expect(plan.problems).toEqual([]);
          const text = plan.writes[0]?.text ?? created.text;
          const document = parseSystemFile(created.file, text).document as SystemDocument;
          expect(canonicalFromSpec(resolveSpec(document, 'tt02'))).toEqual(canonicalFromLive(liveFirst));
          expect(canonicalFromSpec(resolveSpec(document, 'prod'))).toEqual(canonicalFromLive(liveSecond));
          const differing = Object.entries(canonicalFromLive(liveFirst))
            .filter(
              ([key, value]) =>
                JSON.stringify(value) !== JSON.stringify(canonicalFromLive(liveSecond)[key as never]),
            )
            .map(([key]) => key)
            .sort();
          expect(Object.keys(document.environments.prod ?? {}).sort()).toEqual(differing);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('planImport of an environment that lacks a system its file declares (--only)', () => {
  const absent = (environment: string, folder: ImportInput['folder'], overwrite = false) =>
    planImport({
      environment,
      vendorOrgNumber: '314159268',
      systems: [{ id: '314159268_pilot', lookup: { status: 'absent' } }],
      directory: 'systems',
      folder,
      overwrite,
    });
  const FILE = 'systems/314159268_pilot.yaml';
  const written = (plan: ReturnType<typeof planImport>) => plan.writes[0]?.text ?? '';

  it('marks it absent there, and only there', () => {
    const plan = absent('prod', [{ file: FILE, text: renderValidSystem('pilot') }]);
    expect(plan.problems).toEqual([]);
    expect(plan.systems.map((system) => [system.action, system.fields])).toEqual([
      ['override', ['isDeleted']],
    ]);
    expect(written(plan)).toBe(`${renderValidSystem('pilot')}environments:\n  prod:\n    isDeleted: true\n`);
    // --overwrite has no live system to render, so it records the same absence.
    expect(written(absent('prod', [{ file: FILE, text: renderValidSystem('pilot') }], true))).toBe(
      written(plan),
    );
  });

  it('in a tombstone file, drops the override that made it present, and keeps the others', () => {
    const tombstone = `${renderValidSystem('pilot')}isDeleted: true\n`;
    const both = `${tombstone}environments:\n  prod:\n    isDeleted: false\n    isVisible: false\n`;
    expect(written(absent('prod', [{ file: FILE, text: both }]))).toBe(
      `${tombstone}environments:\n  prod:\n    isVisible: false\n`,
    );
    const only = `${tombstone}environments:\n  prod:\n    isDeleted: false\n`;
    expect(written(absent('prod', [{ file: FILE, text: only }]))).toBe(tombstone);
    const already = absent('prod', [{ file: FILE, text: tombstone }]);
    expect([already.writes, already.systems.map((system) => system.action)]).toEqual([[], ['unchanged']]);
  });

  it('is still a problem when no file declares it', () => {
    expect(absent('prod', []).problems.map((problem) => problem.message)).toEqual([
      "there is no system '314159268_pilot' in prod.",
    ]);
  });
});
