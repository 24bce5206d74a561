import {
  compareStrings
} from "./chunk-BLFSHPJ3.js";

// src/catalogue/snapshot.ts
const { readdirSync, readFileSync } = globalThis.process.getBuiltinModule("node:fs");
const path = globalThis.process.getBuiltinModule("node:path");
var SNAPSHOT_DIRECTORY = ".sysreg";
var SNAPSHOT_FORMAT = "sysreg-catalogue/1";
var SNAPSHOT_RULE_ID = "catalogue-snapshot";
var SNAPSHOT_FILE = /^catalogue-([a-z][a-z0-9-]*)\.json$/;
function snapshotPath(environment) {
  return `${SNAPSHOT_DIRECTORY}/catalogue-${environment}.json`;
}
function renderCatalogueSnapshot(environment, catalogue) {
  const accessPackages = [...catalogue.accessPackages].sort((a, b) => compareStrings(a.urn, b.urn)).map((p) => ({ urn: p.urn, isDelegable: p.isDelegable, isAssignable: p.isAssignable }));
  const resources = [...catalogue.resources].sort((a, b) => compareStrings(a.identifier, b.identifier)).map((r) => ({ identifier: r.identifier, resourceType: r.resourceType }));
  return `${JSON.stringify({ format: SNAPSHOT_FORMAT, environment, accessPackages, resources }, null, 2)}
`;
}
var SnapshotError = class extends Error {
  file;
  line;
  constructor(file, line, message) {
    super(message);
    this.file = file;
    this.line = line;
  }
};
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function parseCatalogueSnapshot(file, text, environment) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error.message)?.[1];
    const line = position === void 0 ? 1 : text.slice(0, Number(position)).split("\n").length;
    throw new SnapshotError(file, line, `not valid JSON (${error.message}).`);
  }
  const fail = (message) => {
    throw new SnapshotError(file, 1, message);
  };
  if (!isObject(parsed) || parsed.format !== SNAPSHOT_FORMAT) fail(`not a ${SNAPSHOT_FORMAT} snapshot.`);
  const snapshot = parsed;
  if (snapshot.environment !== environment) {
    fail(`holds environment \`${String(snapshot.environment)}\`, but its name says \`${environment}\`.`);
  }
  const { accessPackages, resources } = snapshot;
  const validPackage = (p) => isObject(p) && typeof p.urn === "string" && typeof p.isDelegable === "boolean" && typeof p.isAssignable === "boolean";
  const validResource = (r) => isObject(r) && typeof r.identifier === "string" && typeof r.resourceType === "string";
  if (!Array.isArray(accessPackages) || !accessPackages.every(validPackage)) {
    fail("accessPackages must be a list of {urn, isDelegable, isAssignable}.");
  }
  if (!Array.isArray(resources) || !resources.every(validResource)) {
    fail("resources must be a list of {identifier, resourceType}.");
  }
  return {
    accessPackages,
    resources
  };
}
function loadCatalogueSnapshots(root) {
  const folder = path.join(root, SNAPSHOT_DIRECTORY);
  const snapshots = /* @__PURE__ */ new Map();
  const diagnostics = [];
  let names;
  try {
    names = readdirSync(folder);
  } catch (error) {
    if (error.code === "ENOENT") return { snapshots, diagnostics };
    throw error;
  }
  for (const name of names.sort(compareStrings)) {
    const environment = SNAPSHOT_FILE.exec(name)?.[1];
    if (environment === void 0) continue;
    const file = snapshotPath(environment);
    try {
      snapshots.set(
        environment,
        parseCatalogueSnapshot(file, readFileSync(path.join(folder, name), "utf8"), environment)
      );
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      diagnostics.push({
        file: error.file,
        line: error.line,
        column: 1,
        ruleId: SNAPSHOT_RULE_ID,
        severity: "error",
        message: `the catalogue snapshot is ${error.message}`,
        hint: `Run \`sysreg catalogue pull --env ${environment}\` to write it again.`
      });
    }
  }
  return { snapshots, diagnostics };
}
function compareCatalogues(before, after) {
  const key = (catalogue) => new Map([
    ...catalogue.accessPackages.map((p) => [p.urn, `${p.isDelegable}/${p.isAssignable}`]),
    ...catalogue.resources.map((r) => [`resource ${r.identifier}`, r.resourceType])
  ]);
  const old = key(before);
  const next = key(after);
  const sorted = (items) => items.sort(compareStrings);
  return {
    added: sorted([...next.keys()].filter((k) => !old.has(k))),
    removed: sorted([...old.keys()].filter((k) => !next.has(k))),
    changed: sorted([...next.keys()].filter((k) => old.has(k) && old.get(k) !== next.get(k)))
  };
}

export {
  snapshotPath,
  renderCatalogueSnapshot,
  SnapshotError,
  parseCatalogueSnapshot,
  loadCatalogueSnapshots,
  compareCatalogues
};
