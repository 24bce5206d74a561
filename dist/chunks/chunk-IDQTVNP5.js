import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);

// src/model/system.ts
function copyRight(right) {
  const resource = (right.resource ?? []).map((pair) => ({ id: pair.id, value: pair.value }));
  return right.action === void 0 || right.action === null ? { resource } : { action: right.action, resource };
}

// src/model/wire.ts
function copyRequestFields(source) {
  return {
    id: source.id,
    vendor: { ID: source.vendor.ID },
    name: { ...source.name },
    description: { ...source.description },
    rights: (source.rights ?? []).map(copyRight),
    accessPackages: (source.accessPackages ?? []).map((item) => ({ urn: item.urn })),
    clientId: [...source.clientId ?? []],
    allowedRedirectUrls: [...source.allowedRedirectUrls ?? []],
    isVisible: source.isVisible ?? true
  };
}
var ACCESS_PACKAGE_EXPORT_PATH = "/accessmanagement/api/v1/meta/info/accesspackages/export";
var SYSTEM_USERS_BY_SYSTEM_PATH = "/authentication/api/v1/systemuser/vendor/bysystem";
var DELEGABLE_RESOURCE_TYPES = [
  "Default",
  "Systemresource",
  "AltinnApp",
  "GenericAccessResource",
  "BrokerService",
  "CorrespondenceService",
  "MigratedApp"
];
var SYSTEM_REGISTER_PATH = "/authentication/api/v1/systemregister";
var SCOPE_WRITE = "altinn:authentication/systemregister.write";
var SCOPE_ADMIN = "altinn:authentication/systemregister.admin";
var SCOPE_PORTAL = "altinn:portal/enduser";

export {
  copyRight,
  copyRequestFields,
  ACCESS_PACKAGE_EXPORT_PATH,
  SYSTEM_USERS_BY_SYSTEM_PATH,
  DELEGABLE_RESOURCE_TYPES,
  SYSTEM_REGISTER_PATH,
  SCOPE_WRITE,
  SCOPE_ADMIN,
  SCOPE_PORTAL
};
