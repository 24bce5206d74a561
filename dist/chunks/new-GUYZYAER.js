import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  describeUnsafeFileName,
  resolveSystemsFolder
} from "./chunk-LTCIF2EK.js";
import {
  renderSystemSkeleton,
  resolveSystemIdentity
} from "./chunk-5RZLMVLU.js";
import {
  describeFileError
} from "./chunk-GIUDHLZ7.js";
import {
  writeFileAtomically
} from "./chunk-HFONU46N.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-MAKOQR3N.js";
import {
  SYSTEMS_DIRECTORY,
  toRepoPath
} from "./chunk-LJMKBTNR.js";
import {
  parseArguments
} from "./chunk-ES5KJZ65.js";
import "./chunk-LPPGVJBP.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/new.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";
var USAGE = `Usage: sysreg new <id> --vendor <org> [--dir systems]

Writes <dir>/<id>.yaml with a comment above each field saying what it is. 'sysreg validate' refuses
it until the placeholder description is replaced (rule placeholder-text). Fill in the name,
description and what the system needs, then open a PR.

Arguments:
  <id>            The system id, '<org>_<name>', or just '<name>' (the '<org>_' prefix is added).
                  The name may use letters, digits, '.', '_' and '-'.
Options:
  --vendor <org>  The vendor's 9-digit organisation number (or 0192:<number>).
  --dir <folder>  Where system files live (default: systems).

Exit status: 0 when the file was written; 1 on a bad id or vendor, or when the file already exists
(it is never replaced) or cannot be written.
`;
var command = {
  name: "new",
  summary: "Write a commented skeleton for a new system.",
  usage: USAGE,
  async run({ argv, stdout, cwd }) {
    const parsed = parseArguments(argv, { vendor: { type: "string" }, dir: { type: "string" } }, USAGE);
    const [id, ...extra] = parsed.positionals;
    if (id === void 0 || extra.length > 0) throw new UsageError(`give exactly one system id

${USAGE}`);
    if (parsed.values.vendor === void 0) throw new UsageError(`--vendor is required

${USAGE}`);
    const identity = resolveSystemIdentity(id, parsed.values.vendor);
    if ("problem" in identity) throw new UsageError(identity.problem);
    const unsafe = describeUnsafeFileName(identity.id);
    if (unsafe) throw new UsageError(`'${identity.id}' cannot be a file name: ${unsafe}.`);
    const directory = await resolveSystemsFolder(cwd, parsed.values.dir ?? SYSTEMS_DIRECTORY);
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
