/**
 * Flags shared by every command that talks to Altinn, parsed the same way everywhere.
 */
import { UsageError } from '../../model/command.ts';
import { parseArguments, type OptionsConfig } from './arguments.ts';

export const ALTINN_OPTION_USAGE = `  --env <name>          Environment: tt02, prod, local, or one from sysreg.config.yaml (required).
  --altinn-url <url>    Base URL of the local Altinn for --env local (default: $SYSREG_ALTINN_URL
                        or http://127.0.0.1:5101).`;

export const CREDENTIALS_USAGE = `Credentials come from the environment: MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID,
MASKINPORTEN_PRIVATE_KEY (PEM PKCS#8 or a private JWK) and optionally MASKINPORTEN_SCOPE.`;

const ALTINN_OPTIONS = {
  env: { type: 'string' },
  'altinn-url': { type: 'string' },
} as const satisfies OptionsConfig;

/** Parses `argv` with the Altinn flags plus the command's own; a bad flag is a UsageError saying why. */
export function parseCommandArguments<T extends OptionsConfig>(argv: string[], options: T, usage: string) {
  return parseArguments(argv, { ...ALTINN_OPTIONS, ...options }, usage);
}

export function requireEnvironmentName(value: unknown, usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--env is required.\n\n${usage}`);
  }
  return value;
}

export function pickFormat<F extends string>(value: unknown, formats: readonly F[]): F {
  const format = typeof value === 'string' ? value : formats[0]!;
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${formats.join(', ')}.`);
  }
  return format as F;
}

/**
 * Commands that talk to Altinn read every system under `systems/` at the repository root. The
 * workflows name that folder (`systems`); any other path is refused rather than silently ignored,
 * so plan, apply and drift never look at other files than validate did.
 */
export function requireDefaultSystemsFolder(positionals: readonly string[], usage: string): void {
  for (const given of positionals) {
    const normalised = given
      .replace(/\\/g, '/')
      .replace(/^(\.\/)+/, '')
      .replace(/\/+$/, '');
    if (normalised !== 'systems') {
      throw new UsageError(
        `unexpected argument '${given}': this command reads every file under systems/ at the repository root.\n\n${usage}`,
      );
    }
  }
}
