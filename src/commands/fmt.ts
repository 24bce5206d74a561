/**
 * `sysreg fmt [--check] [paths…]`: rewrites system files into the canonical form, keeping comments.
 * With `--check`, lists the files that would change and exits 1, for CI.
 */
import { readFile, realpath } from 'node:fs/promises';
import { parseArguments } from './shared/arguments.ts';
import type { Command } from '../model/command.ts';
import { resolveFileArgument } from '../model/command.ts';
import { discoverSystemFiles } from '../systems/discover.ts';
import type { DiscoveredFile } from '../systems/discover.ts';
import { decodeSystemFile } from '../systems/load.ts';
import { formatSystemYaml } from '../systems/format.ts';
import { writeFileAtomically } from '../systems/write-file-atomically.ts';
import { describeFileError } from '../model/describe-file-error.ts';

const USAGE = `Usage: sysreg fmt [--check] [paths…]

Rewrites system files into the canonical form: key order, field spelling, quoting and list style.
Comments stay with the keys they are written above. Files that are already canonical are not touched.

Options:
  --check   Change nothing; list the files that would change and exit 1 if there are any.

Paths default to systems/. Exit 0 when every file is (or now is) canonical, 1 otherwise.
`;

export const command: Command = {
  name: 'fmt',
  summary: 'Rewrite system files into the canonical form (or --check that they are).',
  usage: USAGE,
  async run(context) {
    const { argv, stdout, stderr, cwd } = context;
    const parsed = parseArguments(argv, { check: { type: 'boolean' } }, USAGE);
    const check = parsed.values.check === true;
    const { files, diagnostics } = await discoverSystemFiles(
      cwd,
      parsed.positionals.map((given) => resolveFileArgument(context, given)),
    );
    let failures = 0;
    for (const diagnostic of diagnostics) {
      stderr.write(`${diagnostic.file}: ${diagnostic.message}\n`);
      failures += 1;
    }

    const changed: string[] = [];
    for (const file of files) {
      const text = await readSystemText(file);
      if (typeof text !== 'string') {
        stderr.write(`${file.path}: cannot format: ${text.problem}\n`);
        failures += 1;
        continue;
      }
      const result = formatSystemYaml(text);
      if (result.problems.length > 0) {
        for (const problem of result.problems) {
          stderr.write(`${file.path}: cannot format: ${indentContinuation(problem)}\n`);
        }
        failures += 1;
        continue;
      }
      if (!result.changed) continue;
      changed.push(file.path);
      if (check) {
        stdout.write(`${file.path}\n`);
        continue;
      }
      try {
        // Write through a symbolic link to its target, rather than replacing the link with a file.
        await writeFileAtomically(await realpath(file.absolutePath), result.text);
      } catch (error) {
        stderr.write(`${file.path}: cannot write: ${describeFileError(error)}\n`);
        failures += 1;
        continue;
      }
      stdout.write(`formatted ${file.path}\n`);
    }

    const noun = (count: number) => `${count} file${count === 1 ? '' : 's'}`;
    if (check) {
      if (changed.length > 0) {
        stderr.write(`${noun(changed.length)} not in canonical form; run 'sysreg fmt' to rewrite them.\n`);
      } else if (failures === 0) {
        stdout.write(`${noun(files.length)} already in canonical form.\n`);
      }
      return changed.length > 0 || failures > 0 ? 1 : 0;
    }
    if (changed.length === 0 && failures === 0)
      stdout.write(`${noun(files.length)} already in canonical form.\n`);
    return failures > 0 ? 1 : 0;
  },
};

/** The file's text, or why it cannot be formatted (unreadable, too large, binary, not UTF-8). */
async function readSystemText(file: DiscoveredFile): Promise<string | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.absolutePath);
  } catch (error) {
    return { problem: `cannot read: ${describeFileError(error)}` };
  }
  const decoded = decodeSystemFile(file.path, bytes);
  if (decoded.ok) return decoded.text;
  const { line, column, message } = decoded.diagnostic;
  return { problem: `${message} (line ${line}, column ${column})` };
}

function indentContinuation(text: string): string {
  return text.replace(/\n/g, '\n    ');
}
