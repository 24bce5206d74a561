/** A file-system error as a short phrase for a user (`permission denied`), never a stack trace. */
export function describeFileError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const known: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      ENOENT: 'no such file or folder',
      ENOTDIR: 'a part of the path is not a folder',
      EISDIR: 'is a folder',
      EROFS: 'read-only file system',
      EEXIST: 'already exists',
      ENOSPC: 'no space left on the device',
    };
    return known[error.code] ?? error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
