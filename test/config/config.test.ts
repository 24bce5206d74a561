import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadSysregConfig, parseSysregConfig } from '../../src/config/config.ts';
import { DEFAULT_SAFETY_SETTINGS } from '../../src/plan/safety.ts';

describe('sysreg.config.yaml', () => {
  it('reads environments, safety and prune', () => {
    const { config, diagnostics } = parseSysregConfig(
      [
        'environments:',
        '  tt02:',
        '    platformUrl: https://platform.tt02.example',
        '  at22:',
        '    platformUrl: https://platform.at22.altinn.cloud',
        '    maskinportenUrl: https://test.maskinporten.no/',
        '    scope: altinn:authentication/systemregister.admin',
        'safety:',
        '  maxChangeShare: 0.5',
        '  minSystemsForShare: 4',
        'prune: true',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(config.environments.tt02).toEqual({ platformUrl: 'https://platform.tt02.example' });
    expect(config.environments.at22?.scope).toBe('altinn:authentication/systemregister.admin');
    expect(config.safety).toEqual({ maxChangeShare: 0.5, minSystemsForShare: 4 });
    expect(config.prune).toBe(true);
  });

  it('gives the defaults for an empty file', () => {
    expect(parseSysregConfig('').config).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.safety).toEqual({ maxChangeShare: 0.3, minSystemsForShare: 10 });
  });

  it('collects every mistake with its line', () => {
    const { diagnostics } = parseSysregConfig(
      [
        'environments:',
        '  tt02:',
        '    platformUrl: not a url',
        '    colour: blue',
        'safety:',
        '  maxChangeShare: 3',
        'prune: sometimes',
        'extra: 1',
      ].join('\n'),
      'sysreg.config.yaml',
    );
    expect(diagnostics.map((d) => [d.line, d.ruleId])).toEqual([
      [3, 'config-url'],
      [4, 'config-unknown-key'],
      [6, 'config-type'],
      [7, 'config-type'],
      [8, 'config-unknown-key'],
    ]);
    expect(diagnostics.every((d) => d.file === 'sysreg.config.yaml' && d.column > 0)).toBe(true);
  });

  it('reports broken YAML with a position instead of throwing', () => {
    const { diagnostics } = parseSysregConfig('environments:\n  tt02: [unclosed\n');
    expect(diagnostics[0]?.ruleId).toBe('config-yaml');
    expect(diagnostics[0]?.line).toBeGreaterThan(0);
  });

  it('loads from the repository root, and throws a ConfigError naming file and line', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sysreg-config-'));
    try {
      expect(loadSysregConfig(root)).toEqual(DEFAULT_CONFIG);
      await writeFile(path.join(root, 'sysreg.config.yaml'), 'prune: yes please\n');
      const error = (() => {
        try {
          return loadSysregConfig(root);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain('sysreg.config.yaml:1:');
      expect((error as ConfigError).exitCode).toBe(1);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('names the whole path of an unknown key and suggests the key meant', () => {
    const { diagnostics } = parseSysregConfig(
      [
        'safety:',
        '  maxchangeshare: 0.2',
        'environments:',
        '  tt02:',
        '    platformURL: https://x.example',
      ].join('\n'),
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.hint])).toEqual([
      [2, 3, 'config-unknown-key', "Did you mean 'maxChangeShare'?"],
      [5, 5, 'config-unknown-key', "Did you mean 'platformUrl'?"],
    ]);
    expect(diagnostics[1]?.message).toContain("'environments.tt02.platformURL'");
  });

  it('checks environment names with the rule --env and system files use', () => {
    const long = `e${'x'.repeat(40)}`;
    const { diagnostics } = parseSysregConfig(`environments:\n  Test_1: {}\n  ${long}: {}\n  ok-2: {}\n`);
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([
      [2, 3, 'config-environment-name'],
      [3, 3, 'config-environment-name'],
    ]);
  });

  it('reads YAML as system files do: anchors and aliases resolve, duplicate keys are errors', () => {
    const { config, diagnostics } = parseSysregConfig(
      [
        'environments:',
        '  tt02:',
        '    platformUrl: &proxy https://proxy.example',
        '  at22:',
        '    platformUrl: *proxy',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(config.environments.at22).toEqual({ platformUrl: 'https://proxy.example' });
    const duplicate = parseSysregConfig('prune: true\nprune: false\n').diagnostics;
    expect(duplicate.map((d) => [d.line, d.ruleId])).toEqual([[2, 'config-yaml']]);
    expect(duplicate[0]?.message).toContain('already set on line 1');
  });

  it('the safety defaults are the planner’s own', () => {
    expect(DEFAULT_CONFIG.safety).toEqual(DEFAULT_SAFETY_SETTINGS);
    const { config } = parseSysregConfig('safety:\n  minSystemsForShare: 4\n');
    expect(config.safety).toEqual({ ...DEFAULT_SAFETY_SETTINGS, minSystemsForShare: 4 });
  });
});
