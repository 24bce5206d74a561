import {
  ACCESS_PACKAGE_URN_PATTERN,
  REQUIRED_LANGUAGES,
  RESOURCE_ATTRIBUTE_ID,
  SYSTEM_ID_CHARACTERS,
  SYSTEM_ID_MAX_LENGTH,
  VENDOR_PREFIX,
  describePull,
  environmentsOf,
  findInItems,
  findRepeats,
  indexCatalogue,
  locateSourcePath,
  resolveSpec
} from "./chunk-TWCSMN77.js";
import {
  DELEGABLE_RESOURCE_TYPES
} from "./chunk-2QRLR2CN.js";
import {
  isValidOrganisationNumber,
  nameFromId,
  placeholderDescription
} from "./chunk-J7OVXALX.js";
import {
  sortDiagnostics,
  suggestName
} from "./chunk-BLFSHPJ3.js";

// src/systems/rules-rights-packages.ts
var rightAttributeId = {
  ruleId: "right-attribute-id",
  altinnCode: "AUTH.VLD-00009",
  severity: "error",
  summary: `Each resource attribute of a right has id \`${RESOURCE_ATTRIBUTE_ID}\`, exactly.`,
  check(spec) {
    return findInAttributePairs(
      spec,
      "id",
      (pair) => pair.id === RESOURCE_ATTRIBUTE_ID ? void 0 : { message: `the attribute id must be \`${RESOURCE_ATTRIBUTE_ID}\`, not \`${pair.id}\`.` }
    );
  }
};
function computeRightKey(right) {
  return JSON.stringify([right.action ?? null, right.resource.map((pair) => [pair.id, pair.value])]);
}
var rightUnique = {
  ruleId: "right-unique",
  altinnCode: "AUTH.VLD-00006",
  severity: "error",
  summary: "No two rights have the same action and resource attributes.",
  check(spec) {
    return findRepeats(spec.rights, computeRightKey).map(({ index, first }) => ({
      path: ["rights", index],
      message: `rights[${index}] repeats rights[${first}].`
    }));
  }
};
function findInAttributePairs(spec, part, problem) {
  return spec.rights.flatMap(
    (right, rightIndex) => findInItems(right.resource, (pairIndex) => ["rights", rightIndex, "resource", pairIndex, part], problem)
  );
}
function findInResourceValues(spec, problem) {
  return findInAttributePairs(
    spec,
    "value",
    (pair) => pair.id === RESOURCE_ATTRIBUTE_ID ? problem(pair.value) : void 0
  );
}
var resourceKnown = {
  ruleId: "resource-known",
  altinnCode: "AUTH.VLD-00003",
  severity: "error",
  summary: "Each resource in rights exists in the environment's Resource Registry.",
  needsResources: true,
  readsCatalogue: true,
  check(spec, { catalogue, source }) {
    return findInResourceValues(spec, (value) => {
      if (catalogue.resources.has(value)) return void 0;
      const suggestion = suggestName(value, [...catalogue.resources.keys()]);
      const didYouMean = suggestion ? `; did you mean \`${suggestion}\`?` : ".";
      if (source.kind === "snapshot") {
        return {
          severity: "warning",
          message: `resource \`${value}\` is not in the ${source.environment} catalogue snapshot${didYouMean}`,
          hint: `Run ${describePull(source)} to look it up in the environment's Resource Registry.`
        };
      }
      return { message: `resource \`${value}\` is not in the Resource Registry${didYouMean}` };
    });
  }
};
var resourceTypeDelegable = {
  ruleId: "resource-type-delegable",
  altinnCode: "AUTH.VLD-00017",
  severity: "error",
  summary: `Each resource in rights has a type the register delegates (${DELEGABLE_RESOURCE_TYPES.join(", ")}).`,
  needsResources: true,
  readsCatalogue: true,
  check(spec, { catalogue }) {
    return findInResourceValues(spec, (value) => {
      const record = catalogue.resources.get(value);
      if (!record || DELEGABLE_RESOURCE_TYPES.includes(record.resourceType)) return void 0;
      return {
        message: `resource \`${value}\` is of type ${record.resourceType}, which a system cannot be delegated.`
      };
    });
  }
};
var accessPackageUrnFormat = {
  ruleId: "access-package-urn-format",
  altinnCode: "AUTH.VLD-00008",
  severity: "error",
  summary: "Each access package urn reads `urn:altinn:accesspackage:<name>`.",
  check(spec) {
    return findInAccessPackageUrns(
      spec,
      (urn) => ACCESS_PACKAGE_URN_PATTERN.test(urn) ? void 0 : { message: `\`${urn}\` is not an access package urn (\`urn:altinn:accesspackage:<name>\`).` }
    );
  }
};
var accessPackageKnown = {
  ruleId: "access-package-known",
  altinnCode: "AUTH.VLD-00008",
  severity: "error",
  readsCatalogue: true,
  summary: "Each access package is in the environment's catalogue (a pulled snapshot, or live); with neither, one the built-in list lacks is a warning.",
  check(spec, { catalogue, source }) {
    return findInAccessPackageUrns(spec, (urn) => {
      if (!ACCESS_PACKAGE_URN_PATTERN.test(urn) || catalogue.accessPackages.has(urn)) return void 0;
      const suggestion = suggestName(urn, [...catalogue.accessPackages.keys()]);
      const didYouMean = suggestion ? `; did you mean \`${suggestion}\`?` : ".";
      if (source.kind === "built-in") {
        return {
          severity: "warning",
          message: `access package \`${urn}\` is not in sysreg's built-in list, so it is not checked offline${didYouMean}`,
          hint: `Run ${describePull(source)} to check packages against the environment's own catalogue.`
        };
      }
      return source.kind === "snapshot" ? {
        message: `access package \`${urn}\` is not in the ${source.environment} catalogue${didYouMean}`,
        hint: `If it was added to Altinn since the snapshot, run ${describePull(source)}.`
      } : { message: `access package \`${urn}\` is not known${didYouMean}` };
    });
  }
};
var accessPackageDelegable = {
  ruleId: "access-package-delegable",
  altinnCode: "AUTH.VLD-00008",
  severity: "error",
  readsCatalogue: true,
  summary: "Each access package can be delegated or assigned.",
  check(spec, { catalogue }) {
    return findInAccessPackageUrns(spec, (urn) => {
      const record = catalogue.accessPackages.get(urn);
      if (!record || record.isDelegable || record.isAssignable) return void 0;
      return { message: `access package \`${urn}\` can be neither delegated nor assigned.` };
    });
  }
};
var accessPackageUnique = {
  ruleId: "access-package-unique",
  altinnCode: "AUTH.VLD-00007",
  severity: "error",
  summary: "No access package is listed twice.",
  check(spec) {
    return findRepeats(spec.accessPackages, (accessPackage) => accessPackage.urn).map(
      ({ item: accessPackage, index, first }) => ({
        path: ["accessPackages", index, "urn"],
        message: `\`${accessPackage.urn}\` repeats accessPackages[${first}].`
      })
    );
  }
};
var accessPackageVisibleNotAssignable = {
  ruleId: "access-package-visible-not-assignable",
  altinnCode: "AUTH.VLD-00018",
  severity: "error",
  readsCatalogue: true,
  summary: "A visible system has no non-assignable (client-relationship) access packages.",
  check(spec, { catalogue }) {
    if (!spec.isVisible) return [];
    return findInAccessPackageUrns(spec, (urn) => {
      const record = catalogue.accessPackages.get(urn);
      if (!record || record.isAssignable) return void 0;
      return {
        message: `\`${urn}\` is for client delegation and cannot be assigned, so the system must not be visible.`,
        hint: "Set `isVisible: false`."
      };
    });
  }
};
function findInAccessPackageUrns(spec, problem) {
  return findInItems(
    spec.accessPackages,
    (index) => ["accessPackages", index, "urn"],
    (item) => problem(item.urn)
  );
}

