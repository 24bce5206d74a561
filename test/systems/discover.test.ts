import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverSystemFiles } from '../../src/systems/discover.ts';

let scratch: string;
let repo: string;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'sysreg-discover-'));
  repo = path.join(scratch, 'repo');
  await mkdir(path.join(repo, 'systems', 'nested'), { recursive: true });
  await writeFile(path.join(repo, 'systems', 'b.yaml'), 'id: b\n');
  await writeFile(path.join(repo, 'systems', 'a.yml'), 'id: a\n');
  await writeFile(path.join(repo, 'systems', 'nested', 'c.yaml'), 'id: c\n');
  await writeFile(path.join(repo, 'systems', 'README.md'), '# not a system\n');
  await writeFile(path.join(scratch, 'outside.yaml'), 'id: outside\n');
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('discoverSystemFiles', () => {
  it('lists every YAML file under systems/, sorted, with repo-relative paths', async () => {
    const { files, diagnostics } = discoverSystemFiles(repo, []);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(['systems/a.yml', 'systems/b.yaml', 'systems/nested/c.yaml']);
    expect(files[0]?.absolutePath).toBe(path.join(repo, 'systems', 'a.yml'));
  });

  it('refuses a path that could carry a comment marker, markup or a workflow command', async () => {
    const marker = path.join(repo, 'systems', '<!-- sysreg:plan:prod -->');
    await mkdir(marker);
    await writeFile(path.join(marker, '314159268_alpha.yaml'), 'id: x\n');
    await writeFile(path.join(repo, 'systems', '::error::x `y`.yaml'), 'id: y\n');
    const { files, diagnostics } = discoverSystemFiles(repo, []);
    expect(files.map((f) => f.path)).toEqual(['systems/a.yml', 'systems/b.yaml', 'systems/nested/c.yaml']);
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual(
      [
        [
          'systems/\\u{3c}\\u{21}--\\u{20}sysreg\\u{3a}plan\\u{3a}prod\\u{20}--\\u{3e}/314159268_alpha.yaml',
          'path-unsafe-characters',
          'error',
        ],
        [
          'systems/\\u{3a}\\u{3a}error\\u{3a}\\u{3a}x\\u{20}\\u{60}y\\u{60}.yaml',
          'path-unsafe-characters',
          'error',
        ],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    for (const d of diagnostics) expect(d.message).not.toMatch(/<!--|::error::x/);
  });

  it('takes named files and folders, each file once', async () => {
    const { files } = discoverSystemFiles(repo, [
      'systems/nested',
      'systems/b.yaml',
      'systems/nested/c.yaml',
    ]);
    expect(files.map((f) => f.path)).toEqual(['systems/b.yaml', 'systems/nested/c.yaml']);
  });

  it('refuses a symlink that resolves outside the repo, as a diagnostic, and goes on', async () => {
    await symlink(path.join(scratch, 'outside.yaml'), path.join(repo, 'systems', 'linked.yaml'));
    const { files, diagnostics } = discoverSystemFiles(repo, []);
    expect(files.map((f) => f.path)).toEqual(['systems/a.yml', 'systems/b.yaml', 'systems/nested/c.yaml']);
    expect(diagnostics).toMatchObject([
      { file: 'systems/linked.yaml', line: 1, column: 1, ruleId: 'symlink-outside-repo', severity: 'error' },
    ]);
  });

  it('follows a symlink that stays inside the repo', async () => {
    await mkdir(path.join(repo, 'shared'));
    await writeFile(path.join(repo, 'shared', 'd.yaml'), 'id: d\n');
    await symlink(path.join(repo, 'shared', 'd.yaml'), path.join(repo, 'systems', 'd.yaml'));
    const { files, diagnostics } = discoverSystemFiles(repo, []);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toContain('systems/d.yaml');
  });

  it('reports a missing path and a path outside the repo', async () => {
    const { files, diagnostics } = discoverSystemFiles(repo, ['systems/none.yaml', '../outside.yaml']);
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['path-not-found', 'path-outside-repo']);
  });

  it('reports a repo with no systems/ folder', async () => {
    await rm(path.join(repo, 'systems'), { recursive: true });
    const { files, diagnostics } = discoverSystemFiles(repo, []);
    expect(files).toEqual([]);
    expect(diagnostics).toMatchObject([{ ruleId: 'path-not-found', file: 'systems' }]);
  });
});

describe('discoverSystemFiles on a whole repository', () => {
  it('skips hidden folders and node_modules when walking', async () => {
    await mkdir(path.join(repo, 'node_modules', 'dep'), { recursive: true });
    await writeFile(path.join(repo, 'node_modules', 'dep', 'ci.yml'), 'x: 1\n');
    await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
    await writeFile(path.join(repo, '.github', 'workflows', 'ci.yml'), 'on: push\n');
    const { files } = discoverSystemFiles(repo, ['.']);
    expect(files.map((f) => f.path)).toEqual(['systems/a.yml', 'systems/b.yaml', 'systems/nested/c.yaml']);
  });

  it('reports a broken symlink', async () => {
    await symlink(path.join(repo, 'missing.yaml'), path.join(repo, 'systems', 'broken.yaml'));
    const { diagnostics } = discoverSystemFiles(repo, []);
    expect(diagnostics).toMatchObject([{ file: 'systems/broken.yaml', ruleId: 'symlink-broken' }]);
  });
});
