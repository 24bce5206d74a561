import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  describeUnsafeFileName,
  resolveSystemsFolder
} from "./chunk-XHTUKUZC.js";
import "./chunk-ZE2ZZQNO.js";
import {
  renderSystemSkeleton,
  resolveSystemIdentity
} from "./chunk-O66TG4C5.js";
import "./chunk-SDPSUG5G.js";
import "./chunk-AFTL4S32.js";
import {
  writeFileAtomically
} from "./chunk-3ILH4DJ4.js";
import {
  describeFileError
} from "./chunk-RG4TCREV.js";
import "./chunk-SC5P5PEX.js";
import "./chunk-R3FZRAIC.js";
import "./chunk-KOQTTC3B.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-MZAI5OD6.js";
import "./chunk-LIZD3WMD.js";
import {
  SYSTEMS_DIRECTORY,
  toRepoPath
} from "./chunk-JL2D3Q3I.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/new.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";
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
