/**
 * Every bad input of issue 2 gets exactly one clear diagnostic with a position, and the run goes on:
 * the valid file beside it still validates, and nothing throws or hangs.
 */
import { randomBytes } from 'node:crypto';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { discoverSystemFiles } from '../../src/systems/discover.ts';
import { loadSystemFiles } from '../../src/systems/load.ts';
import { validateSystems } from '../../src/systems/validate.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

const valid = renderValidSystem('valid');
const aliasBomb = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
  'i: [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
  '',
].join('\n');

/** File name → content, and the one diagnostic it must get. */
const BAD_INPUTS: Record<
  string,
  { content: string | Uint8Array; ruleId: string; line: number; column: number }
> = {
  'malformed.yaml': {
    content: valid.replace('clientId:\n  -', 'clientId: [x\n  -'),
    ruleId: 'yaml-syntax',
    line: 20,
    column: 1,
  },
  'tabs.yaml': {
    content: valid.replace(/\n {2}(n[bn]|en):/g, '\n\t$1:'),
    ruleId: 'yaml-tab-indentation',
    line: 5,
    column: 1,
  },
  'duplicate-key.yaml': {
    content: `${valid}id: 314159268_valid\n`,
    ruleId: 'yaml-duplicate-key',
    line: 23,
    column: 1,
  },
  'list-for-map.yaml': {
    content: valid
      .replace('name:\n', 'name:\n  - x\n')
      .replace(/^ {2}(n[bn]|en): .*\n/gm, (m, _l, offset: number) => (offset < 120 ? '' : m)),
    ruleId: 'field-type',
    line: 4,
    column: 1,
  },
  'list-file.yaml': {
    content: '- id: 314159268_x\n- vendor: {}\n',
    ruleId: 'field-type',
    line: 1,
    column: 1,
  },
  'too-large.yaml': {
    content: `${valid}# ${'x'.repeat(5 * 1024 * 1024)}\n`,
    ruleId: 'file-too-large',
    line: 1,
    column: 1,
  },
  'alias-bomb.yaml': { content: aliasBomb, ruleId: 'yaml-alias-limit', line: 2, column: 8 },
  'binary.yaml': {
    content: Buffer.concat([Buffer.from('id: x\n'), Buffer.from([0x00]), randomBytes(4096)]),
    ruleId: 'file-binary',
    line: 2,
    column: 1,
  },
  'latin1.yaml': {
    content: Buffer.from('id: 314159268_x\nname:\n  nb: Bj\xf8rn\n', 'latin1'),
    ruleId: 'file-not-utf8',
    line: 3,
    column: 9,
  },
  'empty.yaml': { content: '', ruleId: 'file-empty', line: 1, column: 1 },
  'blank.yaml': { content: '\n   \n# only a comment\n', ruleId: 'file-empty', line: 1, column: 1 },
  // The column is where the parser ran out of stack, which depends on the machine.
  'deep.yaml': {
    content: `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    ruleId: 'yaml-syntax',
    line: 1,
    column: -1,
  },
};

let repo: ScratchRepo;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  repo = await createScratchRepo();
  await repo.write('systems/314159268_valid.yaml', valid);
  for (const [name, { content }] of Object.entries(BAD_INPUTS)) await repo.write(`systems/${name}`, content);
  await writeFile(path.join(repo.scratch, 'secret.yaml'), valid);
  await symlink(path.join(repo.scratch, 'secret.yaml'), path.join(repo.root, 'systems', 'outside-link.yaml'));
  const discovered = discoverSystemFiles(repo.root, []);
  const files = await loadSystemFiles(discovered.files);
  diagnostics = [...discovered.diagnostics, ...validateSystems(files, { catalogue: DEFAULT_CATALOGUE })];
});

afterAll(async () => {
  await repo.remove();
});

/** Diagnostics other than the file-name rule, which bad files named for the test break on purpose. */
function diagnosticsOf(file: string): Diagnostic[] {
  return diagnostics.filter((d) => d.file === file && d.ruleId !== 'id-matches-file-name');
}

describe('bad input', () => {
  it.each(Object.entries(BAD_INPUTS))('%s gets one diagnostic with a position', (name, expected) => {
    const found = diagnosticsOf(`systems/${name}`);
    expect(found.map(({ ruleId, line, column, severity }) => ({ ruleId, line, column, severity }))).toEqual([
      {
        ruleId: expected.ruleId,
        line: expected.line,
        column: expected.column === -1 ? expect.any(Number) : expected.column,
        severity: 'error',
      },
    ]);
    expect(found[0]?.message).not.toMatch(/\n\s+at /);
  });

  it('refuses a symlink pointing outside the repo with one diagnostic', () => {
    expect(diagnosticsOf('systems/outside-link.yaml')).toMatchObject([
      { ruleId: 'symlink-outside-repo', line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('goes on: the valid file beside them has no diagnostics', () => {
    expect(diagnostics.filter((d) => d.file === 'systems/314159268_valid.yaml')).toEqual([]);
  });

  it('never reads the secret behind the link', () => {
    expect(JSON.stringify(diagnostics)).not.toContain('secret');
  });
});
