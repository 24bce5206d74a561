import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileSetWriteError, NODE_FILE_SYSTEM, writeFileSet } from '../../src/adopt/write-file-set.ts';
import type { FileSetFileSystem } from '../../src/adopt/write-file-set.ts';
import { makeLiveSystem, seedSystems } from '../support/local-altinn.ts';
import { prepareCliAsUser, runCli } from '../support/run-cli.ts';
import { createScratchRepo } from '../support/scratch-repo.ts';
import type { ScratchRepo } from '../support/scratch-repo.ts';
import { VENDOR_ORG, snapshotFolder, startAdoptAltinn } from './adopt-fixture.ts';
import type { AdoptAltinn } from './adopt-fixture.ts';

const id = (name: string) => `${VENDOR_ORG}_${name}`;

let altinn: AdoptAltinn;
let repo: ScratchRepo;

beforeAll(async () => {
  altinn = await startAdoptAltinn();
  await altinn.create(id('alpha'), { clientId: ['alpha-1'] });
  await altinn.create(id('beta'), { clientId: ['beta-1'] });
}, 30_000);

afterAll(async () => {
  await altinn?.close();
});

beforeEach(async () => {
  repo = await createScratchRepo();
});

afterEach(async () => {
  await repo.remove();
});

describe('sysreg import refuses bad input and writes nothing', () => {
  it('a folder holding unrelated files', async () => {
    await repo.write('systems/notes.txt', 'shopping list\n');
    await repo.write('systems/configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
    await repo.write('systems/README.md', '# Our systems\n'); // furniture: allowed
    const before = await snapshotFolder(repo.root);
    const result = await altinn.run(['import', '--env', 'local'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: 'systems/notes.txt' is not a system file, and import writes only into a folder of system files.",
    );
    expect(result.stderr).toMatch(
      /error: 'systems\/configmap\.yaml' is not a system file sysreg can read \(line 1: .*\)\./,
    );
    expect(result.stderr).toContain('hint: Check --dir');
    expect(result.stderr).toContain('Nothing was written.');
    expect(await snapshotFolder(repo.root)).toEqual(before);
  });

  it('a folder outside the repository, directly or through a link', async () => {
    const direct = await altinn.run(['import', '--env', 'local', '--dir', '../elsewhere'], repo.root);
    expect(direct.code).toBe(1);
    expect(direct.stderr).toContain("--dir '../elsewhere' is not a folder inside the repository");
    const { symlink } = await import('node:fs/promises');
    await mkdir(path.join(repo.scratch, 'outside'));
    await symlink(path.join(repo.scratch, 'outside'), path.join(repo.root, 'linked'));
    const linked = await altinn.run(['import', '--env', 'local', '--dir', 'linked/systems'], repo.root);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain('leads outside the repository');
    expect(await snapshotFolder(path.join(repo.scratch, 'outside'))).toEqual({});
  });

  it('a live system whose id would make an unsafe file name', async () => {
    await seedSystems(altinn.url, [
      makeLiveSystem(VENDOR_ORG, 'two words'),
      makeLiveSystem(VENDOR_ORG, '..hidden'),
    ]);
    try {
      const result = await altinn.run(['import', '--env', 'local'], repo.root);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `error: '${id('two words')}' cannot be a file name: it holds " "; only letters A–Z, digits, '.', '_' and '-' are safe.`,
      );
      expect(result.stderr).toContain(
        `'${id('..hidden')}' cannot be a file name: it starts with '.' or holds '..'`,
      );
      expect(result.stderr).toContain('hint: Import the other systems with --only');
      expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual({});
      // The safe ones can still be had by name.
      const only = await altinn.run(
        ['import', '--env', 'local', '--only', `${id('alpha')},${id('beta')}`],
        repo.root,
      );
      expect(only.code).toBe(0);
      expect(Object.keys(await snapshotFolder(path.join(repo.root, 'systems')))).toEqual([
        `${id('alpha')}.yaml`,
        `${id('beta')}.yaml`,
      ]);
    } finally {
      await removeSeeded(altinn, [id('two words'), id('..hidden')]);
    }
  });

  it('writes what live has even when it does not validate, and says so', async () => {
    await seedSystems(altinn.url, [
      // PUT accepts http:// (§3.4), so live can hold what create, and validate, refuse.
      makeLiveSystem(VENDOR_ORG, 'oddpackage', { allowedRedirectUrls: ['http://insecure.example/'] }),
    ]);
    try {
      const result = await altinn.run(['import', '--env', 'local', '--only', id('oddpackage')], repo.root);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`created   systems/${id('oddpackage')}.yaml`);
      expect(result.stderr).toContain("do not pass 'sysreg validate'; plan refuses to run until they do");
      expect(result.stderr).toMatch(
        new RegExp(`systems/${id('oddpackage')}\\.yaml:\\d+:\\d+  error  redirect-url-https`),
      );
    } finally {
      await removeSeeded(altinn, [id('oddpackage')]);
    }
  });

  it('a folder that cannot be written: a path through a regular file', async () => {
    await repo.write('blocker', 'a file, not a folder\n');
    const result = await altinn.run(['import', '--env', 'local', '--dir', 'blocker/systems'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "cannot read folder 'blocker/systems': a part of the path is not a folder",
    );
    expect(await readFile(path.join(repo.root, 'blocker'), 'utf8')).toBe('a file, not a folder\n');
  });

  it('a folder that cannot be written: chmod 555, run as an ordinary user', async (context) => {
    const { chmod } = await import('node:fs/promises');
    await chmod(repo.scratch, 0o755);
    await chmod(repo.root, 0o755);
    await chmod(path.join(repo.root, 'systems'), 0o555);
    // Root may write anywhere, so as root the CLI runs as `nobody`.
    const asUser = process.getuid?.() === 0 ? await prepareCliAsUser(65534) : undefined;
    if (asUser && 'skip' in asUser) {
      console.log(`skipped: ${asUser.skip}`);
      return context.skip(asUser.skip);
    }
    try {
      const args = ['import', '--env', 'local'];
      const result = asUser
        ? await asUser.run(args, repo.root, altinn.env)
        : await runCli(args, repo.root, undefined, altinn.env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `sysreg import: cannot write 'systems/${id('alpha')}.yaml': permission denied; nothing was changed.`,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr + result.stdout).not.toContain('PRIVATE KEY');
    } finally {
      await chmod(path.join(repo.root, 'systems'), 0o755);
    }
    expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual({});
  });

  it('a target path taken by a folder: the other files are not written either', async () => {
    await mkdir(path.join(repo.root, 'systems', `${id('beta')}.yaml`));
    const result = await altinn.run(['import', '--env', 'local'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `sysreg import: cannot write 'systems/${id('beta')}.yaml': it is a folder or other non-file; nothing was changed.`,
    );
    expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual({});
  });
});

describe('writeFileSet', () => {
  it('rolls back the files already written when a later write fails', async () => {
    await repo.write('systems/kept.yaml', 'old text\n');
    let writes = 0;
    const failing: FileSetFileSystem = {
      ...NODE_FILE_SYSTEM,
      async writeFile(target, text, options) {
        writes += 1;
        if (writes === 3) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        await NODE_FILE_SYSTEM.writeFile(target, text, options);
      },
    };
    const error = await writeFileSet(
      repo.root,
      [
        { file: 'systems/new.yaml', text: 'new\n' },
        { file: 'systems/kept.yaml', text: 'changed\n', previousText: 'old text\n' },
        { file: 'systems/sub/third.yaml', text: 'third\n' },
      ],
      failing,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileSetWriteError);
    expect((error as Error).message).toBe(
      "cannot write 'systems/sub/third.yaml': no space left on the device; nothing was changed.",
    );
    expect(await snapshotFolder(path.join(repo.root, 'systems'))).toEqual({ 'kept.yaml': 'old text\n' });
    // The folder made for the third file is gone too.
    expect(existsSync(path.join(repo.root, 'systems', 'sub'))).toBe(false);
  });

  it('names the files it could not put back', async () => {
    let calls = 0;
    const broken: FileSetFileSystem = {
      async writeFile(target, text, options) {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        await NODE_FILE_SYSTEM.writeFile(target, text, options);
      },
      removeFile: () => Promise.reject(new Error('cannot remove')),
    };
    const error = await writeFileSet(
      repo.root,
      [
        { file: 'systems/a.yaml', text: 'a\n' },
        { file: 'systems/b.yaml', text: 'b\n' },
      ],
      broken,
    ).catch((caught: unknown) => caught);
    expect((error as FileSetWriteError).notRolledBack).toEqual(['systems/a.yaml']);
    expect((error as Error).message).toContain(
      'these files could not be put back as they were: systems/a.yaml',
    );
    await writeFile(path.join(repo.root, 'systems', 'a.yaml'), ''); // left for the cleanup
  });
});

async function removeSeeded(target: AdoptAltinn, ids: string[]): Promise<void> {
  for (const systemId of ids) {
    await target.harness.call(
      'DELETE',
      `/authentication/api/v1/systemregister/vendor/${encodeURIComponent(systemId)}`,
    );
  }
}