// src/systems/rules-repository.ts
var idUnique = {
  ruleId: "id-unique",
  altinnCode: "AUTH.VLD-00002",
  severity: "error",
  summary: "No two files declare the same id.",
  check(systems) {
    const findings = [];
    const firstFile = /* @__PURE__ */ new Map();
    for (const system of systems) {
      if (system.environment !== void 0) continue;
      const first = firstFile.get(system.spec.id);
      if (first === void 0) firstFile.set(system.spec.id, system.parsed.file);
      else if (first !== system.parsed.file)
        findings.push({
          system,
          path: ["id"],
          message: `id \`${system.spec.id}\` is also declared by ${first}.`
        });
    }
    return findings;
  }
};
var clientIdClaimedOnce = {
  ruleId: "client-id-claimed-once",
  altinnCode: "AUTH.VLD-00004",
  severity: "error",
  summary: "No client id is claimed by two systems in the same environment (deleted systems release theirs).",
  check(systems) {
    const findings = [];
    const environments = new Set(systems.map((system) => system.environment));
    const byFile = /* @__PURE__ */ new Map();
    for (const system of systems) {
      const views = byFile.get(system.parsed.file) ?? /* @__PURE__ */ new Map();
      views.set(system.environment, system);
      byFile.set(system.parsed.file, views);
    }
    for (const environment of environments) {
      const claimedBy = /* @__PURE__ */ new Map();
      for (const [file, views] of byFile) {
        const system = views.get(environment) ?? views.get(void 0);
        if (!system || system.spec.isDeleted) continue;
        system.spec.clientId.forEach((clientId, index) => {
          const first = claimedBy.get(clientId);
          if (first === void 0) claimedBy.set(clientId, file);
          else if (first !== file)
            findings.push({
              system,
              environment,
              path: ["clientId", index],
              message: `client id \`${clientId}\` is also claimed by ${first}.`,
              hint: "A Maskinporten client belongs to one system only."
            });
        });
      }
    }
    return findings;
  }
};

