import {
  wantsColor
} from "./chunk-EFA3IRPG.js";
import {
  validateSystems
} from "./chunk-NLQ3QRQQ.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-DYX2OOHH.js";
import {
  loadCatalogueSnapshots
} from "./chunk-HTATWITR.js";
import {
  loadSystemFiles
} from "./chunk-XTLGM2XZ.js";
import {
  discoverSystemFiles,
  sortDiagnostics
} from "./chunk-BLFSHPJ3.js";
import {
  hasErrors,
  renderDiagnosticsJson,
  renderDiagnosticsText
} from "./chunk-SJD3TTC4.js";
import {
  resolveFileArgument
} from "./chunk-BVG62MQ6.js";

// src/commands/shared/diagnostics-format.ts
var DIAGNOSTICS_FORMATS = ["text", "json", "github"];
function renderDiagnostics(format, report) {
  return format === "json" ? renderDiagnosticsJson(report) : renderDiagnosticsText(report);
}

// src/commands/shared/run-validation.ts
function offlineCatalogue(root) {
  return async (files) => ({
    files,
    catalogue: DEFAULT_CATALOGUE,
    catalogueSource: "built-in",
    checkResources: false,
    snapshots: loadCatalogueSnapshots(root)
  });
}
async function runValidation(context, options, source = offlineCatalogue(context.cwd)) {
  const github = options.report === void 0 && options.format !== "github" ? void 0 : await import("./report-validation-OS5IS7VH.js");
  const reportTarget = github?.parseReportTarget(options.report);
  const discovered = discoverSystemFiles(
    context.cwd,
    options.paths.map((given) => resolveFileArgument(context, given))
  );
  const loaded = loadSystemFiles(discovered.files);
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
  if (options.format === "github") {
    if (reportTarget !== "github") github?.printDiagnosticsAnnotations({ diagnostics, fileCount });
  } else {
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

export {
  DIAGNOSTICS_FORMATS,
  runValidation
};
