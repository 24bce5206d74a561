/**
 * What `sysreg init` puts in a vendor's repository, as text: the systems folder, the config naming the
 * environments, ignore rules for working files, the JSON Schema the files' modeline points at, and the
 * workflows. Pure; src/commands/init.ts writes it.
 */
import { CONFIG_FILE_NAME } from '../config/config.ts';
import { SYSTEMS_DIRECTORY } from '../systems/discover.ts';
import { ENVIRONMENT_NAME_PATTERN, SYSTEM_SCHEMA_PATH, renderSystemSchema } from '../systems/schema.ts';
import { type ActionPin, renderWorkflows } from './workflow-templates.ts';

export interface InitOptions {
  environments: readonly string[];
  /** Organisation number of the vendor, as a hint in the config and the next steps. */
  vendor?: string | undefined;
  action: ActionPin;
}

export interface InitFile {
  path: string;
  text: string;
}

/** Working files of plan and drift: never committed (they name live state). */
export const IGNORED_WORKING_FILES = ['sysreg-plan*.json', 'sysreg-drift*.json'] as const;

const BUILT_IN_ENVIRONMENTS = new Set(['tt02', 'prod']);

/** The problem with an `--environments` list, or undefined when it is usable. */
export function checkEnvironmentNames(environments: readonly string[]): string | undefined {
  if (environments.length === 0) return '--environments names no environment';
  const pattern = new RegExp(ENVIRONMENT_NAME_PATTERN);
  const bad = environments.find((name) => !pattern.test(name) || name === 'local');
  if (bad !== undefined) {
    return `--environments: '${bad}' is not an environment name (lower-case letters, digits and '-', starting with a letter; 'local' is the local Altinn)`;
  }
  const repeated = environments.find((name, index) => environments.indexOf(name) !== index);
  if (repeated !== undefined) return `--environments names '${repeated}' twice`;
  return undefined;
}

function renderConfig({ environments, vendor }: InitOptions): string {
  const lines = [
    '# sysreg configuration. The environments are the GitHub Environments the workflows run in (each',
    '# with its own Maskinporten secrets), in the order sync applies to them.',
    ...(vendor ? [`# Vendor organisation number: ${vendor} (sysreg new <id> --vendor ${vendor}).`] : []),
    'environments:',
  ];
  for (const name of environments) {
    if (BUILT_IN_ENVIRONMENTS.has(name)) {
      lines.push(`  ${name}: {}`);
    } else {
      lines.push(`  # Not built in: set platformUrl and maskinportenUrl.`, `  ${name}: {}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderInitFiles(options: InitOptions): InitFile[] {
  return [
    { path: `${SYSTEMS_DIRECTORY}/.gitkeep`, text: '' },
    { path: CONFIG_FILE_NAME, text: renderConfig(options) },
    {
      path: '.gitignore',
      text: `# sysreg working files (plans and drift reports name live state)\n${IGNORED_WORKING_FILES.join('\n')}\n`,
    },
    { path: SYSTEM_SCHEMA_PATH, text: renderSystemSchema() },
    ...renderWorkflows({ environments: options.environments, action: options.action }),
  ];
}