// src/systems/rules-texts-urls-clients.ts
var requiredLanguages = {
  ruleId: "required-languages",
  severity: "error",
  summary: "name and description each have non-empty nb, nn and en texts (the register requires all three).",
  check(spec) {
    const findings = [];
    for (const field of ["name", "description"]) {
      for (const language of REQUIRED_LANGUAGES) {
        const text = spec[field][language];
        if (text === void 0) {
          findings.push({ path: [field], message: `${field} has no \`${language}\` text.` });
        } else if (text.trim() === "") {
          findings.push({ path: [field, language], message: `${field}.${language} is empty.` });
        }
      }
    }
    return findings;
  }
};
var placeholderText = {
  ruleId: "placeholder-text",
  severity: "error",
  summary: 'The description is not the placeholder `sysreg new` writes to be replaced ("Describe \u2026 here.").',
  check(spec) {
    const placeholder = placeholderDescription(nameFromId(spec.id));
    return REQUIRED_LANGUAGES.filter((language) => spec.description[language] === placeholder[language]).map(
      (language) => ({
        path: ["description", language],
        message: `description.${language} is still the skeleton's placeholder, \`${placeholder[language]}\`.`,
        hint: "Say what the system does and what it needs access to: users read it when they approve it."
      })
    );
  }
};
var redirectUrlHttps = {
  ruleId: "redirect-url-https",
  altinnCode: "AUTH.VLD-00005",
  severity: "error",
  summary: "Each allowed redirect URL is an absolute https URL.",
  check(spec) {
    return findInItems(
      spec.allowedRedirectUrls,
      (index) => ["allowedRedirectUrls", index],
      (url) => {
        const parsed = URL.parse(url);
        if (parsed?.protocol === "https:" && parsed.hostname !== "") return void 0;
        return {
          message: `\`${url}\` is not an absolute https URL.`,
          hint: "Write it as https://host/path."
        };
      }
    );
  }
};
var redirectUrlUnique = {
  ruleId: "redirect-url-unique",
  severity: "error",
  summary: "No redirect URL is listed twice (compared as Altinn normalises them).",
  check(spec) {
    return findRepeats(spec.allowedRedirectUrls, (url) => URL.parse(url)?.href ?? url).map(
      ({ item: url, index, first }) => ({
        path: ["allowedRedirectUrls", index],
        message: `\`${url}\` repeats allowedRedirectUrls[${first}].`
      })
    );
  }
};
var clientIdUnique = {
  ruleId: "client-id-unique",
  altinnCode: "AUTH.VLD-00011",
  severity: "error",
  summary: "No client id is listed twice in one system (compared ignoring case, as Altinn does).",
  check(spec) {
    return findRepeats(spec.clientId, (clientId) => clientId.toLowerCase()).map(
      ({ item: clientId, index, first }) => ({
        path: ["clientId", index],
        message: `client id \`${clientId}\` repeats clientId[${first}].`
      })
    );
  }
};
var clientIdNotBlank = {
  ruleId: "client-id-not-blank",
  severity: "error",
  summary: "Client ids are not empty and have no surrounding whitespace (Altinn stores them as sent).",
  check(spec) {
    return findInItems(
      spec.clientId,
      (index) => ["clientId", index],
      (clientId) => {
        if (clientId !== "" && clientId.trim() === clientId) return void 0;
        return {
          message: clientId.trim() === "" ? "a client id is empty." : `client id \`${clientId}\` has surrounding whitespace.`
        };
      }
    );
  }
};

