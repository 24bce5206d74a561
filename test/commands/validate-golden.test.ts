/**
 * The wording of `sysreg validate`, pinned as goldens (tests elsewhere assert rule ids and positions).
 * Rewrite them after an intended change with `UPDATE_GOLDEN=1 npx vitest run test/commands`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden');
const REPO = path.join(GOLDEN, 'repo');

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('sysreg validate goldens', () => {
  it.each([
    ['text', 'validate.txt'],
    ['json', 'validate.json'],
    ['github', 'validate.github.txt'],
  ])('--format %s', async (format, golden) => {
    const result = await runCli(['validate', '--format', format], REPO);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expectGolden(golden, result.stdout);
  });
});
