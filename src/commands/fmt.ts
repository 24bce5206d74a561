/**
 * `sysreg fmt [--check] [paths…]`: rewrites system files into the canonical form, keeping comments.
 * With `--check`, lists the files that would change and exits 1, for CI.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../model/command.ts';
import { resolveFileArgument } from '../model/command.ts';
import { discoverSystemFiles, SYSTEMS_DIRECTORY, toRepoPath } from '../systems/discover.ts';
import type { DiscoveredFile } from '../systems/discover.ts';
import { readSystemFileText } from '../systems/load.ts';
import { formatSystemFile, type FileFormatting } from '../systems/format.ts';
import { escapeTerminalLines, escapeTerminalText } from '../systems/terminal-text.ts';
import { writeFileAtomically } from '../model/write-file-atomically.ts';
import { describeFileError } from '../model/describe-file-error.ts';

export const command: Command<{ check?: boolean }> = {
  name: 'fmt',
  declare(commandLine) {
    commandLine
      .usage('[--check] [paths…]')
      .description(
        `Rewrites system files into the canonical form: key order, field spelling, quoting and list style.
Comments stay with the keys they are written above. Files that are already canonical are not
touched, nor are files that do not read as system files (fix what \`sysreg validate\` reports
first), nor targets of symbolic links that lead out of systems/.`,
      )
      .argument('[paths...]', 'Files or folders to format (default: systems/).')
      .option('--check', 'Change nothing; list the files that would change and exit 1 if there are any.')
      .addHelpText('after', '\nExit status: 0 when every file is (or now is) canonical, 1 otherwise.');
  },
  async run(context, { options, operands }) {
    const { stdout, stderr, cwd } = context;
    const check = options.check === true;
    const { files, diagnostics } = discoverSystemFiles(
      cwd,
      operands.map((given) => resolveFileArgument(context, given)),
    );
    let failures = 0;
    for (const diagnostic of diagnostics) {
      stderr.write(escapeTerminalText(`${diagnostic.file}: ${diagnostic.message}`) + '\n');
      failures += 1;
    }

    const changed: string[] = [];
    const systemsFolder = await realpath(path.join(cwd, SYSTEMS_DIRECTORY)).catch(() => undefined);
    for (const file of files) {
      const shownPath = escapeTerminalText(file.path);
      const result = await formatFile(file);
      if ('problems' in result) {
        for (const problem of result.problems) {
          stderr.write(`${shownPath}: cannot format: ${indentContinuation(escapeTerminalLines(problem))}\n`);
        }
        failures += 1;
        continue;
      }
      if (!result.changed) continue;
      changed.push(file.path);
      if (check) {
        stdout.write(`${shownPath}\n`);
        continue;
      }
      const target = await resolveWriteTarget(cwd, file, systemsFolder);
      if (typeof target !== 'string') {
        stderr.write(`${shownPath}: not written: ${target.problem}\n`);
        failures += 1;
        continue;
      }
      try {
        await writeFileAtomically(target, result.text);
      } catch (error) {
        stderr.write(`${shownPath}: cannot write: ${describeFileError(error)}\n`);
        failures += 1;
        continue;
      }
      stdout.write(`formatted ${shownPath}\n`);
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

/** The file's canonical text, or why it is left alone (see `formatSystemFile`). */
async function formatFile(file: DiscoveredFile): Promise<FileFormatting> {
  const decoded = readSystemFileText(file);
  if (!decoded.ok) {
    const { line, column, message } = decoded.diagnostic;
    return { problems: [`${message} (line ${line}, column ${column})`] };
  }
  return formatSystemFile(file.path, decoded.text);
}

/**
 * Where to write a file: its own path, or, when a symbolic link (the file or a folder above it) leads
 * elsewhere, the real target, but only inside systems/. A link planted in a pull request must not
 * let fmt rewrite package.json or a workflow.
 */
async function resolveWriteTarget(
  root: string,
  file: DiscoveredFile,
  systemsFolder: string | undefined,
): Promise<string | { problem: string }> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const real = await realpath(file.absolutePath).catch(() => undefined);
  if (real === undefined) return { problem: 'the file is gone' };
  const asWritten = path.join(realRoot, toRepoPath(root, file.absolutePath));
  if (real === asWritten) return real;
  const relative = systemsFolder === undefined ? '..' : path.relative(systemsFolder, real);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return real;
  return {
    problem: `it is reached through a symbolic link that leads out of ${SYSTEMS_DIRECTORY}/ (to '${escapeTerminalText(toRepoPath(realRoot, real))}'); fmt does not write through it`,
  };
}

function indentContinuation(text: string): string {
  return text.replace(/\n/g, '\n    ');
}
