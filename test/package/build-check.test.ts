/**
 * The committed dist/ is what src/ builds, and the check that says so (`npm run build:check`, part of
 * `npm test`) fails when a source changes without a rebuild.
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommittedBuild } from '../../scripts/build.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const COMMITTED = path.join(REPO, 'dist');

let copy: string;

beforeAll(async () => {
  // A copy of the sources to change; node_modules is linked, not copied.
  copy = await mkdtemp(path.join(tmpdir(), 'sysreg-build-check-'));
  await cp(path.join(REPO, 'src'), path.join(copy, 'src'), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json'])
    await cp(path.join(REPO, file), path.join(copy, file));
  await symlink(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'));
});

afterAll(() => rm(copy, { recursive: true, force: true }));

describe('the committed build check', () => {
  it('passes on unchanged sources, built from another folder', async () => {
    expect(await checkCommittedBuild(copy, COMMITTED)).toEqual([]);
  }, 120_000);

  it('fails, naming the stale files, when a source changes without a rebuild', async () => {
    const file = path.join(copy, 'src', 'commands', 'version.ts');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('sysreg ${SYSREG_VERSION}', 'sysreg v${SYSREG_VERSION}'),
    );
    const differing = await checkCommittedBuild(copy, COMMITTED);
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.every((name) => name.endsWith('.js'))).toBe(true);
  }, 120_000);
});
