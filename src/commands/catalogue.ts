/**
 * `sysreg catalogue pull --env NAME`: snapshots the environment's catalogue into
 * `.sysreg/catalogue-<env>.json` for the vendor to commit, so offline `validate` checks access
 * packages against what that environment defines (src/catalogue/snapshot.ts).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pullCatalogue } from '../altinn/catalogue-client.ts';
import {
  compareCatalogues,
  parseCatalogueSnapshot,
  renderCatalogueSnapshot,
  snapshotPath,
  SnapshotError,
  type CatalogueChange,
} from '../catalogue/snapshot.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import { collectCatalogueReferences } from '../systems/catalogue-references.ts';
import { discoverSystemFiles } from '../systems/discover.ts';
import { loadSystemFiles } from '../systems/load.ts';
import { writeFileAtomically } from '../model/write-file-atomically.ts';
import { UsageError, type Command, type CommandContext } from '../model/command.ts';
import { openAltinnConnection } from './shared/altinn-connection.ts';
import { declareAltinnOptions, type AltinnOptions } from './shared/altinn-options.ts';
import { Argument } from 'commander';

interface PullOptions extends AltinnOptions {
  detailedExitcode?: boolean;
}

/** How many names of a change the report lists before it only counts. */
const LISTED_NAMES = 10;

async function readPreviousSnapshot(
  absolutePath: string,
  file: string,
  environment: string,
): Promise<{ text: string; catalogue: Catalogue | undefined } | undefined> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return { text, catalogue: parseCatalogueSnapshot(file, text, environment) };
  } catch (error) {
    if (error instanceof SnapshotError) return { text, catalogue: undefined };
    throw error;
  }
}

function describeChange(change: CatalogueChange): string {
  const list = (sign: string, names: string[]) =>
    names.length === 0
      ? []
      : [
          `  ${sign} ${names.slice(0, LISTED_NAMES).join(', ')}${names.length > LISTED_NAMES ? `, and ${names.length - LISTED_NAMES} more` : ''}`,
        ];
  return [
    ...list('added:', change.added),
    ...list('removed:', change.removed),
    ...list('changed:', change.changed),
  ].join('\n');
}

async function pull(context: CommandContext, values: PullOptions): Promise<number> {
  const environment = values.env;
  const discovered = discoverSystemFiles(context.cwd, []);
  const references = collectCatalogueReferences(loadSystemFiles(discovered.files));
  const { connection } = await openAltinnConnection(context, {
    environment,
    altinnUrl: values.altinnUrl,
  });
  let catalogue: Catalogue;
  try {
    catalogue = await pullCatalogue(connection.client, { resourceIds: references.resourceIds });
  } finally {
    await connection.close();
  }
  const file = snapshotPath(environment);
  if (catalogue.accessPackages.length === 0) {
    // Every package would then be an error offline; an empty export is an outage, not a catalogue.
    throw new UsageError(`${environment} exported no access packages; ${file} was left as it is.`);
  }
  const absolutePath = path.join(context.cwd, file);
  const text = renderCatalogueSnapshot(environment, catalogue);
  const previous = await readPreviousSnapshot(absolutePath, file, environment);
  const summary = `${catalogue.accessPackages.length} access packages, ${catalogue.resources.length} resources`;
  if (previous?.text === text) {
    context.stdout.write(`${file}: unchanged (${summary}).\n`);
    return 0;
  }
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFileAtomically(absolutePath, text);
  const change = previous?.catalogue ? compareCatalogues(previous.catalogue, catalogue) : undefined;
  const verb = previous === undefined ? 'written' : 'changed';
  const details = change ? describeChange(change) : '';
  context.stdout.write(`${file}: ${verb} (${summary}). Commit it.\n${details ? `${details}\n` : ''}`);
  return values.detailedExitcode ? 2 : 0;
}

export const command: Command<PullOptions> = {
  name: 'catalogue',
  declare(commandLine) {
    commandLine
      .usage('pull --env NAME [--detailed-exitcode]')
      .description(
        `Reads the environment's catalogue and writes it to .sysreg/catalogue-<env>.json, sorted and without
timestamps, for you to commit: every access package the environment defines (its public export)
and the resources the files under systems/ name. Offline 'sysreg validate' then checks each file's
access packages against the snapshot of each environment (an unknown one is an error with "did you
mean"), instead of sysreg's short built-in list (where an unknown one is only a warning).`,
      )
      .addArgument(new Argument('<subcommand>', 'pull (the only one).').choices(['pull']));
    declareAltinnOptions(commandLine);
    commandLine.option('--detailed-exitcode', 'Exit 2 when the snapshot changed (or is new).').addHelpText(
      'after',
      `
Exit status: 0 written (or unchanged), 1 error (nothing written), 2 changed (with
--detailed-exitcode).`,
    );
  },
  run: (context, { options }) => pull(context, options),
};
