/**
 * Attack case on fmt's idempotence (issue: hardening): a comment holding a lone CR or U+2028 made
 * every `sysreg fmt` run add another `#` to it, so `fmt --check` never settled. Through the real CLI:
 * such a file is left byte for byte as it was, with the line to fix, on every run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VENDOR } from '../support/live-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let repo: ScratchRepo;
beforeEach(async () => {
  repo = await createScratchRepo();
});
afterEach(() => repo.remove());

describe('fmt on a comment with a stray line break (real CLI)', () => {
  for (const [name, character] of [
    ['a lone CR', '\r'],
    ['U+2028', '\u2028'],
  ]) {
    it(`leaves the file as it is on every run: ${name}`, async () => {
      const file = `systems/${EXAMPLE_VENDOR}_one.yaml`;
      const text = `# A system for c${character}lient delegation.\n${renderValidSystem('one')}`;
      await repo.write(file, text);
      for (let run = 0; run < 2; run++) {
        const result = await runCli(['fmt'], repo.root);
        expect(await readFile(path.join(repo.root, file), 'utf8')).toBe(text);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${file}: cannot format: line 1: a comment holds a line break`);
      }
      const check = await runCli(['fmt', '--check'], repo.root);
      expect(check.stdout).toBe('');
    });
  }
});
