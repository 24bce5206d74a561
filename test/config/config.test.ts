import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadSysregConfig, parseSysregConfig } from '../../src/config/config.ts';

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
      expect(await loadSysregConfig(root)).toEqual(DEFAULT_CONFIG);
      await writeFile(path.join(root, 'sysreg.config.yaml'), 'prune: yes please\n');
      const error = await loadSysregConfig(root).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain('sysreg.config.yaml:1:');
      expect((error as ConfigError).exitCode).toBe(1);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
