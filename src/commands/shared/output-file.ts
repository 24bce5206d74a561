/**
 * `--out FILE`: a report written beside what is printed, atomically (a reader of a reviewed plan never
 * sees half of one). The folder is made when missing; a file that cannot be written is the user's to
 * fix, so it is a UsageError naming the file, not a crash.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, resolveFileArgument, type CommandContext } from '../../model/command.ts';
import { writeFileAtomically } from '../../model/write-file-atomically.ts';

/** Writes `text` to `file` (relative to where the command was started); returns the absolute path. */
export async function writeOutputFile(
  context: Pick<CommandContext, 'cwd' | 'workingDirectory'>,
  file: string,
  text: string,
): Promise<string> {
  const target = path.resolve(context.cwd, resolveFileArgument(context, file));
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomically(target, text);
  } catch (error) {
    const reason = (error as { code?: unknown }).code ?? (error as Error).message;
    throw new UsageError(`cannot write --out ${file}: ${String(reason)}`);
  }
  return target;
}
