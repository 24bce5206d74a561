/**
 * `sysreg validate [paths…] [--format text|json|github]`: checks system files offline against the
 * register's rules and the shipped catalogue. Exit 0 when valid (warnings allowed), 1 otherwise.
 * Loads no HTTP or GitHub code, so it starts fast in every pull request. `validate --env NAME` is
 * the same run against one environment's live catalogue, in validate-online.ts (loaded only then).
 */
import { DIAGNOSTICS_FORMATS } from './shared/diagnostics-format.ts';
import { UsageError, type Command, type ParsedArguments } from '../model/command.ts';
import { declareAltinnOptions, pickFormat } from './shared/altinn-options.ts';
import { runValidation, type ValidateArguments } from './shared/run-validation.ts';

interface ValidateOptions {
  format?: string;
  env?: string;
  altinnUrl?: string;
  report?: string;
}

function readValidateArguments({ options, operands }: ParsedArguments<ValidateOptions>): ValidateArguments {
  const environment = options.env;
  if (environment !== undefined && environment.trim() === '') {
    throw new UsageError('--env needs an environment name.');
  }
  return {
    paths: operands,
    format: pickFormat(options.format, DIAGNOSTICS_FORMATS),
    environment,
    altinnUrl: options.altinnUrl,
    report: options.report,
  };
}

export const command: Command<ValidateOptions> = {
  name: 'validate',
  declare(commandLine) {
    commandLine
      .usage('[paths…] [--format text|json|github] [--env NAME] [--report github]')
      .description(
        `Checks system files offline: YAML syntax, the schema, and the register's rules (AUTH.VLD codes),
in the base and in every environment a file names.

With --env, online: the files as that environment sees them (the base with that environment's
overrides; other environments' overrides are left to their own run) are checked by the same rules
against the resources and access packages that environment's Altinn has, so a resource that does
not exist or cannot be delegated (AUTH.VLD-00003, 00017) and an unknown or undelegable access
package (00008) are found before apply. Needs the MASKINPORTEN_* variables like plan.`,
      )
      .argument('[paths...]', 'Files or folders to check (default: every *.yaml and *.yml under systems/).')
      .option('--format <fmt>', 'text (default), json, or github (workflow annotations).');
    declareAltinnOptions(commandLine, { optional: true });
    commandLine
      .option(
        '--report <target>',
        'github: also report to GitHub from an Actions job: annotations, job summary, outputs (with --format github too, each annotation is printed once).',
      )
      .addHelpText(
        'after',
        `
Exit status: 0 when valid (warnings allowed), 1 when any error is found, or when --env cannot
reach that environment's Altinn.`,
      );
  },
  async run(context, parsed) {
    const validation = readValidateArguments(parsed);
    if (validation.environment === undefined) return runValidation(context, validation);
    // Only the online check loads HTTP and token code.
    const { runOnlineValidation } = await import('./validate-online.ts');
    return runOnlineValidation(context, { ...validation, environment: validation.environment });
  },
};
