/**
 * `sysreg new <id> --vendor <org> [--dir systems]`: writes a valid skeleton for a new system, with the
 * schema modeline and a comment above each field. Never replaces an existing file.
 */
import { mkdir } from 'node:fs/promises';
import { resolveSystemsFolder } from '../adopt/systems-folder.ts';
import path from 'node:path';
import { parseArguments } from './shared/arguments.ts';
import type { Command } from '../model/command.ts';
import { UsageError } from '../model/command.ts';
import { describeFileError } from '../model/describe-file-error.ts';
import { describeUnsafeFileName } from '../adopt/import-folder.ts';
import { SYSTEMS_DIRECTORY, toRepoPath } from '../systems/discover.ts';
import { renderSystemSkeleton, resolveSystemIdentity } from '../systems/system-skeleton.ts';
import { writeFileAtomically } from '../model/write-file-atomically.ts';

const USAGE = `Usage: sysreg new <id> --vendor <org> [--dir systems]

Writes <dir>/<id>.yaml with a comment above each field saying what it is. 'sysreg validate' refuses
it until the placeholder description is replaced (rule placeholder-text). Fill in the name,
description and what the system needs, then open a PR.

Arguments:
  <id>            The system id, '<org>_<name>', or just '<name>' (the '<org>_' prefix is added).
                  The name may use letters, digits, '.', '_' and '-'.
Options:
  --vendor <org>  The vendor's 9-digit organisation number (or 0192:<number>).
  --dir <folder>  Where system files live (default: systems).

Exit status: 0 when the file was written; 1 on a bad id or vendor, or when the file already exists
(it is never replaced) or cannot be written.
`;

export const command: Command = {
  name: 'new',
  summary: 'Write a commented skeleton for a new system.',
  usage: USAGE,
  async run({ argv, stdout, cwd }) {
    const parsed = parseArguments(argv, { vendor: { type: 'string' }, dir: { type: 'string' } }, USAGE);
    const [id, ...extra] = parsed.positionals;
    if (id === undefined || extra.length > 0) throw new UsageError(`give exactly one system id\n\n${USAGE}`);
    if (parsed.values.vendor === undefined) throw new UsageError(`--vendor is required\n\n${USAGE}`);
    const identity = resolveSystemIdentity(id, parsed.values.vendor);
    if ('problem' in identity) throw new UsageError(identity.problem);
    const unsafe = describeUnsafeFileName(identity.id);
    if (unsafe) throw new UsageError(`'${identity.id}' cannot be a file name: ${unsafe}.`);

    // Inside the repository only: the schema line the skeleton carries is relative to it.
    const directory = await resolveSystemsFolder(cwd, parsed.values.dir ?? SYSTEMS_DIRECTORY);
    const target = path.join(cwd, directory, `${identity.id}.yaml`);
    const shown = toRepoPath(cwd, target);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomically(target, renderSystemSkeleton(identity), { exclusive: true });
    } catch (error) {
      const reason = describeFileError(error);
      if (reason === 'already exists') {
        throw new UsageError(`'${shown}' already exists; 'sysreg new' never replaces a file`);
      }
      throw new UsageError(`cannot write '${shown}': ${reason}`);
    }
    stdout.write(
      `created ${shown}\nFill in name, description and what the system needs, then run 'sysreg validate'.\n`,
    );
    return 0;
  },
};