// src/systems/rules-vendor-id.ts
const path = globalThis.process.getBuiltinModule("node:path");
function extractOrganisationNumber(spec) {
  return spec.vendor.ID.startsWith(VENDOR_PREFIX) ? spec.vendor.ID.slice(VENDOR_PREFIX.length) : void 0;
}
var vendorOrgIdentifier = {
  ruleId: "vendor-org-identifier",
  altinnCode: "AUTH.VLD-00000",
  severity: "error",
  summary: "vendor.ID starts with `0192:` (the ISO 6523 code for Norwegian organisation numbers).",
  check(spec) {
    if (spec.vendor.ID.startsWith(VENDOR_PREFIX)) return [];
    return [
      {
        path: ["vendor", "ID"],
        message: `vendor.ID must be \`0192:\` followed by the organisation number, not \`${spec.vendor.ID}\`.`
      }
    ];
  }
};
var vendorOrgNumberFormat = {
  ruleId: "vendor-org-number-format",
  severity: "error",
  summary: "The organisation number in vendor.ID has exactly 9 digits.",
  check(spec) {
    const organisationNumber = extractOrganisationNumber(spec);
    if (organisationNumber === void 0 || /^\d{9}$/.test(organisationNumber)) return [];
    return [
      {
        path: ["vendor", "ID"],
        message: `the organisation number in vendor.ID must be 9 digits, not \`${organisationNumber}\`.`
      }
    ];
  }
};
var vendorOrgNumberChecksum = {
  ruleId: "vendor-org-number-checksum",
  severity: "error",
  summary: "The organisation number in vendor.ID has a valid MOD11 check digit (catches typos).",
  check(spec) {
    const organisationNumber = extractOrganisationNumber(spec);
    if (organisationNumber === void 0 || !/^\d{9}$/.test(organisationNumber)) return [];
    if (isValidOrganisationNumber(organisationNumber)) return [];
    return [
      {
        path: ["vendor", "ID"],
        message: `\`${organisationNumber}\` is not a valid organisation number: its check digit does not match.`,
        hint: "Check the number against the Br\xF8nn\xF8ysund Register Centre; a digit is probably mistyped."
      }
    ];
  }
};
var idVendorPrefix = {
  ruleId: "id-vendor-prefix",
  altinnCode: "AUTH.VLD-00001",
  severity: "error",
  summary: "id starts with the vendor's organisation number and `_`, followed by a name.",
  check(spec) {
    const organisationNumber = extractOrganisationNumber(spec);
    if (organisationNumber === void 0 || !isValidOrganisationNumber(organisationNumber)) return [];
    const prefix = `${organisationNumber}_`;
    if (spec.id.startsWith(prefix) && spec.id.length > prefix.length) return [];
    return [
      {
        path: ["id"],
        message: `id must be the vendor's organisation number, an underscore and a name (\`${prefix}\u2026\`), not \`${spec.id}\`.`
      }
    ];
  }
};
var idNoWhitespace = {
  ruleId: "id-no-whitespace",
  altinnCode: "AUTH.VLD-00013",
  severity: "error",
  summary: "id contains no spaces or other whitespace.",
  check(spec) {
    if (!/\s/.test(spec.id)) return [];
    return [{ path: ["id"], message: `id must not contain whitespace: \`${spec.id}\`.` }];
  }
};
var idCharset = {
  ruleId: "id-charset",
  severity: "error",
  summary: "id uses only letters A\u2013Z/a\u2013z, digits, `.`, `_` and `-` (it is part of URL paths).",
  check(spec) {
    const bad = [...new Set([...spec.id].filter((c) => !SYSTEM_ID_CHARACTERS.test(c) && !/\s/.test(c)))];
    if (bad.length === 0) return [];
    return [
      {
        path: ["id"],
        message: `id may only contain letters A\u2013Z, digits, \`.\`, \`_\` and \`-\`; found ${bad.map((c) => `\`${c}\``).join(", ")}.`,
        hint: "Other characters break the register URLs the id is used in."
      }
    ];
  }
};
var idLength = {
  ruleId: "id-length",
  severity: "error",
  summary: `id is at most ${SYSTEM_ID_MAX_LENGTH} characters (the register's column size).`,
  check(spec) {
    if (spec.id.length <= SYSTEM_ID_MAX_LENGTH) return [];
    return [
      {
        path: ["id"],
        message: `id is ${spec.id.length} characters long; the register allows at most ${SYSTEM_ID_MAX_LENGTH}.`
      }
    ];
  }
};
var idMatchesFileName = {
  ruleId: "id-matches-file-name",
  severity: "error",
  summary: "The file is named after the id: `systems/<id>.yaml`.",
  check(spec, { file }) {
    if (spec.id.length > SYSTEM_ID_MAX_LENGTH) return [];
    const stem = path.posix.basename(file).replace(/\.ya?ml$/i, "");
    if (stem === spec.id) return [];
    return [
      {
        path: ["id"],
        message: `the file name \`${path.posix.basename(file)}\` does not match id \`${spec.id}\`.`,
        hint: `Rename the file to \`${spec.id}.yaml\`.`
      }
    ];
  }
};

// src/systems/rules.ts
var SYSTEM_RULES = [
  vendorOrgIdentifier,
  vendorOrgNumberFormat,
  vendorOrgNumberChecksum,
  idVendorPrefix,
  idNoWhitespace,
  idCharset,
  idLength,
  idMatchesFileName,
  requiredLanguages,
  placeholderText,
  redirectUrlHttps,
  redirectUrlUnique,
  rightAttributeId,
  rightUnique,
  resourceKnown,
  resourceTypeDelegable,
  accessPackageUrnFormat,
  accessPackageKnown,
  accessPackageDelegable,
  accessPackageUnique,
  accessPackageVisibleNotAssignable,
  clientIdUnique,
  clientIdNotBlank
];
var REPOSITORY_RULES = [idUnique, clientIdClaimedOnce];

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
        if (rule.readsCatalogue && system.spec.isDeleted) continue;
        if (rule === accessPackageKnown && environment === void 0 && snapshots.size > 0) continue;
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
