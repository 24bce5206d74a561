import { describe, expect, it } from 'vitest';
import { parseSysregConfig } from '../../src/config/config.ts';
import { EnvironmentError, resolveAltinnEnvironment } from '../../src/altinn/environments.ts';

describe('resolveAltinnEnvironment', () => {
  it('knows tt02 and prod, with the issuer as the grant audience', () => {
    expect(resolveAltinnEnvironment('tt02')).toEqual({
      name: 'tt02',
      platformUrl: 'https://platform.tt02.altinn.no',
      maskinportenIssuer: 'https://test.maskinporten.no/',
      maskinportenTokenUrl: 'https://test.maskinporten.no/token',
    });
    expect(resolveAltinnEnvironment('prod').maskinportenIssuer).toBe('https://maskinporten.no/');
    expect(resolveAltinnEnvironment('prod').platformUrl).toBe('https://platform.altinn.no');
  });

  it('takes the local URL from --altinn-url, then SYSREG_ALTINN_URL, then the default', () => {
    expect(resolveAltinnEnvironment('local').platformUrl).toBe('http://127.0.0.1:5101');
    expect(resolveAltinnEnvironment('local').maskinportenIssuer).toBe('http://127.0.0.1:5101/maskinporten/');
    const env = { SYSREG_ALTINN_URL: 'http://127.0.0.1:7000/' };
    expect(resolveAltinnEnvironment('local', { env }).maskinportenTokenUrl).toBe(
      'http://127.0.0.1:7000/maskinporten/token',
    );
    expect(resolveAltinnEnvironment('local', { env, altinnUrl: 'http://127.0.0.1:8000' }).platformUrl).toBe(
      'http://127.0.0.1:8000',
    );
  });

  it('adds environments and overrides URLs from the config file', () => {
    const { config } = parseSysregConfig(
      'environments:\n  tt02:\n    platformUrl: https://proxy.example/\n  at22:\n    platformUrl: https://platform.at22.altinn.cloud\n    maskinportenUrl: https://test.maskinporten.no\n',
    );
    expect(resolveAltinnEnvironment('tt02', { config }).platformUrl).toBe('https://proxy.example');
    expect(resolveAltinnEnvironment('tt02', { config }).maskinportenIssuer).toBe(
      'https://test.maskinporten.no/',
    );
    expect(resolveAltinnEnvironment('at22', { config }).maskinportenIssuer).toBe(
      'https://test.maskinporten.no/',
    );
  });

  it('names the known environments for an unknown one', () => {
    expect(() => resolveAltinnEnvironment('staging')).toThrow(EnvironmentError);
    expect(() => resolveAltinnEnvironment('staging')).toThrow(
      /unknown environment 'staging'.*tt02, prod, local/,
    );
  });
});
