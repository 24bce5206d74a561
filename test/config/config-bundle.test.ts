/**
 * The bundle checks sysreg.config.yaml with ajv standalone code built from the same schema, as it
 * does system files: no command compiles a schema when it starts (compiling the config schema took
 * 160-560 ms on a loaded machine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

function readBundle(): Map<string, string> {
  const dist = path.join(REPO_ROOT, 'dist');
  const files = new Map<string, string>();
  for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (name.endsWith('.js')) files.set(name, readFileSync(path.join(dist, name), 'utf8'));
  }
  return files;
}

describe('config schema in the bundle', () => {
  it('is precompiled: the check is standalone code, and no ajv compiler is bundled', () => {
    const bundle = readBundle();
    const holders = [...bundle].filter(([, text]) => text.includes('function configSchemaValidator()'));
    expect(holders).toHaveLength(1);
    const [, text] = holders[0]!;
    const start = text.indexOf('function configSchemaValidator()');
    expect(text.slice(start, start + 80)).toMatch(/return validate\d*;/);
    for (const [name, code] of bundle) expect([name, code.includes('addKeyword(')]).toEqual([name, false]);
  });
});
