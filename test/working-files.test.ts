/**
 * Working files stay out of commits: the names the README and workflows give `--out` files are
 * ignored by the repository's .gitignore, and the committed catalogue snapshots are not.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IGNORED_WORKING_FILES } from '../src/init/init-files.ts';
import { REPO_ROOT } from './support/run-cli.ts';

function isIgnored(file: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--quiet', '--no-index', file], { cwd: REPO_ROOT });
    return true;
  } catch {
    return false;
  }
}

describe('working files', () => {
  it('ignores every --out file the README and the workflows name, and keeps catalogue snapshots', async () => {
    const sources = [
      await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8'),
      await readFile(path.join(REPO_ROOT, '.github', 'workflows', 'pull-request.yml'), 'utf8'),
    ].join('\n');
    const named = [...sources.matchAll(/--out "?([\w.$-]+\.json)/g)].map((match) =>
      match[1]!.replace(/\$\w+/g, 'tt02'),
    );
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const file of [...named, 'sysreg-plan.json', 'sysreg-drift-prod.json']) {
      expect(isIgnored(file), file).toBe(true);
    }
    // What `sysreg init` writes into a vendor's .gitignore is what this repository ignores.
    const gitignore = await readFile(path.join(REPO_ROOT, '.gitignore'), 'utf8');
    for (const pattern of IGNORED_WORKING_FILES) expect(gitignore.split('\n')).toContain(pattern);
    expect(isIgnored('.sysreg/catalogue-tt02.json')).toBe(false);
    expect(isIgnored('systems/991825827_x.yaml')).toBe(false);
  });
});
