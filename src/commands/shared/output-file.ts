/**
 * `--out FILE`: a report written beside what is printed. The folder is made when missing; a file
 * that cannot be written is the user's to fix, so it is a UsageError naming the file, not a crash.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type CommandContext } from '../../model/command.ts';

/** Writes `text` to `file` (relative to the repository root); returns the absolute path. */
export async function writeOutputFile(
  context: Pick<CommandContext, 'cwd'>,
  file: string,
  text: string,
): Promise<string> {
  const target = path.resolve(context.cwd, file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (error) {
    const reason = (error as { code?: unknown }).code ?? (error as Error).message;
    throw new UsageError(`cannot write --out ${file}: ${String(reason)}`);
  }
  return target;
}
