/** Every command works the same from any folder inside the repository. */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findGitRoot, findRepositoryRoot } from '../../src/config/repository-root.ts';
import { runCli } from '../support/run-cli.ts';
import { renderValidSystem } from '../support/scratch-repo.ts';

let scratch: string;
beforeEach(async () => {
  scratch = await realpath(await mkdtemp(path.join(tmpdir(), 'sysreg-root-')));
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

describe('the repository root', () => {
  it('is the nearest folder upwards with systems/ or sysreg.config.yaml, inside the git work tree', async () => {
    const repo = path.join(scratch, 'repo');
    await mkdir(path.join(repo, 'systems', 'nested'), { recursive: true });
    await mkdir(path.join(repo, '.git'));
    expect(findRepositoryRoot(path.join(repo, 'systems', 'nested'))).toBe(repo);
    expect(findRepositoryRoot(repo)).toBe(repo);

    // A config file marks the root even without .git (e.g. an exported tree).
    const configured = path.join(scratch, 'configured');
    await mkdir(path.join(configured, 'docs'), { recursive: true });
    await writeFile(path.join(configured, 'sysreg.config.yaml'), 'prune: false\n');
    expect(findRepositoryRoot(path.join(configured, 'docs'))).toBe(configured);

    // Outside git too (an exported tree, a test fixture): the folder holding systems/.
    const loose = path.join(scratch, 'loose', 'deeper');
    await mkdir(path.join(scratch, 'loose', 'systems'), { recursive: true });
    await mkdir(loose, { recursive: true });
    expect(findRepositoryRoot(loose)).toBe(path.join(scratch, 'loose'));
    expect(findGitRoot(loose)).toBeUndefined();

    // Never above the top of a git work tree into an enclosing one.
    const inner = path.join(repo, 'vendored', 'tool');
    await mkdir(path.join(repo, 'vendored', '.git'), { recursive: true });
    await mkdir(inner, { recursive: true });
    expect(findRepositoryRoot(inner)).toBe(inner);
    expect(findGitRoot(path.join(repo, 'systems'))).toBe(repo);
  });

  it('lets validate run from systems/, with file arguments relative to where it runs', async () => {
    const repo = path.join(scratch, 'repo');
    await mkdir(path.join(repo, 'systems'), { recursive: true });
    await mkdir(path.join(repo, '.git'));
    await writeFile(path.join(repo, 'systems', '314159268_payroll.yaml'), renderValidSystem('payroll'));
    await writeFile(
      path.join(repo, 'systems', '314159268_broken.yaml'),
      renderValidSystem('broken').replace('isVisible: true', 'isVisible: maybe'),
    );
    const fromSystems = await runCli(['validate', '314159268_payroll.yaml'], path.join(repo, 'systems'));
    expect(fromSystems.stderr).toBe('');
    expect(fromSystems).toMatchObject({ code: 0, stdout: '1 file valid.\n' });
    const all = await runCli(['validate'], path.join(repo, 'systems'));
    expect(all.code).toBe(1);
    expect(all.stdout + all.stderr).toContain('systems/314159268_broken.yaml:');
    expect(all.stdout + all.stderr).not.toContain('systems/systems');
  });
});
