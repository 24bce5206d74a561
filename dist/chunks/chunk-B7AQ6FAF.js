// src/model/describe-file-error.ts
function describeFileError(error) {
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    const known = {
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      ENOENT: "no such file or folder",
      ENOTDIR: "a part of the path is not a folder",
      EISDIR: "is a folder",
      EROFS: "read-only file system",
      EEXIST: "already exists",
      ENOSPC: "no space left on the device"
    };
    return known[error.code] ?? error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

export {
  describeFileError
};
