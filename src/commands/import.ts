/**
 * `sysreg import --env NAME [--only ID…] [--dir systems] [--overwrite]`: adopts the vendor's live
 * systems into git. Reads Altinn and the folder, plans every file (src/adopt/import-systems.ts), and
 * writes them all or none.
 */
import { readLiveState } from '../altinn/read-live-state.ts';
import { planImport } from '../adopt/import-systems.ts';
import type { ImportedSystem, ImportInput, ImportProblem } from '../adopt/import-types.ts';
import { readSystemsFolder, resolveSystemsFolder } from '../adopt/systems-folder.ts';
import { writeFileSet } from '../adopt/write-file-set.ts';
import { SYSTEMS_DIRECTORY } from '../systems/discover.ts';
import { hasErrors, renderDiagnosticsText } from '../systems/render-diagnostics.ts';
import type { Command, CommandContext } from '../model/command.ts';
import { UsageError } from '../model/command.ts';
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  requireEnvironmentName,
} from './shared/altinn-options.ts';
import { openAltinnConnection } from './shared/altinn-connection.ts';

const USAGE = `Usage: sysreg import --env NAME [--only ID…] [--dir systems] [--overwrite]

Writes one canonical YAML file per live system of the vendor, so that 'sysreg plan' right after is
empty. A system that already has a file gets 'environments.<env>' overrides in it for exactly the
fields where this environment differs from the file (comments and layout kept). Every file is
checked first; then all are written, or none.

Options:
${ALTINN_OPTION_USAGE}
  --only <id>           Import only this system (repeat, or separate ids with commas). Altinn does not
                        list deleted systems: name a deleted id here to import it as a tombstone.
  --dir <folder>        The systems folder, inside the repository (default: systems).
  --overwrite           Replace existing files instead of adding overrides to them; what other
                        environments override is kept (as overrides), and listed.

${CREDENTIALS_USAGE}

Exit status: 0 imported (or nothing to do), 1 error (nothing written).
`;

export const command: Command = {
  name: 'import',
  summary: "Write the vendor's live systems into YAML files (all or nothing).",
  usage: USAGE,
  async run(context) {
    const { values, positionals } = parseCommandArguments(
      context.argv,
      {
        only: { type: 'string', multiple: true },
        dir: { type: 'string', default: SYSTEMS_DIRECTORY },
        overwrite: { type: 'boolean', default: false },
      },
      USAGE,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'\n\n${USAGE}`);
    const environment = requireEnvironmentName(values.env, USAGE);
    const only = splitIds(values.only);
    const directory = await resolveSystemsFolder(context.cwd, values.dir);
    const folder = await readSystemsFolder(context.cwd, directory);
    const { vendorOrgNumber, systems } = await readImportSources(context, {
      environment,
      altinnUrl: values['altinn-url'],
      only,
    });
    const input: ImportInput = {
      environment,
      vendorOrgNumber,
      systems,
      directory,
      folder,
      overwrite: values.overwrite,
    };
    const plan = planImport(input);
    if (plan.problems.length > 0) {
      context.stderr.write(renderProblems(plan.problems));
      context.stderr.write(`sysreg import: nothing was written.\n`);
      return 1;
    }
    await writeFileSet(context.cwd, plan.writes);
    context.stdout.write(renderImportSummary(plan.systems, environment));
    if (hasErrors(plan.diagnostics)) {
      context.stderr.write(
        `warning: the imported files say what ${environment} has, but do not pass 'sysreg validate'; plan refuses to run until they do:\n\n`,
      );
      context.stderr.write(
        renderDiagnosticsText({
          diagnostics: plan.diagnostics,
          fileCount: plan.writes.length,
          sources: new Map(plan.writes.map((write) => [write.file, write.text])),
        }),
      );
    }
    return 0;
  },
};

function splitIds(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const ids = values.flatMap((value) => value.split(',')).map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new UsageError(`--only needs a system id\n\n${USAGE}`);
  return [...new Set(ids)];
}

async function readImportSources(
  context: CommandContext,
  options: { environment: string; altinnUrl: string | undefined; only: string[] | undefined },
): Promise<Pick<ImportInput, 'vendorOrgNumber' | 'systems'>> {
  const { connection } = await openAltinnConnection(context, options);
  try {
    const { client } = connection;
    const call = context.signal ? { signal: context.signal } : {};
    if (options.only) {
      // Named ids are read one by one: that is how deleted ones, which the list leaves out, are seen.
      const lookups = await Promise.all(options.only.map((id) => client.getSystem(id, call)));
      const vendorOrgNumber = (await client.getCallerOrgNumber(call)) ?? '';
      return {
        vendorOrgNumber,
        systems: options.only.map((id, index) => ({ id, lookup: lookups[index] ?? { status: 'absent' } })),
      };
    }
    const live = await readLiveState(client, { environment: options.environment, repoIds: [], ...call });
    return {
      vendorOrgNumber: live.vendorOrgNumber,
      systems: live.listedIds.map((id) => ({ id, lookup: live.systems[id] ?? { status: 'absent' } })),
    };
  } finally {
    await connection.close();
  }
}

function renderProblems(problems: readonly ImportProblem[]): string {
  return problems
    .map((problem) => `sysreg import: ${problem.message}\n${problem.hint ? `  hint: ${problem.hint}\n` : ''}`)
    .join('');
}

function renderImportSummary(systems: readonly ImportedSystem[], environment: string): string {
  if (systems.length === 0) return `There are no systems to import from ${environment}.\n`;
  const lines = systems.map((system) => {
    const tombstone = system.tombstone ? ' (deleted: a tombstone)' : '';
    switch (system.action) {
      case 'create':
        return `created   ${system.file}${tombstone}`;
      case 'replace': {
        const kept = (system.kept ?? []).map(({ environment: name, fields }) =>
          fields.length === 0
            ? `environments.${name} follows the new base`
            : `kept environments.${name}: ${fields.join(', ')}`,
        );
        return `replaced  ${system.file}${tombstone}${kept.length > 0 ? ` (${kept.join('; ')})` : ''}`;
      }
      case 'override': {
        const absent = system.tombstone ? ` (absent in ${environment})` : '';
        return `overrides ${system.file}: environments.${environment}: ${system.fields.join(', ')}${absent}`;
      }
      case 'unchanged':
        return `unchanged ${system.file}`;
    }
  });
  const written = systems.filter((system) => system.action !== 'unchanged').length;
  return `${lines.join('\n')}\n\nImported ${systems.length} system${systems.length === 1 ? '' : 's'} from ${environment} (${written} file${written === 1 ? '' : 's'} written). 'sysreg plan --env ${environment}' now shows no changes for them.\n`;
}
