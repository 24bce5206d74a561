/** `sysreg validate` through the real CLI: text, json and github output, and exit codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';

let repo: ScratchRepo;

beforeAll(async () => {
  repo = await createScratchRepo();
  await repo.write('systems/314159268_good.yaml', renderValidSystem('good'));
  await repo.write(
    'systems/314159268_bad.yaml',
    renderValidSystem('bad')
      .replace('https://bad.example/callback', 'http://bad.example/callback, ok')
      .replace('allowedRedirectUrls:', 'allowedredirecturls:'),
  );
  await repo.write(
    'warn-only/314159268_warn.yaml',
    renderValidSystem('warn').replace('isVisible:', 'IsVisible:'),
  );
});

afterAll(async () => {
  await repo.remove();
});

describe('sysreg validate', () => {
  it('exits 0 on the repository’s own systems/', async () => {
    const result = await runCli(['validate'], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ files valid\.\n$/);
  });

  it('prints text: location, severity, rule and code, message, source line and caret, summary', async () => {
    const result = await runCli(['validate'], repo.root);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const header = lines.findIndex((line) => line.includes('redirect-url-https'));
    expect(lines[header]).toMatch(
      /^systems\/314159268_bad\.yaml:21:5 {2}error {2}redirect-url-https \(AUTH\.VLD-00005\) {2}\S/,
    );
    expect(lines[header + 1]).toBe(' 21 |   - http://bad.example/callback, ok');
    expect(lines[header + 2]).toBe('    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^');
    expect(result.stdout).toMatch(/systems\/314159268_bad\.yaml:20:1 {2}warning {2}field-alias {2}/);
    expect(lines.at(-2)).toBe('1 error and 1 warning in 1 of 2 files.');
    expect(result.stderr).toBe('');
  });

  it('exits 0 with warnings only', async () => {
    const result = await runCli(['validate', 'warn-only'], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warn-only/314159268_warn.yaml:22:1  warning  field-alias');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 file valid, with 1 warning in 1 file.');
  });

  it('prints json for machines', async () => {
    const result = await runCli(['validate', '--format', 'json'], repo.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      version: number;
      valid: boolean;
      summary: { files: number; errors: number; warnings: number };
      diagnostics: { file: string; line: number; column: number; ruleId: string; altinnCode?: string }[];
    };
    expect(report).toMatchObject({
      formatVersion: 1,
      valid: false,
      summary: { files: 2, errors: 1, warnings: 1 },
    });
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'systems/314159268_bad.yaml',
        line: 21,
        column: 5,
        ruleId: 'redirect-url-https',
        altinnCode: 'AUTH.VLD-00005',
        severity: 'error',
      }),
    );
  });

  it('prints GitHub annotations, escaped as @actions/core does', async () => {
    const result = await runCli(['validate', '--format=github'], repo.root);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const error = lines.find((line) => line.startsWith('::error '));
    // core's property order: title, file, line, endLine, col, endColumn.
    expect(error).toMatch(
      /^::error title=sysreg redirect-url-https \(AUTH\.VLD-00005\),file=systems\/314159268_bad\.yaml,line=21,endLine=21,col=5,endColumn=36::/,
    );
    // The message holds `http://…, ok`: its colon and comma stay literal in data, the hint follows as %0A.
    expect(error).toContain(
      '`http://bad.example/callback, ok` is not an absolute https URL.%0AWrite it as https://host/path.',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning title=sysreg field-alias,file=systems\/314159268_bad\.yaml,line=20,endLine=20,col=1,/,
      ),
    );
    expect(lines.at(-1)).toBe('::notice title=sysreg validate::1 error and 1 warning in 1 of 2 files.');
  });

  it('rejects an unknown format or flag with a usage message and no stack trace', async () => {
    const format = await runCli(['validate', '--format', 'xml'], repo.root);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("unknown format 'xml'");
    const flag = await runCli(['validate', '--frobnicate'], repo.root);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('--frobnicate');
    expect(flag.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a path that does not exist and still checks the others', async () => {
    const result = await runCli(['validate', 'systems/314159268_good.yaml', 'nope.yaml'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('nope.yaml:1:1  error  path-not-found');
    expect(result.stdout).toContain('1 error in 1 of 2 files.');
  });
});
