// src/model/command.ts
const path = globalThis.process.getBuiltinModule("node:path");
var UsageError = class extends Error {
  exitCode;
  constructor(message, exitCode = 1) {
    super(message);
    this.name = "UsageError";
    this.exitCode = exitCode;
  }
};
function resolveFileArgument(context, given) {
  if (context.workingDirectory === void 0 || path.isAbsolute(given)) return given;
  const relative = path.relative(context.cwd, path.resolve(context.workingDirectory, given));
  return relative === "" ? "." : relative.split(path.sep).join("/");
}

export {
  UsageError,
  resolveFileArgument
};
