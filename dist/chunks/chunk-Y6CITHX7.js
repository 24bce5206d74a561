import {
  SCHEMA_MODELINE,
  applyCanonicalStyle,
  renderDocument
} from "./chunk-GHDIG2VB.js";
import {
  isValidOrganisationNumber,
  placeholderDescription
} from "./chunk-J7OVXALX.js";
import {
  Document,
  isMap,
  isScalar
} from "./chunk-BLFSHPJ3.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/systems/system-skeleton.ts
var SAFE_NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
var MAX_ID_LENGTH = 255;
function resolveSystemIdentity(id, vendor) {
  const organisationNumber = vendor.replace(/^0192:/, "");
  if (!/^\d{9}$/.test(organisationNumber)) {
    return { problem: `--vendor must be a 9-digit organisation number (or 0192:<number>), got '${vendor}'` };
  }
  if (!isValidOrganisationNumber(organisationNumber)) {
    return {
      problem: `--vendor '${vendor}': ${organisationNumber} fails the MOD11 check digit; is there a typo?`
    };
  }
  const prefix = `${organisationNumber}_`;
  const otherOrganisation = /^(\d{9})_/.exec(id)?.[1];
  if (otherOrganisation !== void 0 && otherOrganisation !== organisationNumber) {
    return {
      problem: `the id '${id}' starts with organisation number ${otherOrganisation}, but --vendor is ${organisationNumber}; an id starts with its vendor's number: give '${prefix}${id.slice(10)}', or just the name '${id.slice(10)}'`
    };
  }
  const fullId = id.startsWith(prefix) ? id : `${prefix}${id}`;
  const name = fullId.slice(prefix.length);
  if (name === "") return { problem: `the id needs a name after '${prefix}'` };
  if (/[/\\]/.test(name) || name.includes("..") || !SAFE_NAME_PATTERN.test(name)) {
    return {
      problem: `'${fullId}' would not be a safe file name: after '${prefix}' use only letters, digits, '.', '_' and '-', and no '..'`
    };
  }
  if (fullId.length > MAX_ID_LENGTH) return { problem: `the id is longer than ${MAX_ID_LENGTH} characters` };
  return { id: fullId, organisationNumber };
}
var ENVIRONMENTS_EXAMPLE = [
  ` ${ENVIRONMENTS_KEY}: whole-field overrides for one environment (tt02, prod, \u2026). For example:`,
  ` ${ENVIRONMENTS_KEY}:`,
  "   prod:",
  "     clientId:",
  "       - <Maskinporten client id in prod>"
];
function renderSystemSkeleton(identity) {
  const name = identity.id.slice(identity.organisationNumber.length + 1);
  const spec = {
    id: identity.id,
    vendor: { ID: `0192:${identity.organisationNumber}` },
    name: { nb: name, nn: name, en: name },
    description: placeholderDescription(name),
    rights: [],
    accessPackages: [],
    clientId: [],
    allowedRedirectUrls: [],
    isVisible: true
  };
  const document = new Document(spec);
  applyCanonicalStyle(document);
  const map = document.contents;
  if (isMap(map)) {
    for (const pair of map.items) {
      const rule = FIELD_RULES.find((candidate) => isScalar(pair.key) && candidate.key === pair.key.value);
      if (rule && isScalar(pair.key)) pair.key.commentBefore = ` ${rule.description}`;
    }
  }
  const isDeleted = FIELD_RULES.find((rule) => rule.key === "isDeleted");
  document.commentBefore = SCHEMA_MODELINE;
  document.comment = [
    ...isDeleted ? [` isDeleted: ${isDeleted.description}`, " isDeleted: true", ""] : [],
    ...ENVIRONMENTS_EXAMPLE
  ].join("\n");
  return renderDocument(document);
}

export {
  resolveSystemIdentity,
  renderSystemSkeleton
};
