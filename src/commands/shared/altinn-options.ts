/**
 * Flags shared by every command that talks to Altinn, declared the same way everywhere.
 */
import { UsageError } from '../../model/command.ts';
import type { CommandLine } from './command-line.ts';

/** What the Altinn flags parse to. */
export interface AltinnOptions {
  env: string;
  altinnUrl?: string;
}

const CREDENTIALS_HELP = `Credentials come from the environment: MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID,
MASKINPORTEN_PRIVATE_KEY (PEM PKCS#8 or a private JWK) and optionally MASKINPORTEN_SCOPE.`;

const ALTINN_URL_HELP =
  'Base URL of the local Altinn for --env local (default: $SYSREG_ALTINN_URL or http://127.0.0.1:5101).';

/**
 * `--env` (required unless `optional`) and `--altinn-url`, and where the credentials come from.
 * With `systemsFolder`, the command takes `systems` as its only argument (see below).
 */
export function declareAltinnOptions(
  commandLine: CommandLine,
  options: { optional?: boolean; systemsFolder?: boolean } = {},
): void {
  const environments = 'tt02, prod, local, or one from sysreg.config.yaml';
  if (options.systemsFolder) commandLine.argument('[systems...]');
  if (options.optional) {
    commandLine.option('--env <name>', `Check online against this environment: ${environments}.`);
  } else {
    commandLine.option('--env <name>', `Environment: ${environments} (required).`);
    commandLine.addHelpText('after', `\n${CREDENTIALS_HELP}`);
  }
  commandLine.option('--altinn-url <url>', ALTINN_URL_HELP);
  // Checked after the whole line is read (not as commander's requiredOption, which is checked
  // first), so a mistyped flag is named before the missing environment.
  commandLine.hook('preAction', (verb) => {
    const environment: unknown = verb.opts().env;
    if (!options.optional && (typeof environment !== 'string' || environment.trim() === '')) {
      verb.error('--env is required.', { code: 'sysreg.missingEnvironment' });
    }
    const problem = options.systemsFolder ? findOtherFolder(verb.args) : undefined;
    if (problem) verb.error(problem, { code: 'sysreg.otherSystemsFolder' });
  });
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
function findOtherFolder(operands: readonly string[]): string | undefined {
  for (const given of operands) {
    const normalised = given
      .replace(/\\/g, '/')
      .replace(/^(\.\/)+/, '')
      .replace(/\/+$/, '');
    if (normalised !== 'systems') {
      return `unexpected argument '${given}': this command reads every file under systems/ at the repository root.`;
    }
  }
  return undefined;
}
