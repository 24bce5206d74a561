/**
 * Attack cases on files a pull request can plant (issue: hardening): links that lead out of
 * systems/, a FIFO behind a link, and valid YAML the formatter cannot write back. Through the real
 * CLI: nothing outside systems/ is rewritten, nothing hangs, one bad file never aborts the run.
 */
import { execFileSync } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerTestClient, startLocalAltinn, type LocalAltinn } from '../support/local-altinn.ts';
import { writeLocalConfig } from '../support/live-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let repo: ScratchRepo;
beforeEach(async () => {
  repo = await createScratchRepo();
});
afterEach(() => repo.remove());

const PACKAGE_JSON = '{"name":"victim","version":"1.0.0","scripts":{"test":"vitest"}}\n';
const WORKFLOW = 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n';
/** Valid but not canonical: `sysreg fmt` would reorder it. */
const MESSY_SYSTEM = (name: string) => {
  const [id, ...rest] = renderValidSystem(name).split('\n');
  return [...rest.slice(0, -1), id, ''].join('\n');
};

describe('fmt never writes through a link out of systems/ (real CLI)', () => {
  it('leaves package.json and a workflow alone when links to them are planted in systems/', async () => {
    await repo.write('package.json', PACKAGE_JSON);
    await repo.write('.github/workflows/ci.yml', WORKFLOW);
    await symlink('../package.json', path.join(repo.root, 'systems', 'pkg.yaml'));
    await symlink('../.github/workflows', path.join(repo.root, 'systems', 'workflows'));
    await symlink('../.github/workflows/ci.yml', path.join(repo.root, 'systems', 'ci.yml'));
    const result = await runCli(['fmt'], repo.root);
    expect(result.code).toBe(1);
    expect(await readFile(path.join(repo.root, 'package.json'), 'utf8')).toBe(PACKAGE_JSON);
    expect(await readFile(path.join(repo.root, '.github/workflows/ci.yml'), 'utf8')).toBe(WORKFLOW);
    expect(result.stderr).toContain('systems/pkg.yaml: cannot format: it does not read as a system file');
    expect(result.stderr).toContain('systems/workflows/ci.yml: cannot format:');
    expect(result.stdout).not.toContain('formatted');
  });

  it('does not write a valid system file through a link that leads out of systems/', async () => {
    const outside = await repo.write('shared/314159268_linked.yaml', MESSY_SYSTEM('linked'));
    await symlink(
      '../shared/314159268_linked.yaml',
      path.join(repo.root, 'systems', '314159268_linked.yaml'),
    );
    await repo.write('systems/314159268_plain.yaml', MESSY_SYSTEM('plain'));
    const result = await runCli(['fmt'], repo.root);
    expect(result.code).toBe(1);
    expect(await readFile(outside, 'utf8')).toBe(MESSY_SYSTEM('linked'));
    expect(result.stderr).toContain('leads out of systems/');
    // The other file is still formatted: one refusal does not stop the run.
    expect(result.stdout).toContain('formatted systems/314159268_plain.yaml');
  });

  it('writes through a link whose target stays inside systems/', async () => {
    const target = await repo.write('systems/real/314159268_inner.yaml', MESSY_SYSTEM('inner'));
    await symlink('real/314159268_inner.yaml', path.join(repo.root, 'systems', '314159268_inner.yaml'));
    const result = await runCli(['fmt', 'systems/314159268_inner.yaml'], repo.root);
    expect(result.code).toBe(0);
    expect(await readFile(target, 'utf8')).toMatch(/^# yaml-language-server: .*\nid: 314159268_inner\n/);
  });
});

describe('a FIFO behind a link is refused, not waited on (real CLI)', () => {
  beforeEach(async () => {
    await repo.write('systems/314159268_ok.yaml', renderValidSystem('ok'));
    execFileSync('mkfifo', [path.join(repo.root, 'pipe.yaml')]);
    await symlink('../pipe.yaml', path.join(repo.root, 'systems', 'pipe.yaml'));
  });

  for (const argv of [['validate'], ['fmt', '--check'], ['validate', 'systems/pipe.yaml']]) {
    it(`sysreg ${argv.join(' ')}`, async () => {
      const result = await runCli(argv, repo.root);
      expect(result.code).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain(
        "'systems/pipe.yaml' is a symbolic link to something that is not a regular file",
      );
    });
  }

  describe('plan', () => {
    let altinn: LocalAltinn;
    beforeAll(async () => {
      altinn = await startLocalAltinn();
    });
    afterAll(() => altinn.close());

    it('sysreg plan --env local', async () => {
      const client = await registerTestClient(altinn.url);
      await writeLocalConfig(repo, altinn.url);
      const result = await runCli(['plan', '--env', 'local'], repo.root, undefined, client.env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is a symbolic link to something that is not a regular file');
    });
  });
});

describe('fmt on valid YAML it cannot write back (real CLI)', () => {
  it('reports an alias the key order would put before its anchor, and formats the other files', async () => {
    const aliased = renderValidSystem('aliased')
      .replace('description:\n', 'description: &same\n')
      .replace(/name:\n {2}nb: aliased\n {2}nn: aliased\n {2}en: aliased\n/, '')
      .replace('isVisible: true\n', 'isVisible: true\nname: *same\n');
    await repo.write('systems/314159268_aliased.yaml', aliased);
    await repo.write('systems/314159268_plain.yaml', MESSY_SYSTEM('plain'));
    expect((await runCli(['validate'], repo.root)).code).toBe(0);
    const check = await runCli(['fmt', '--check'], repo.root);
    expect(check.stderr).not.toContain('internal error');
    expect(check.stderr).toContain('the alias *same before its anchor &same');
    expect(check.stdout).toBe('systems/314159268_plain.yaml\n');
    const write = await runCli(['fmt'], repo.root);
    expect(write.code).toBe(1);
    expect(write.stdout).toContain('formatted systems/314159268_plain.yaml');
    expect(await readFile(path.join(repo.root, 'systems/314159268_aliased.yaml'), 'utf8')).toBe(aliased);
  });

  it('reports a !!binary value instead of failing with an internal error', async () => {
    await repo.write('systems/314159268_binary.yaml', `${MESSY_SYSTEM('binary')}extra: !!binary aGVsbG8=\n`);
    const result = await runCli(['fmt', '--check'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('systems/314159268_binary.yaml: cannot format: a `!!binary` value');
  });

  it('does not rewrite a file that validate rejects as not a system', async () => {
    const notSystem = 'b: 1\na: 2\n';
    await repo.write('systems/notes.yaml', notSystem);
    const result = await runCli(['fmt'], repo.root);
    expect(result.code).toBe(1);
    expect(await readFile(path.join(repo.root, 'systems/notes.yaml'), 'utf8')).toBe(notSystem);
  });
});
