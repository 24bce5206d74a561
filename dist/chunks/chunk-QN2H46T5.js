import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  wantsColor
} from "./chunk-FTFKRZ4A.js";
import {
  validateSystems
} from "./chunk-UU56D22B.js";
import {
  loadCatalogueSnapshots
} from "./chunk-KGULHHCH.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-G7IWAAZC.js";
import {
  loadSystemFiles
} from "./chunk-MAKOQR3N.js";
import {
  discoverSystemFiles,
  sortDiagnostics
} from "./chunk-LJMKBTNR.js";
import {
  parseArguments
} from "./chunk-ES5KJZ65.js";
import {
  renderDiagnosticsGithub
} from "./chunk-RDKWUYD7.js";
import {
  hasErrors,
  renderDiagnosticsJson,
  renderDiagnosticsText
} from "./chunk-P2GHN5B7.js";
import {
  UsageError,
  resolveFileArgument
} from "./chunk-DFEVOAXM.js";

// src/commands/shared/diagnostics-format.ts
var DIAGNOSTICS_FORMATS = ["text", "json", "github"];
function renderDiagnostics(format, report) {
  switch (format) {
    case "text":
      return renderDiagnosticsText(report);
    case "json":
      return renderDiagnosticsJson(report);
    case "github":
      return renderDiagnosticsGithub(report);
  }
}

// src/commands/validate.ts
var VALIDATE_USAGE = `Usage: sysreg validate [paths…] [--format text|json|github] [--env NAME]
                       [--report github]

Checks system files offline: YAML syntax, the schema, and the register's rules (AUTH.VLD codes),
in the base and in every environment a file names.

With --env, online: the files as that environment sees them (the base with that environment's
overrides; other environments' overrides are left to their own run) are checked by the same rules
against the resources and access packages that environment's Altinn has, so a resource that does
not exist or cannot be delegated (AUTH.VLD-00003, 00017) and an unknown or undelegable access
package (00008) are found before apply. Needs the MASKINPORTEN_* variables like plan.

Arguments:
  paths…              Files or folders to check (default: every *.yaml and *.yml under systems/).

Options:
  --format <fmt>      text (default), json, or github (workflow annotations).
  --env <name>        Check online against this environment: tt02, prod, local, or one from
                      sysreg.config.yaml.
  --altinn-url <url>  Base URL of the local Altinn for --env local (default: $SYSREG_ALTINN_URL
                      or http://127.0.0.1:5101).
  --report github     Also report to GitHub from an Actions job: annotations, job summary, outputs
                      (with --format github too, each annotation is printed once).
  -h, --help          Show this help.

Exit status: 0 when valid (warnings allowed), 1 when any error is found, or when --env cannot
reach that environment's Altinn.
`;
function offlineCatalogue(root) {
  return async (files) => ({
    files,
    catalogue: DEFAULT_CATALOGUE,
    catalogueSource: "built-in",
    checkResources: false,
    snapshots: await loadCatalogueSnapshots(root)
  });
}
function parseValidateArguments(argv) {
  const parsed = parseArguments(
    argv,
    {
      format: { type: "string", default: "text" },
      env: { type: "string" },
      "altinn-url": { type: "string" },
      report: { type: "string" }
    },
    VALIDATE_USAGE
  );
  const format = parsed.values.format;
  if (!DIAGNOSTICS_FORMATS.includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${DIAGNOSTICS_FORMATS.join(", ")}.`);
  }
  const environment = parsed.values.env;
  if (environment !== void 0 && environment.trim() === "") {
    throw new UsageError(`--env needs an environment name.

${VALIDATE_USAGE}`);
  }
  return {
    paths: parsed.positionals,
    format,
    environment,
    altinnUrl: parsed.values["altinn-url"],
    report: parsed.values.report
  };
}
async function runValidation(context, options, source = offlineCatalogue(context.cwd)) {
  const github = options.report === void 0 ? void 0 : await import("./report-validation-QLYZOL52.js");
  const reportTarget = github?.parseReportTarget(options.report);
  const discovered = await discoverSystemFiles(
    context.cwd,
    options.paths.map((given) => resolveFileArgument(context, given))
  );
  const loaded = await loadSystemFiles(discovered.files);
  const { files, catalogue, catalogueSource, checkResources, snapshots } = await source(loaded);
  const diagnostics = sortDiagnostics([
    ...discovered.diagnostics,
    ...snapshots?.diagnostics ?? [],
    ...validateSystems(files, {
      catalogue,
      catalogueSource,
      checkResources,
      ...snapshots ? { snapshots: snapshots.snapshots } : {}
    })
  ]);
  const sources = new Map(files.map((file) => [file.file, file.text]));
  const fileCount = discovered.files.length + discovered.diagnostics.length;
  if (!(reportTarget === "github" && options.format === "github")) {
    const log = github && options.format === "text" ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(
      renderDiagnostics(options.format, { diagnostics, fileCount, sources, color: wantsColor(context) })
    );
  }
  if (github && reportTarget === "github") {
    await github.reportValidationToGitHub(context, { diagnostics, fileCount });
  }
  return hasErrors(diagnostics) ? 1 : 0;
}
var command = {
  name: "validate",
  summary: "Check system files against the register rules (offline, or online with --env).",
  usage: VALIDATE_USAGE,
  async run(context) {
    const parsed = parseValidateArguments(context.argv);
    if (parsed.environment !== void 0) {
      throw new UsageError("--env is handled by the online check; run it through the sysreg CLI.");
    }
    return runValidation(context, parsed);
  }
};

export {
  VALIDATE_USAGE,
  parseValidateArguments,
  runValidation,
  command
};
