// src/model/wire.ts
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
  ACCESS_PACKAGE_EXPORT_PATH,
  SYSTEM_USERS_BY_SYSTEM_PATH,
  DELEGABLE_RESOURCE_TYPES,
  SYSTEM_REGISTER_PATH,
  SCOPE_WRITE,
  SCOPE_ADMIN,
  SCOPE_PORTAL
};
