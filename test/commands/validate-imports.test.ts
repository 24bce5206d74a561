/** `sysreg validate` runs in every pull request: its module graph holds no HTTP, token or GitHub API code. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

const IMPORT =
  /(?:^|\n)\s*import\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The online check (`validate --env`): loaded only then, and allowed its HTTP and token code. */
const ONLINE_CHECK = path.join(REPO_ROOT, 'src', 'commands', 'validate-online.ts');

/**
 * Every module `entry` loads, following relative imports (but not into the online check); bare
 * specifiers are collected, not followed.
 */
function collectImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || file === ONLINE_CHECK) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('validate start-up', () => {
  it('loads the online check only when asked for it (a dynamic import, never a static one)', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'src', 'commands', 'validate.ts'), 'utf8');
    const online = [...text.matchAll(IMPORT)].filter((match) =>
      (match[1] ?? match[2])?.endsWith('validate-online.ts'),
    );
    expect(online.map((match) => (match[2] ? 'dynamic' : 'static'))).toEqual(['dynamic']);
  });

  it('loads no HTTP, token or GitHub modules', () => {
    const { files, packages } = collectImports(path.join(REPO_ROOT, 'src', 'commands', 'validate.ts'));
    expect(files.size).toBeGreaterThan(5);
    expect([...packages].sort()).toEqual(
      expect.arrayContaining(['ajv', 'node:fs/promises', 'node:path', 'yaml']),
    );
    for (const forbidden of [
      'undici',
      'octokit',
      'jose',
      'zx',
      'node:http',
      'node:https',
      'node:net',
      'node:tls',
    ]) {
      expect(packages).not.toContain(forbidden);
    }
    const relative = [...files].map((file) => path.relative(REPO_ROOT, file));
    // Workflow commands and the step's files (`--report github`), never the API client (octokit).
    expect(
      relative.filter((file) => file.startsWith('src/github/') || file.startsWith('src/emulator/')).sort(),
    ).toEqual([
      'src/github/actions-environment.ts',
      'src/github/actions-runner.ts',
      'src/github/annotations.ts',
      'src/github/github-report-error.ts',
      'src/github/report-target.ts',
      'src/github/report-validation.ts',
      'src/github/validation-summary.ts',
    ]);
    expect(relative.filter((file) => file.startsWith('src/altinn/'))).toEqual([]);
  });

  it('reports to the runner through @actions/core without its HTTP client, in the bundle', async () => {
    // core imports an OIDC client (@actions/http-client, undici) that sysreg never calls; the build
    // leaves it out, so `--report github` and `--format github` load only what they use.
    const chunks = path.join(REPO_ROOT, 'dist', 'chunks');
    const texts = readdirSync(chunks).map((name) => readFileSync(path.join(chunks, name), 'utf8'));
    const runner = texts.filter((text) => text.includes('// src/github/actions-runner.ts'));
    expect(runner).toHaveLength(1);
    expect(runner[0]).toContain('// node_modules/@actions/core/lib/summary.js');
    expect(runner[0]).not.toContain('node_modules/@actions/http-client');
    expect(runner[0]).not.toContain('undici');
    expect(Buffer.byteLength(runner[0]!, 'utf8')).toBeLessThan(64 * 1024);
  });
});
