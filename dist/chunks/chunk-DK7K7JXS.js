import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  ACCESS_PACKAGE_KNOWN,
  REPOSITORY_RULES,
  SYSTEM_RULES,
  environmentsOf,
  indexCatalogue,
  locateSourcePath,
  resolveSpec
} from "./chunk-NNSO6N7S.js";
import {
  sortDiagnostics
} from "./chunk-HXE227S6.js";

// src/systems/validate.ts
function validateSystems(files, options) {
  const fallback = {
    index: indexCatalogue(options.catalogue),
    source: { kind: options.catalogueSource ?? "built-in" },
    checkResources: options.checkResources === true
  };
  const snapshots = new Map(
    [...options.snapshots ?? []].map(([environment, catalogue]) => [
      environment,
      { index: indexCatalogue(catalogue), source: { kind: "snapshot", environment }, checkResources: true }
    ])
  );
  const diagnostics = files.flatMap((file) => file.diagnostics);
  const resolved = [];
  for (const file of files) {
    const document = file.document ?? file.draft;
    if (!document) continue;
    const parsed = { ...file, document };
    const environments = /* @__PURE__ */ new Set([...environmentsOf(parsed.document), ...snapshots.keys()]);
    for (const environment of [void 0, ...[...environments].sort()]) {
      const system = { parsed, environment, spec: resolveSpec(parsed.document, environment) };
      resolved.push(system);
      const view = (environment === void 0 ? void 0 : snapshots.get(environment)) ?? fallback;
      const context = { file: parsed.file, catalogue: view.index, source: view.source };
      for (const rule of SYSTEM_RULES) {
        if (rule.needsResources && !view.checkResources) continue;
        if (rule === ACCESS_PACKAGE_KNOWN && environment === void 0 && snapshots.size > 0) continue;
        for (const finding of rule.check(system.spec, context)) {
          diagnostics.push(
            toDiagnostic(
              rule,
              system,
              finding.path,
              finding.message,
              finding.hint,
              environment,
              finding.severity
            )
          );
        }
      }
    }
  }
  for (const rule of REPOSITORY_RULES) {
    for (const finding of rule.check(resolved)) {
      const environment = finding.environment ?? finding.system.environment;
      diagnostics.push(
        toDiagnostic(rule, finding.system, finding.path, finding.message, finding.hint, environment)
      );
    }
  }
  return sortDiagnostics(mergeAcrossEnvironments(diagnostics));
}
function toDiagnostic(rule, system, specPath, message, hint, environment, severity = rule.severity) {
  const span = system.parsed.positionOf(
    locateSourcePath(system.parsed.document, system.environment, specPath)
  );
  return {
    ...span,
    ruleId: rule.ruleId,
    ...rule.altinnCode ? { altinnCode: rule.altinnCode } : {},
    severity,
    message,
    ...hint ? { hint } : {},
    ...environment !== void 0 ? { environment } : {}
  };
}
function mergeAcrossEnvironments(diagnostics) {
  const groups = /* @__PURE__ */ new Map();
  for (const diagnostic of diagnostics) {
    const key = [
      diagnostic.file,
      diagnostic.line,
      diagnostic.column,
      diagnostic.ruleId,
      diagnostic.message
    ].join("\0");
    const group = groups.get(key) ?? { diagnostic, environments: /* @__PURE__ */ new Set(), inBase: false };
    if (diagnostic.environment === void 0) group.inBase = true;
    else group.environments.add(diagnostic.environment);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ diagnostic, environments, inBase }) => {
    const { environment: _environment, ...rest } = diagnostic;
    return inBase ? rest : { ...rest, environment: [...environments].sort().join(", ") };
  });
}

export {
  validateSystems
};
