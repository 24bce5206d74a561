/**
 * Golden files: compare output with a committed file, or rewrite it when UPDATE_GOLDEN=1. A missing
 * golden fails rather than being written silently, so CI never passes on a file nobody reviewed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`Golden ${path} is missing; run with UPDATE_GOLDEN=1 and review it.`);
  expect(actual, `differs from ${path}; run with UPDATE_GOLDEN=1 if the change is intended`).toBe(
    readFileSync(path, 'utf8'),
  );
}
