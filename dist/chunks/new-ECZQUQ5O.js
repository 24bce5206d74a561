import {
  describeUnsafeFileName,
  resolveSystemsFolder
} from "./chunk-WOGTZCVF.js";
import {
  renderSystemSkeleton,
  resolveSystemIdentity
} from "./chunk-Y6CITHX7.js";
import "./chunk-GHDIG2VB.js";
import {
  writeFileAtomically
} from "./chunk-JQXKIT2I.js";
import {
  describeFileError
} from "./chunk-B7AQ6FAF.js";
import "./chunk-J7OVXALX.js";
import "./chunk-XTLGM2XZ.js";
import {
  SYSTEMS_DIRECTORY,
  toRepoPath
} from "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/new.ts
const { mkdir } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");
var command = {
  name: "new",
  declare(commandLine) {
    commandLine.usage("<id> --vendor <org> [--dir systems]").description(
      `Writes <dir>/<id>.yaml with a comment above each field saying what it is. 'sysreg validate' refuses
it until the placeholder description is replaced (rule placeholder-text). Fill in the name,
description and what the system needs, then open a PR.`
    ).argument(
      "[id]",
      "The system id, '<org>_<name>', or just '<name>' (the '<org>_' prefix is added). The name may use letters, digits, '.', '_' and '-'."
    ).allowExcessArguments().requiredOption("--vendor <org>", "The vendor's 9-digit organisation number (or 0192:<number>).").option("--dir <folder>", "Where system files live.", SYSTEMS_DIRECTORY).addHelpText(
      "after",
      `
Exit status: 0 when the file was written; 1 on a bad id or vendor, or when the file already exists
(it is never replaced) or cannot be written.`
    );
  },
  async run({ stdout, cwd }, { options, operands }) {
    const [id, ...extra] = operands;
    if (id === void 0 || extra.length > 0) throw new UsageError("give exactly one system id.");
    const identity = resolveSystemIdentity(id, options.vendor);
    if ("problem" in identity) throw new UsageError(identity.problem);
    const unsafe = describeUnsafeFileName(identity.id);
    if (unsafe) throw new UsageError(`'${identity.id}' cannot be a file name: ${unsafe}.`);
    const directory = await resolveSystemsFolder(cwd, options.dir);
    const target = path.join(cwd, directory, `${identity.id}.yaml`);
    const shown = toRepoPath(cwd, target);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomically(target, renderSystemSkeleton(identity), { exclusive: true });
    } catch (error) {
      const reason = describeFileError(error);
      if (reason === "already exists") {
        throw new UsageError(`'${shown}' already exists; 'sysreg new' never replaces a file`);
      }
      throw new UsageError(`cannot write '${shown}': ${reason}`);
    }
    stdout.write(
      `created ${shown}
Fill in name, description and what the system needs, then run 'sysreg validate'.
`
    );
    return 0;
  }
};
export {
  command
};
