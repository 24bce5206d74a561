/**
 * The file-system edge for commands that rewrite or create system files: a temporary file beside the
 * target, then a rename, so a reader (or a crash) never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface WriteFileOptions {
  /** Refuse to replace an existing file (the check and the rename are not one step, so this is advisory). */
  exclusive?: boolean;
}

/** File systems allow 255 bytes per name; the stem leaves room for the pid, random part and `.tmp`. */
const MAX_NAME_STEM = 200;

export async function writeFileAtomically(
  target: string,
  text: string,
  options: WriteFileOptions = {},
): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (options.exclusive && existing) {
    throw Object.assign(new Error(`'${target}' already exists`), { code: 'EEXIST' });
  }
  // Named after the target, cut short so a name near the 255-byte limit still leaves room for the rest.
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, MAX_NAME_STEM)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await open(temporary, 'wx', existing ? existing.mode & 0o777 : 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
