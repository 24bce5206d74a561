import {
  YAML_TO_JS_OPTIONS,
  createLocator,
  diagnoseSchemaErrors,
  diagnoseYamlErrors,
  findFirstAliasSpan,
  isScalar,
  locateYamlError,
  parseYaml,
  sortDiagnostics,
  stripFile
} from "./chunk-BLFSHPJ3.js";
import {
  CANONICAL_FIELD_BY_ALIAS,
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/systems/load.ts
const { closeSync, constants, fstatSync, openSync, readSync } = globalThis.process.getBuiltinModule("node:fs");

// src/systems/schema-validator.ts
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Altinn system (sysreg)", "description": "One system in Altinn's system register, as `systems/<id>.yaml`. Generated from src/model/fields.ts; do not edit.", "type": "object", "required": ["id", "vendor", "name", "description"], "properties": { "id": { "type": "string", "examples": ["912345678_my_system"], "description": "The system id: the vendor's organisation number, an underscore, then a name. Equals the file name. Never reusable once deleted." }, "vendor": { "$ref": "#/definitions/vendor", "description": 'The vendor, as `{ ID: "0192:<organisation number>" }`.' }, "name": { "$ref": "#/definitions/languageMap", "description": "Display name shown to customers, in nb, nn and en." }, "description": { "$ref": "#/definitions/languageMap", "description": "Description shown to customers, in nb, nn and en." }, "rights": { "type": "array", "items": { "$ref": "#/definitions/right" }, "description": "Resources the system needs delegated: `{ action?, resource: [{ id: urn:altinn:resource, value: <resource id> }] }`.", "default": [] }, "accessPackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Access packages the system needs: `{ urn: urn:altinn:accesspackage:<name> }`.", "default": [] }, "clientId": { "type": "array", "items": { "type": "string" }, "description": "Maskinporten client ids of the system. Each belongs to one active system across all vendors.", "default": [] }, "allowedRedirectUrls": { "type": "array", "items": { "type": "string" }, "description": "Absolute https URLs a system-user request may redirect to.", "default": [] }, "isVisible": { "type": "boolean", "description": "Whether customers can find the system in Altinn. Altinn defaults it to true, also on update.", "default": true }, "isDeleted": { "type": "boolean", "description": "The system must not exist: deleted where live (final: Altinn burns the id), never created elsewhere. Under environments.<env>: there only. Keep the file.", "default": false }, "Id": { "type": "string", "examples": ["912345678_my_system"], "description": "Accepted spelling of `id`; write `id`.", "deprecated": true, "deprecationMessage": "Write `id`." }, "ID": { "type": "string", "examples": ["912345678_my_system"], "description": "Accepted spelling of `id`; write `id`.", "deprecated": true, "deprecationMessage": "Write `id`." }, "Vendor": { "$ref": "#/definitions/vendor", "description": "Accepted spelling of `vendor`; write `vendor`.", "deprecated": true, "deprecationMessage": "Write `vendor`." }, "Name": { "$ref": "#/definitions/languageMap", "description": "Accepted spelling of `name`; write `name`.", "deprecated": true, "deprecationMessage": "Write `name`." }, "Description": { "$ref": "#/definitions/languageMap", "description": "Accepted spelling of `description`; write `description`.", "deprecated": true, "deprecationMessage": "Write `description`." }, "Rights": { "type": "array", "items": { "$ref": "#/definitions/right" }, "description": "Accepted spelling of `rights`; write `rights`.", "deprecated": true, "deprecationMessage": "Write `rights`." }, "accesspackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Accepted spelling of `accessPackages`; write `accessPackages`.", "deprecated": true, "deprecationMessage": "Write `accessPackages`." }, "AccessPackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Accepted spelling of `accessPackages`; write `accessPackages`.", "deprecated": true, "deprecationMessage": "Write `accessPackages`." }, "clientid": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `clientId`; write `clientId`.", "deprecated": true, "deprecationMessage": "Write `clientId`." }, "ClientId": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `clientId`; write `clientId`.", "deprecated": true, "deprecationMessage": "Write `clientId`." }, "allowedredirecturls": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `allowedRedirectUrls`; write `allowedRedirectUrls`.", "deprecated": true, "deprecationMessage": "Write `allowedRedirectUrls`." }, "AllowedRedirectUrls": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `allowedRedirectUrls`; write `allowedRedirectUrls`.", "deprecated": true, "deprecationMessage": "Write `allowedRedirectUrls`." }, "isvisible": { "type": "boolean", "description": "Accepted spelling of `isVisible`; write `isVisible`.", "deprecated": true, "deprecationMessage": "Write `isVisible`." }, "IsVisible": { "type": "boolean", "description": "Accepted spelling of `isVisible`; write `isVisible`.", "deprecated": true, "deprecationMessage": "Write `isVisible`." }, "isdeleted": { "type": "boolean", "description": "Accepted spelling of `isDeleted`; write `isDeleted`.", "deprecated": true, "deprecationMessage": "Write `isDeleted`." }, "IsDeleted": { "type": "boolean", "description": "Accepted spelling of `isDeleted`; write `isDeleted`.", "deprecated": true, "deprecationMessage": "Write `isDeleted`." }, "environments": { "type": "object", "description": "Per-environment overrides (e.g. tt02, prod). Each field given replaces the whole field in that environment.", "propertyNames": { "pattern": "^[a-z][a-z0-9-]{0,39}$" }, "additionalProperties": { "$ref": "#/definitions/environmentOverrides" }, "default": {} } }, "additionalProperties": false, "definitions": { "vendor": { "type": "object", "description": "The vendor organisation.", "required": ["ID"], "properties": { "ID": { "type": "string", "description": "`0192:` followed by the 9-digit organisation number.", "examples": ["0192:912345678"] }, "authority": { "type": "string", "description": "Ignored by Altinn (Altinn's docs show `iso6523-actorid-upis`); accepted so examples paste in." } }, "additionalProperties": false }, "languageMap": { "type": "object", "description": "Text per language code. The register requires nb, nn and en; other languages are stored too.", "properties": { "nb": { "type": "string", "description": "Norwegian Bokm\xE5l." }, "nn": { "type": "string", "description": "Norwegian Nynorsk." }, "en": { "type": "string", "description": "English." } }, "additionalProperties": { "type": "string" } }, "right": { "type": "object", "description": "A resource the system needs delegated.", "required": ["resource"], "properties": { "action": { "type": "string", "description": "Optional action; part of what makes two rights duplicates." }, "resource": { "type": "array", "items": { "$ref": "#/definitions/attributePair" } } }, "additionalProperties": false }, "attributePair": { "type": "object", "required": ["id", "value"], "properties": { "id": { "type": "string", "description": "Always `urn:altinn:resource`.", "examples": ["urn:altinn:resource"] }, "value": { "type": "string", "description": "The resource id in the Resource Registry of the environment." } }, "additionalProperties": false }, "accessPackage": { "type": "object", "required": ["urn"], "properties": { "urn": { "type": "string", "description": "urn:altinn:accesspackage:<name>", "examples": ["urn:altinn:accesspackage:skattegrunnlag"] } }, "additionalProperties": false }, "environmentOverrides": { "type": "object", "description": "Fields that replace the base values in one environment.", "properties": { "name": { "$ref": "#/definitions/languageMap", "description": "Display name shown to customers, in nb, nn and en." }, "description": { "$ref": "#/definitions/languageMap", "description": "Description shown to customers, in nb, nn and en." }, "rights": { "type": "array", "items": { "$ref": "#/definitions/right" }, "description": "Resources the system needs delegated: `{ action?, resource: [{ id: urn:altinn:resource, value: <resource id> }] }`.", "default": [] }, "accessPackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Access packages the system needs: `{ urn: urn:altinn:accesspackage:<name> }`.", "default": [] }, "clientId": { "type": "array", "items": { "type": "string" }, "description": "Maskinporten client ids of the system. Each belongs to one active system across all vendors.", "default": [] }, "allowedRedirectUrls": { "type": "array", "items": { "type": "string" }, "description": "Absolute https URLs a system-user request may redirect to.", "default": [] }, "isVisible": { "type": "boolean", "description": "Whether customers can find the system in Altinn. Altinn defaults it to true, also on update.", "default": true }, "isDeleted": { "type": "boolean", "description": "The system must not exist: deleted where live (final: Altinn burns the id), never created elsewhere. Under environments.<env>: there only. Keep the file.", "default": false }, "Name": { "$ref": "#/definitions/languageMap", "description": "Accepted spelling of `name`; write `name`.", "deprecated": true, "deprecationMessage": "Write `name`." }, "Description": { "$ref": "#/definitions/languageMap", "description": "Accepted spelling of `description`; write `description`.", "deprecated": true, "deprecationMessage": "Write `description`." }, "Rights": { "type": "array", "items": { "$ref": "#/definitions/right" }, "description": "Accepted spelling of `rights`; write `rights`.", "deprecated": true, "deprecationMessage": "Write `rights`." }, "accesspackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Accepted spelling of `accessPackages`; write `accessPackages`.", "deprecated": true, "deprecationMessage": "Write `accessPackages`." }, "AccessPackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Accepted spelling of `accessPackages`; write `accessPackages`.", "deprecated": true, "deprecationMessage": "Write `accessPackages`." }, "clientid": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `clientId`; write `clientId`.", "deprecated": true, "deprecationMessage": "Write `clientId`." }, "ClientId": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `clientId`; write `clientId`.", "deprecated": true, "deprecationMessage": "Write `clientId`." }, "allowedredirecturls": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `allowedRedirectUrls`; write `allowedRedirectUrls`.", "deprecated": true, "deprecationMessage": "Write `allowedRedirectUrls`." }, "AllowedRedirectUrls": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `allowedRedirectUrls`; write `allowedRedirectUrls`.", "deprecated": true, "deprecationMessage": "Write `allowedRedirectUrls`." }, "isvisible": { "type": "boolean", "description": "Accepted spelling of `isVisible`; write `isVisible`.", "deprecated": true, "deprecationMessage": "Write `isVisible`." }, "IsVisible": { "type": "boolean", "description": "Accepted spelling of `isVisible`; write `isVisible`.", "deprecated": true, "deprecationMessage": "Write `isVisible`." }, "isdeleted": { "type": "boolean", "description": "Accepted spelling of `isDeleted`; write `isDeleted`.", "deprecated": true, "deprecationMessage": "Write `isDeleted`." }, "IsDeleted": { "type": "boolean", "description": "Accepted spelling of `isDeleted`; write `isDeleted`.", "deprecated": true, "deprecationMessage": "Write `isDeleted`." } }, "additionalProperties": false } } };
var schema12 = { "type": "object", "description": "The vendor organisation.", "required": ["ID"], "properties": { "ID": { "type": "string", "description": "`0192:` followed by the 9-digit organisation number.", "examples": ["0192:912345678"] }, "authority": { "type": "string", "description": "Ignored by Altinn (Altinn's docs show `iso6523-actorid-upis`); accepted so examples paste in." } }, "additionalProperties": false };
var schema13 = { "type": "object", "description": "Text per language code. The register requires nb, nn and en; other languages are stored too.", "properties": { "nb": { "type": "string", "description": "Norwegian Bokm\xE5l." }, "nn": { "type": "string", "description": "Norwegian Nynorsk." }, "en": { "type": "string", "description": "English." } }, "additionalProperties": { "type": "string" } };
var schema17 = { "type": "object", "required": ["urn"], "properties": { "urn": { "type": "string", "description": "urn:altinn:accesspackage:<name>", "examples": ["urn:altinn:accesspackage:skattegrunnlag"] } }, "additionalProperties": false };
var func2 = Object.prototype.hasOwnProperty;
var schema15 = { "type": "object", "description": "A resource the system needs delegated.", "required": ["resource"], "properties": { "action": { "type": "string", "description": "Optional action; part of what makes two rights duplicates." }, "resource": { "type": "array", "items": { "$ref": "#/definitions/attributePair" } } }, "additionalProperties": false };
var schema16 = { "type": "object", "required": ["id", "value"], "properties": { "id": { "type": "string", "description": "Always `urn:altinn:resource`.", "examples": ["urn:altinn:resource"] }, "value": { "type": "string", "description": "The resource id in the Resource Registry of the environment." } }, "additionalProperties": false };
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.resource === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "resource" }, message: "must have required property 'resource'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "action" || key0 === "resource")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data0 = data.action;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.action.type, parentSchema: schema15.properties.action, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.resource !== void 0) {
      let data1 = data.resource;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            if (data2.id === void 0) {
              const err3 = { instancePath: instancePath + "/resource/" + i0, schemaPath: "#/definitions/attributePair/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema16.required, parentSchema: schema16, data: data2 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            if (data2.value === void 0) {
              const err4 = { instancePath: instancePath + "/resource/" + i0, schemaPath: "#/definitions/attributePair/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema16.required, parentSchema: schema16, data: data2 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            for (const key1 in data2) {
              if (!(key1 === "id" || key1 === "value")) {
                const err5 = { instancePath: instancePath + "/resource/" + i0, schemaPath: "#/definitions/attributePair/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16, data: data2 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (data2.id !== void 0) {
              let data3 = data2.id;
              if (typeof data3 !== "string") {
                const err6 = { instancePath: instancePath + "/resource/" + i0 + "/id", schemaPath: "#/definitions/attributePair/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.id.type, parentSchema: schema16.properties.id, data: data3 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            if (data2.value !== void 0) {
              let data4 = data2.value;
              if (typeof data4 !== "string") {
                const err7 = { instancePath: instancePath + "/resource/" + i0 + "/value", schemaPath: "#/definitions/attributePair/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.value.type, parentSchema: schema16.properties.value, data: data4 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
          } else {
            const err8 = { instancePath: instancePath + "/resource/" + i0, schemaPath: "#/definitions/attributePair/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.type, parentSchema: schema16, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/resource", schemaPath: "#/properties/resource/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema15.properties.resource.type, parentSchema: schema15.properties.resource, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var schema23 = { "type": "object", "description": "Fields that replace the base values in one environment.", "properties": { "name": { "$ref": "#/definitions/languageMap", "description": "Display name shown to customers, in nb, nn and en." }, "description": { "$ref": "#/definitions/languageMap", "description": "Description shown to customers, in nb, nn and en." }, "rights": { "type": "array", "items": { "$ref": "#/definitions/right" }, "description": "Resources the system needs delegated: `{ action?, resource: [{ id: urn:altinn:resource, value: <resource id> }] }`.", "default": [] }, "accessPackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Access packages the system needs: `{ urn: urn:altinn:accesspackage:<name> }`.", "default": [] }, "clientId": { "type": "array", "items": { "type": "string" }, "description": "Maskinporten client ids of the system. Each belongs to one active system across all vendors.", "default": [] }, "allowedRedirectUrls": { "type": "array", "items": { "type": "string" }, "description": "Absolute https URLs a system-user request may redirect to.", "default": [] }, "isVisible": { "type": "boolean", "description": "Whether customers can find the system in Altinn. Altinn defaults it to true, also on update.", "default": true }, "isDeleted": { "type": "boolean", "description": "The system must not exist: deleted where live (final: Altinn burns the id), never created elsewhere. Under environments.<env>: there only. Keep the file.", "default": false }, "Name": { "$ref": "#/definitions/languageMap", "description": "Accepted spelling of `name`; write `name`.", "deprecated": true, "deprecationMessage": "Write `name`." }, "Description": { "$ref": "#/definitions/languageMap", "description": "Accepted spelling of `description`; write `description`.", "deprecated": true, "deprecationMessage": "Write `description`." }, "Rights": { "type": "array", "items": { "$ref": "#/definitions/right" }, "description": "Accepted spelling of `rights`; write `rights`.", "deprecated": true, "deprecationMessage": "Write `rights`." }, "accesspackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Accepted spelling of `accessPackages`; write `accessPackages`.", "deprecated": true, "deprecationMessage": "Write `accessPackages`." }, "AccessPackages": { "type": ["array", "null"], "items": { "$ref": "#/definitions/accessPackage" }, "description": "Accepted spelling of `accessPackages`; write `accessPackages`.", "deprecated": true, "deprecationMessage": "Write `accessPackages`." }, "clientid": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `clientId`; write `clientId`.", "deprecated": true, "deprecationMessage": "Write `clientId`." }, "ClientId": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `clientId`; write `clientId`.", "deprecated": true, "deprecationMessage": "Write `clientId`." }, "allowedredirecturls": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `allowedRedirectUrls`; write `allowedRedirectUrls`.", "deprecated": true, "deprecationMessage": "Write `allowedRedirectUrls`." }, "AllowedRedirectUrls": { "type": "array", "items": { "type": "string" }, "description": "Accepted spelling of `allowedRedirectUrls`; write `allowedRedirectUrls`.", "deprecated": true, "deprecationMessage": "Write `allowedRedirectUrls`." }, "isvisible": { "type": "boolean", "description": "Accepted spelling of `isVisible`; write `isVisible`.", "deprecated": true, "deprecationMessage": "Write `isVisible`." }, "IsVisible": { "type": "boolean", "description": "Accepted spelling of `isVisible`; write `isVisible`.", "deprecated": true, "deprecationMessage": "Write `isVisible`." }, "isdeleted": { "type": "boolean", "description": "Accepted spelling of `isDeleted`; write `isDeleted`.", "deprecated": true, "deprecationMessage": "Write `isDeleted`." }, "IsDeleted": { "type": "boolean", "description": "Accepted spelling of `isDeleted`; write `isDeleted`.", "deprecated": true, "deprecationMessage": "Write `isDeleted`." } }, "additionalProperties": false };
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema23.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema23, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          if (!(key1 === "nb" || key1 === "nn" || key1 === "en")) {
            let data1 = data0[key1];
            if (typeof data1 !== "string") {
              const err1 = { instancePath: instancePath + "/name/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data1 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
          }
        }
        if (data0.nb !== void 0) {
          let data2 = data0.nb;
          if (typeof data2 !== "string") {
            const err2 = { instancePath: instancePath + "/name/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data2 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data0.nn !== void 0) {
          let data3 = data0.nn;
          if (typeof data3 !== "string") {
            const err3 = { instancePath: instancePath + "/name/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data3 };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.en !== void 0) {
          let data4 = data0.en;
          if (typeof data4 !== "string") {
            const err4 = { instancePath: instancePath + "/name/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data4 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data5 = data.description;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key2 in data5) {
          if (!(key2 === "nb" || key2 === "nn" || key2 === "en")) {
            let data6 = data5[key2];
            if (typeof data6 !== "string") {
              const err6 = { instancePath: instancePath + "/description/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data6 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          }
        }
        if (data5.nb !== void 0) {
          let data7 = data5.nb;
          if (typeof data7 !== "string") {
            const err7 = { instancePath: instancePath + "/description/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data7 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data5.nn !== void 0) {
          let data8 = data5.nn;
          if (typeof data8 !== "string") {
            const err8 = { instancePath: instancePath + "/description/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data8 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data5.en !== void 0) {
          let data9 = data5.en;
          if (typeof data9 !== "string") {
            const err9 = { instancePath: instancePath + "/description/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data9 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/description", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data5 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.rights !== void 0) {
      let data10 = data.rights;
      if (Array.isArray(data10)) {
        const len0 = data10.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data10[i0], { instancePath: instancePath + "/rights/" + i0, parentData: data10, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/rights", schemaPath: "#/properties/rights/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.rights.type, parentSchema: schema23.properties.rights, data: data10 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.accessPackages !== void 0) {
      let data12 = data.accessPackages;
      if (!Array.isArray(data12) && data12 !== null) {
        const err12 = { instancePath: instancePath + "/accessPackages", schemaPath: "#/properties/accessPackages/type", keyword: "type", params: { type: schema23.properties.accessPackages.type }, message: "must be array,null", schema: schema23.properties.accessPackages.type, parentSchema: schema23.properties.accessPackages, data: data12 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (Array.isArray(data12)) {
        const len1 = data12.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data13 = data12[i1];
          if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
            if (data13.urn === void 0) {
              const err13 = { instancePath: instancePath + "/accessPackages/" + i1, schemaPath: "#/definitions/accessPackage/required", keyword: "required", params: { missingProperty: "urn" }, message: "must have required property 'urn'", schema: schema17.required, parentSchema: schema17, data: data13 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            for (const key3 in data13) {
              if (!(key3 === "urn")) {
                const err14 = { instancePath: instancePath + "/accessPackages/" + i1, schemaPath: "#/definitions/accessPackage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data13 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data13.urn !== void 0) {
              let data14 = data13.urn;
              if (typeof data14 !== "string") {
                const err15 = { instancePath: instancePath + "/accessPackages/" + i1 + "/urn", schemaPath: "#/definitions/accessPackage/properties/urn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.urn.type, parentSchema: schema17.properties.urn, data: data14 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = { instancePath: instancePath + "/accessPackages/" + i1, schemaPath: "#/definitions/accessPackage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data13 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      }
    }
    if (data.clientId !== void 0) {
      let data15 = data.clientId;
      if (Array.isArray(data15)) {
        const len2 = data15.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data16 = data15[i2];
          if (typeof data16 !== "string") {
            const err17 = { instancePath: instancePath + "/clientId/" + i2, schemaPath: "#/properties/clientId/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.clientId.items.type, parentSchema: schema23.properties.clientId.items, data: data16 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/clientId", schemaPath: "#/properties/clientId/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.clientId.type, parentSchema: schema23.properties.clientId, data: data15 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.allowedRedirectUrls !== void 0) {
      let data17 = data.allowedRedirectUrls;
      if (Array.isArray(data17)) {
        const len3 = data17.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data18 = data17[i3];
          if (typeof data18 !== "string") {
            const err19 = { instancePath: instancePath + "/allowedRedirectUrls/" + i3, schemaPath: "#/properties/allowedRedirectUrls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.allowedRedirectUrls.items.type, parentSchema: schema23.properties.allowedRedirectUrls.items, data: data18 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/allowedRedirectUrls", schemaPath: "#/properties/allowedRedirectUrls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.allowedRedirectUrls.type, parentSchema: schema23.properties.allowedRedirectUrls, data: data17 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.isVisible !== void 0) {
      let data19 = data.isVisible;
      if (typeof data19 !== "boolean") {
        const err21 = { instancePath: instancePath + "/isVisible", schemaPath: "#/properties/isVisible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema23.properties.isVisible.type, parentSchema: schema23.properties.isVisible, data: data19 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.isDeleted !== void 0) {
      let data20 = data.isDeleted;
      if (typeof data20 !== "boolean") {
        const err22 = { instancePath: instancePath + "/isDeleted", schemaPath: "#/properties/isDeleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema23.properties.isDeleted.type, parentSchema: schema23.properties.isDeleted, data: data20 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.Name !== void 0) {
      let data21 = data.Name;
      if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
        for (const key4 in data21) {
          if (!(key4 === "nb" || key4 === "nn" || key4 === "en")) {
            let data22 = data21[key4];
            if (typeof data22 !== "string") {
              const err23 = { instancePath: instancePath + "/Name/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data22 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
        }
        if (data21.nb !== void 0) {
          let data23 = data21.nb;
          if (typeof data23 !== "string") {
            const err24 = { instancePath: instancePath + "/Name/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data23 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data21.nn !== void 0) {
          let data24 = data21.nn;
          if (typeof data24 !== "string") {
            const err25 = { instancePath: instancePath + "/Name/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data24 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data21.en !== void 0) {
          let data25 = data21.en;
          if (typeof data25 !== "string") {
            const err26 = { instancePath: instancePath + "/Name/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data25 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
      } else {
        const err27 = { instancePath: instancePath + "/Name", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data21 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.Description !== void 0) {
      let data26 = data.Description;
      if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
        for (const key5 in data26) {
          if (!(key5 === "nb" || key5 === "nn" || key5 === "en")) {
            let data27 = data26[key5];
            if (typeof data27 !== "string") {
              const err28 = { instancePath: instancePath + "/Description/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data27 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
        }
        if (data26.nb !== void 0) {
          let data28 = data26.nb;
          if (typeof data28 !== "string") {
            const err29 = { instancePath: instancePath + "/Description/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data28 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data26.nn !== void 0) {
          let data29 = data26.nn;
          if (typeof data29 !== "string") {
            const err30 = { instancePath: instancePath + "/Description/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data29 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data26.en !== void 0) {
          let data30 = data26.en;
          if (typeof data30 !== "string") {
            const err31 = { instancePath: instancePath + "/Description/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data30 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
      } else {
        const err32 = { instancePath: instancePath + "/Description", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data26 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.Rights !== void 0) {
      let data31 = data.Rights;
      if (Array.isArray(data31)) {
        const len4 = data31.length;
        for (let i4 = 0; i4 < len4; i4++) {
          if (!validate11(data31[i4], { instancePath: instancePath + "/Rights/" + i4, parentData: data31, parentDataProperty: i4, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err33 = { instancePath: instancePath + "/Rights", schemaPath: "#/properties/Rights/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.Rights.type, parentSchema: schema23.properties.Rights, data: data31 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.accesspackages !== void 0) {
      let data33 = data.accesspackages;
      if (!Array.isArray(data33) && data33 !== null) {
        const err34 = { instancePath: instancePath + "/accesspackages", schemaPath: "#/properties/accesspackages/type", keyword: "type", params: { type: schema23.properties.accesspackages.type }, message: "must be array,null", schema: schema23.properties.accesspackages.type, parentSchema: schema23.properties.accesspackages, data: data33 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
      if (Array.isArray(data33)) {
        const len5 = data33.length;
        for (let i5 = 0; i5 < len5; i5++) {
          let data34 = data33[i5];
          if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
            if (data34.urn === void 0) {
              const err35 = { instancePath: instancePath + "/accesspackages/" + i5, schemaPath: "#/definitions/accessPackage/required", keyword: "required", params: { missingProperty: "urn" }, message: "must have required property 'urn'", schema: schema17.required, parentSchema: schema17, data: data34 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
            for (const key6 in data34) {
              if (!(key6 === "urn")) {
                const err36 = { instancePath: instancePath + "/accesspackages/" + i5, schemaPath: "#/definitions/accessPackage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data34 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
            if (data34.urn !== void 0) {
              let data35 = data34.urn;
              if (typeof data35 !== "string") {
                const err37 = { instancePath: instancePath + "/accesspackages/" + i5 + "/urn", schemaPath: "#/definitions/accessPackage/properties/urn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.urn.type, parentSchema: schema17.properties.urn, data: data35 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
          } else {
            const err38 = { instancePath: instancePath + "/accesspackages/" + i5, schemaPath: "#/definitions/accessPackage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data34 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      }
    }
    if (data.AccessPackages !== void 0) {
      let data36 = data.AccessPackages;
      if (!Array.isArray(data36) && data36 !== null) {
        const err39 = { instancePath: instancePath + "/AccessPackages", schemaPath: "#/properties/AccessPackages/type", keyword: "type", params: { type: schema23.properties.AccessPackages.type }, message: "must be array,null", schema: schema23.properties.AccessPackages.type, parentSchema: schema23.properties.AccessPackages, data: data36 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
      if (Array.isArray(data36)) {
        const len6 = data36.length;
        for (let i6 = 0; i6 < len6; i6++) {
          let data37 = data36[i6];
          if (data37 && typeof data37 == "object" && !Array.isArray(data37)) {
            if (data37.urn === void 0) {
              const err40 = { instancePath: instancePath + "/AccessPackages/" + i6, schemaPath: "#/definitions/accessPackage/required", keyword: "required", params: { missingProperty: "urn" }, message: "must have required property 'urn'", schema: schema17.required, parentSchema: schema17, data: data37 };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
            for (const key7 in data37) {
              if (!(key7 === "urn")) {
                const err41 = { instancePath: instancePath + "/AccessPackages/" + i6, schemaPath: "#/definitions/accessPackage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data37 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data37.urn !== void 0) {
              let data38 = data37.urn;
              if (typeof data38 !== "string") {
                const err42 = { instancePath: instancePath + "/AccessPackages/" + i6 + "/urn", schemaPath: "#/definitions/accessPackage/properties/urn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.urn.type, parentSchema: schema17.properties.urn, data: data38 };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
          } else {
            const err43 = { instancePath: instancePath + "/AccessPackages/" + i6, schemaPath: "#/definitions/accessPackage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data37 };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
      }
    }
    if (data.clientid !== void 0) {
      let data39 = data.clientid;
      if (Array.isArray(data39)) {
        const len7 = data39.length;
        for (let i7 = 0; i7 < len7; i7++) {
          let data40 = data39[i7];
          if (typeof data40 !== "string") {
            const err44 = { instancePath: instancePath + "/clientid/" + i7, schemaPath: "#/properties/clientid/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.clientid.items.type, parentSchema: schema23.properties.clientid.items, data: data40 };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
      } else {
        const err45 = { instancePath: instancePath + "/clientid", schemaPath: "#/properties/clientid/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.clientid.type, parentSchema: schema23.properties.clientid, data: data39 };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.ClientId !== void 0) {
      let data41 = data.ClientId;
      if (Array.isArray(data41)) {
        const len8 = data41.length;
        for (let i8 = 0; i8 < len8; i8++) {
          let data42 = data41[i8];
          if (typeof data42 !== "string") {
            const err46 = { instancePath: instancePath + "/ClientId/" + i8, schemaPath: "#/properties/ClientId/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.ClientId.items.type, parentSchema: schema23.properties.ClientId.items, data: data42 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
      } else {
        const err47 = { instancePath: instancePath + "/ClientId", schemaPath: "#/properties/ClientId/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.ClientId.type, parentSchema: schema23.properties.ClientId, data: data41 };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.allowedredirecturls !== void 0) {
      let data43 = data.allowedredirecturls;
      if (Array.isArray(data43)) {
        const len9 = data43.length;
        for (let i9 = 0; i9 < len9; i9++) {
          let data44 = data43[i9];
          if (typeof data44 !== "string") {
            const err48 = { instancePath: instancePath + "/allowedredirecturls/" + i9, schemaPath: "#/properties/allowedredirecturls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.allowedredirecturls.items.type, parentSchema: schema23.properties.allowedredirecturls.items, data: data44 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/allowedredirecturls", schemaPath: "#/properties/allowedredirecturls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.allowedredirecturls.type, parentSchema: schema23.properties.allowedredirecturls, data: data43 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.AllowedRedirectUrls !== void 0) {
      let data45 = data.AllowedRedirectUrls;
      if (Array.isArray(data45)) {
        const len10 = data45.length;
        for (let i10 = 0; i10 < len10; i10++) {
          let data46 = data45[i10];
          if (typeof data46 !== "string") {
            const err50 = { instancePath: instancePath + "/AllowedRedirectUrls/" + i10, schemaPath: "#/properties/AllowedRedirectUrls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.properties.AllowedRedirectUrls.items.type, parentSchema: schema23.properties.AllowedRedirectUrls.items, data: data46 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
      } else {
        const err51 = { instancePath: instancePath + "/AllowedRedirectUrls", schemaPath: "#/properties/AllowedRedirectUrls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema23.properties.AllowedRedirectUrls.type, parentSchema: schema23.properties.AllowedRedirectUrls, data: data45 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
    }
    if (data.isvisible !== void 0) {
      let data47 = data.isvisible;
      if (typeof data47 !== "boolean") {
        const err52 = { instancePath: instancePath + "/isvisible", schemaPath: "#/properties/isvisible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema23.properties.isvisible.type, parentSchema: schema23.properties.isvisible, data: data47 };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.IsVisible !== void 0) {
      let data48 = data.IsVisible;
      if (typeof data48 !== "boolean") {
        const err53 = { instancePath: instancePath + "/IsVisible", schemaPath: "#/properties/IsVisible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema23.properties.IsVisible.type, parentSchema: schema23.properties.IsVisible, data: data48 };
        if (vErrors === null) {
          vErrors = [err53];
        } else {
          vErrors.push(err53);
        }
        errors++;
      }
    }
    if (data.isdeleted !== void 0) {
      let data49 = data.isdeleted;
      if (typeof data49 !== "boolean") {
        const err54 = { instancePath: instancePath + "/isdeleted", schemaPath: "#/properties/isdeleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema23.properties.isdeleted.type, parentSchema: schema23.properties.isdeleted, data: data49 };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.IsDeleted !== void 0) {
      let data50 = data.IsDeleted;
      if (typeof data50 !== "boolean") {
        const err55 = { instancePath: instancePath + "/IsDeleted", schemaPath: "#/properties/IsDeleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema23.properties.IsDeleted.type, parentSchema: schema23.properties.IsDeleted, data: data50 };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
    }
  } else {
    const err56 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema23.type, parentSchema: schema23, data };
    if (vErrors === null) {
      vErrors = [err56];
    } else {
      vErrors.push(err56);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
var pattern0 = new RegExp("^[a-z][a-z0-9-]{0,39}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.vendor === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vendor" }, message: "must have required property 'vendor'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.description === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "description" }, message: "must have required property 'description'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.id.type, parentSchema: schema11.properties.id, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.vendor !== void 0) {
      let data1 = data.vendor;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.ID === void 0) {
          const err6 = { instancePath: instancePath + "/vendor", schemaPath: "#/definitions/vendor/required", keyword: "required", params: { missingProperty: "ID" }, message: "must have required property 'ID'", schema: schema12.required, parentSchema: schema12, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "ID" || key1 === "authority")) {
            const err7 = { instancePath: instancePath + "/vendor", schemaPath: "#/definitions/vendor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data1.ID !== void 0) {
          let data2 = data1.ID;
          if (typeof data2 !== "string") {
            const err8 = { instancePath: instancePath + "/vendor/ID", schemaPath: "#/definitions/vendor/properties/ID/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.ID.type, parentSchema: schema12.properties.ID, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data1.authority !== void 0) {
          let data3 = data1.authority;
          if (typeof data3 !== "string") {
            const err9 = { instancePath: instancePath + "/vendor/authority", schemaPath: "#/definitions/vendor/properties/authority/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.authority.type, parentSchema: schema12.properties.authority, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/vendor", schemaPath: "#/definitions/vendor/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data4 = data.name;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key2 in data4) {
          if (!(key2 === "nb" || key2 === "nn" || key2 === "en")) {
            let data5 = data4[key2];
            if (typeof data5 !== "string") {
              const err11 = { instancePath: instancePath + "/name/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data5 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
        }
        if (data4.nb !== void 0) {
          let data6 = data4.nb;
          if (typeof data6 !== "string") {
            const err12 = { instancePath: instancePath + "/name/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data6 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data4.nn !== void 0) {
          let data7 = data4.nn;
          if (typeof data7 !== "string") {
            const err13 = { instancePath: instancePath + "/name/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data4.en !== void 0) {
          let data8 = data4.en;
          if (typeof data8 !== "string") {
            const err14 = { instancePath: instancePath + "/name/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data8 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data9 = data.description;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        for (const key3 in data9) {
          if (!(key3 === "nb" || key3 === "nn" || key3 === "en")) {
            let data10 = data9[key3];
            if (typeof data10 !== "string") {
              const err16 = { instancePath: instancePath + "/description/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data10 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          }
        }
        if (data9.nb !== void 0) {
          let data11 = data9.nb;
          if (typeof data11 !== "string") {
            const err17 = { instancePath: instancePath + "/description/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data11 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data9.nn !== void 0) {
          let data12 = data9.nn;
          if (typeof data12 !== "string") {
            const err18 = { instancePath: instancePath + "/description/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data12 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data9.en !== void 0) {
          let data13 = data9.en;
          if (typeof data13 !== "string") {
            const err19 = { instancePath: instancePath + "/description/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data13 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/description", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data9 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.rights !== void 0) {
      let data14 = data.rights;
      if (Array.isArray(data14)) {
        const len0 = data14.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data14[i0], { instancePath: instancePath + "/rights/" + i0, parentData: data14, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/rights", schemaPath: "#/properties/rights/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.rights.type, parentSchema: schema11.properties.rights, data: data14 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.accessPackages !== void 0) {
      let data16 = data.accessPackages;
      if (!Array.isArray(data16) && data16 !== null) {
        const err22 = { instancePath: instancePath + "/accessPackages", schemaPath: "#/properties/accessPackages/type", keyword: "type", params: { type: schema11.properties.accessPackages.type }, message: "must be array,null", schema: schema11.properties.accessPackages.type, parentSchema: schema11.properties.accessPackages, data: data16 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      if (Array.isArray(data16)) {
        const len1 = data16.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data17 = data16[i1];
          if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
            if (data17.urn === void 0) {
              const err23 = { instancePath: instancePath + "/accessPackages/" + i1, schemaPath: "#/definitions/accessPackage/required", keyword: "required", params: { missingProperty: "urn" }, message: "must have required property 'urn'", schema: schema17.required, parentSchema: schema17, data: data17 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            for (const key4 in data17) {
              if (!(key4 === "urn")) {
                const err24 = { instancePath: instancePath + "/accessPackages/" + i1, schemaPath: "#/definitions/accessPackage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data17 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            if (data17.urn !== void 0) {
              let data18 = data17.urn;
              if (typeof data18 !== "string") {
                const err25 = { instancePath: instancePath + "/accessPackages/" + i1 + "/urn", schemaPath: "#/definitions/accessPackage/properties/urn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.urn.type, parentSchema: schema17.properties.urn, data: data18 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
          } else {
            const err26 = { instancePath: instancePath + "/accessPackages/" + i1, schemaPath: "#/definitions/accessPackage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data17 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
      }
    }
    if (data.clientId !== void 0) {
      let data19 = data.clientId;
      if (Array.isArray(data19)) {
        const len2 = data19.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data20 = data19[i2];
          if (typeof data20 !== "string") {
            const err27 = { instancePath: instancePath + "/clientId/" + i2, schemaPath: "#/properties/clientId/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.clientId.items.type, parentSchema: schema11.properties.clientId.items, data: data20 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/clientId", schemaPath: "#/properties/clientId/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.clientId.type, parentSchema: schema11.properties.clientId, data: data19 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.allowedRedirectUrls !== void 0) {
      let data21 = data.allowedRedirectUrls;
      if (Array.isArray(data21)) {
        const len3 = data21.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data22 = data21[i3];
          if (typeof data22 !== "string") {
            const err29 = { instancePath: instancePath + "/allowedRedirectUrls/" + i3, schemaPath: "#/properties/allowedRedirectUrls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.allowedRedirectUrls.items.type, parentSchema: schema11.properties.allowedRedirectUrls.items, data: data22 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/allowedRedirectUrls", schemaPath: "#/properties/allowedRedirectUrls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.allowedRedirectUrls.type, parentSchema: schema11.properties.allowedRedirectUrls, data: data21 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.isVisible !== void 0) {
      let data23 = data.isVisible;
      if (typeof data23 !== "boolean") {
        const err31 = { instancePath: instancePath + "/isVisible", schemaPath: "#/properties/isVisible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.isVisible.type, parentSchema: schema11.properties.isVisible, data: data23 };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.isDeleted !== void 0) {
      let data24 = data.isDeleted;
      if (typeof data24 !== "boolean") {
        const err32 = { instancePath: instancePath + "/isDeleted", schemaPath: "#/properties/isDeleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.isDeleted.type, parentSchema: schema11.properties.isDeleted, data: data24 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.Id !== void 0) {
      let data25 = data.Id;
      if (typeof data25 !== "string") {
        const err33 = { instancePath: instancePath + "/Id", schemaPath: "#/properties/Id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.Id.type, parentSchema: schema11.properties.Id, data: data25 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.ID !== void 0) {
      let data26 = data.ID;
      if (typeof data26 !== "string") {
        const err34 = { instancePath: instancePath + "/ID", schemaPath: "#/properties/ID/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.ID.type, parentSchema: schema11.properties.ID, data: data26 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.Vendor !== void 0) {
      let data27 = data.Vendor;
      if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
        if (data27.ID === void 0) {
          const err35 = { instancePath: instancePath + "/Vendor", schemaPath: "#/definitions/vendor/required", keyword: "required", params: { missingProperty: "ID" }, message: "must have required property 'ID'", schema: schema12.required, parentSchema: schema12, data: data27 };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
        for (const key5 in data27) {
          if (!(key5 === "ID" || key5 === "authority")) {
            const err36 = { instancePath: instancePath + "/Vendor", schemaPath: "#/definitions/vendor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data27 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data27.ID !== void 0) {
          let data28 = data27.ID;
          if (typeof data28 !== "string") {
            const err37 = { instancePath: instancePath + "/Vendor/ID", schemaPath: "#/definitions/vendor/properties/ID/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.ID.type, parentSchema: schema12.properties.ID, data: data28 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data27.authority !== void 0) {
          let data29 = data27.authority;
          if (typeof data29 !== "string") {
            const err38 = { instancePath: instancePath + "/Vendor/authority", schemaPath: "#/definitions/vendor/properties/authority/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.authority.type, parentSchema: schema12.properties.authority, data: data29 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/Vendor", schemaPath: "#/definitions/vendor/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data: data27 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.Name !== void 0) {
      let data30 = data.Name;
      if (data30 && typeof data30 == "object" && !Array.isArray(data30)) {
        for (const key6 in data30) {
          if (!(key6 === "nb" || key6 === "nn" || key6 === "en")) {
            let data31 = data30[key6];
            if (typeof data31 !== "string") {
              const err40 = { instancePath: instancePath + "/Name/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data31 };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
          }
        }
        if (data30.nb !== void 0) {
          let data32 = data30.nb;
          if (typeof data32 !== "string") {
            const err41 = { instancePath: instancePath + "/Name/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data32 };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
        }
        if (data30.nn !== void 0) {
          let data33 = data30.nn;
          if (typeof data33 !== "string") {
            const err42 = { instancePath: instancePath + "/Name/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data33 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data30.en !== void 0) {
          let data34 = data30.en;
          if (typeof data34 !== "string") {
            const err43 = { instancePath: instancePath + "/Name/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data34 };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
      } else {
        const err44 = { instancePath: instancePath + "/Name", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data30 };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
    if (data.Description !== void 0) {
      let data35 = data.Description;
      if (data35 && typeof data35 == "object" && !Array.isArray(data35)) {
        for (const key7 in data35) {
          if (!(key7 === "nb" || key7 === "nn" || key7 === "en")) {
            let data36 = data35[key7];
            if (typeof data36 !== "string") {
              const err45 = { instancePath: instancePath + "/Description/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/languageMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.additionalProperties.type, parentSchema: schema13.additionalProperties, data: data36 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          }
        }
        if (data35.nb !== void 0) {
          let data37 = data35.nb;
          if (typeof data37 !== "string") {
            const err46 = { instancePath: instancePath + "/Description/nb", schemaPath: "#/definitions/languageMap/properties/nb/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nb.type, parentSchema: schema13.properties.nb, data: data37 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data35.nn !== void 0) {
          let data38 = data35.nn;
          if (typeof data38 !== "string") {
            const err47 = { instancePath: instancePath + "/Description/nn", schemaPath: "#/definitions/languageMap/properties/nn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.nn.type, parentSchema: schema13.properties.nn, data: data38 };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
        if (data35.en !== void 0) {
          let data39 = data35.en;
          if (typeof data39 !== "string") {
            const err48 = { instancePath: instancePath + "/Description/en", schemaPath: "#/definitions/languageMap/properties/en/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.en.type, parentSchema: schema13.properties.en, data: data39 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/Description", schemaPath: "#/definitions/languageMap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data35 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.Rights !== void 0) {
      let data40 = data.Rights;
      if (Array.isArray(data40)) {
        const len4 = data40.length;
        for (let i4 = 0; i4 < len4; i4++) {
          if (!validate11(data40[i4], { instancePath: instancePath + "/Rights/" + i4, parentData: data40, parentDataProperty: i4, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err50 = { instancePath: instancePath + "/Rights", schemaPath: "#/properties/Rights/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.Rights.type, parentSchema: schema11.properties.Rights, data: data40 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.accesspackages !== void 0) {
      let data42 = data.accesspackages;
      if (!Array.isArray(data42) && data42 !== null) {
        const err51 = { instancePath: instancePath + "/accesspackages", schemaPath: "#/properties/accesspackages/type", keyword: "type", params: { type: schema11.properties.accesspackages.type }, message: "must be array,null", schema: schema11.properties.accesspackages.type, parentSchema: schema11.properties.accesspackages, data: data42 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
      if (Array.isArray(data42)) {
        const len5 = data42.length;
        for (let i5 = 0; i5 < len5; i5++) {
          let data43 = data42[i5];
          if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
            if (data43.urn === void 0) {
              const err52 = { instancePath: instancePath + "/accesspackages/" + i5, schemaPath: "#/definitions/accessPackage/required", keyword: "required", params: { missingProperty: "urn" }, message: "must have required property 'urn'", schema: schema17.required, parentSchema: schema17, data: data43 };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
            for (const key8 in data43) {
              if (!(key8 === "urn")) {
                const err53 = { instancePath: instancePath + "/accesspackages/" + i5, schemaPath: "#/definitions/accessPackage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data43 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data43.urn !== void 0) {
              let data44 = data43.urn;
              if (typeof data44 !== "string") {
                const err54 = { instancePath: instancePath + "/accesspackages/" + i5 + "/urn", schemaPath: "#/definitions/accessPackage/properties/urn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.urn.type, parentSchema: schema17.properties.urn, data: data44 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/accesspackages/" + i5, schemaPath: "#/definitions/accessPackage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data43 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      }
    }
    if (data.AccessPackages !== void 0) {
      let data45 = data.AccessPackages;
      if (!Array.isArray(data45) && data45 !== null) {
        const err56 = { instancePath: instancePath + "/AccessPackages", schemaPath: "#/properties/AccessPackages/type", keyword: "type", params: { type: schema11.properties.AccessPackages.type }, message: "must be array,null", schema: schema11.properties.AccessPackages.type, parentSchema: schema11.properties.AccessPackages, data: data45 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
      if (Array.isArray(data45)) {
        const len6 = data45.length;
        for (let i6 = 0; i6 < len6; i6++) {
          let data46 = data45[i6];
          if (data46 && typeof data46 == "object" && !Array.isArray(data46)) {
            if (data46.urn === void 0) {
              const err57 = { instancePath: instancePath + "/AccessPackages/" + i6, schemaPath: "#/definitions/accessPackage/required", keyword: "required", params: { missingProperty: "urn" }, message: "must have required property 'urn'", schema: schema17.required, parentSchema: schema17, data: data46 };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
            for (const key9 in data46) {
              if (!(key9 === "urn")) {
                const err58 = { instancePath: instancePath + "/AccessPackages/" + i6, schemaPath: "#/definitions/accessPackage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data46 };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
            }
            if (data46.urn !== void 0) {
              let data47 = data46.urn;
              if (typeof data47 !== "string") {
                const err59 = { instancePath: instancePath + "/AccessPackages/" + i6 + "/urn", schemaPath: "#/definitions/accessPackage/properties/urn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.urn.type, parentSchema: schema17.properties.urn, data: data47 };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
          } else {
            const err60 = { instancePath: instancePath + "/AccessPackages/" + i6, schemaPath: "#/definitions/accessPackage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data46 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
      }
    }
    if (data.clientid !== void 0) {
      let data48 = data.clientid;
      if (Array.isArray(data48)) {
        const len7 = data48.length;
        for (let i7 = 0; i7 < len7; i7++) {
          let data49 = data48[i7];
          if (typeof data49 !== "string") {
            const err61 = { instancePath: instancePath + "/clientid/" + i7, schemaPath: "#/properties/clientid/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.clientid.items.type, parentSchema: schema11.properties.clientid.items, data: data49 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
      } else {
        const err62 = { instancePath: instancePath + "/clientid", schemaPath: "#/properties/clientid/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.clientid.type, parentSchema: schema11.properties.clientid, data: data48 };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
    if (data.ClientId !== void 0) {
      let data50 = data.ClientId;
      if (Array.isArray(data50)) {
        const len8 = data50.length;
        for (let i8 = 0; i8 < len8; i8++) {
          let data51 = data50[i8];
          if (typeof data51 !== "string") {
            const err63 = { instancePath: instancePath + "/ClientId/" + i8, schemaPath: "#/properties/ClientId/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.ClientId.items.type, parentSchema: schema11.properties.ClientId.items, data: data51 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
      } else {
        const err64 = { instancePath: instancePath + "/ClientId", schemaPath: "#/properties/ClientId/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.ClientId.type, parentSchema: schema11.properties.ClientId, data: data50 };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      }
    }
    if (data.allowedredirecturls !== void 0) {
      let data52 = data.allowedredirecturls;
      if (Array.isArray(data52)) {
        const len9 = data52.length;
        for (let i9 = 0; i9 < len9; i9++) {
          let data53 = data52[i9];
          if (typeof data53 !== "string") {
            const err65 = { instancePath: instancePath + "/allowedredirecturls/" + i9, schemaPath: "#/properties/allowedredirecturls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.allowedredirecturls.items.type, parentSchema: schema11.properties.allowedredirecturls.items, data: data53 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
      } else {
        const err66 = { instancePath: instancePath + "/allowedredirecturls", schemaPath: "#/properties/allowedredirecturls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.allowedredirecturls.type, parentSchema: schema11.properties.allowedredirecturls, data: data52 };
        if (vErrors === null) {
          vErrors = [err66];
        } else {
          vErrors.push(err66);
        }
        errors++;
      }
    }
    if (data.AllowedRedirectUrls !== void 0) {
      let data54 = data.AllowedRedirectUrls;
      if (Array.isArray(data54)) {
        const len10 = data54.length;
        for (let i10 = 0; i10 < len10; i10++) {
          let data55 = data54[i10];
          if (typeof data55 !== "string") {
            const err67 = { instancePath: instancePath + "/AllowedRedirectUrls/" + i10, schemaPath: "#/properties/AllowedRedirectUrls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.AllowedRedirectUrls.items.type, parentSchema: schema11.properties.AllowedRedirectUrls.items, data: data55 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
      } else {
        const err68 = { instancePath: instancePath + "/AllowedRedirectUrls", schemaPath: "#/properties/AllowedRedirectUrls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.AllowedRedirectUrls.type, parentSchema: schema11.properties.AllowedRedirectUrls, data: data54 };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
    if (data.isvisible !== void 0) {
      let data56 = data.isvisible;
      if (typeof data56 !== "boolean") {
        const err69 = { instancePath: instancePath + "/isvisible", schemaPath: "#/properties/isvisible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.isvisible.type, parentSchema: schema11.properties.isvisible, data: data56 };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      }
    }
    if (data.IsVisible !== void 0) {
      let data57 = data.IsVisible;
      if (typeof data57 !== "boolean") {
        const err70 = { instancePath: instancePath + "/IsVisible", schemaPath: "#/properties/IsVisible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.IsVisible.type, parentSchema: schema11.properties.IsVisible, data: data57 };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.isdeleted !== void 0) {
      let data58 = data.isdeleted;
      if (typeof data58 !== "boolean") {
        const err71 = { instancePath: instancePath + "/isdeleted", schemaPath: "#/properties/isdeleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.isdeleted.type, parentSchema: schema11.properties.isdeleted, data: data58 };
        if (vErrors === null) {
          vErrors = [err71];
        } else {
          vErrors.push(err71);
        }
        errors++;
      }
    }
    if (data.IsDeleted !== void 0) {
      let data59 = data.IsDeleted;
      if (typeof data59 !== "boolean") {
        const err72 = { instancePath: instancePath + "/IsDeleted", schemaPath: "#/properties/IsDeleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.IsDeleted.type, parentSchema: schema11.properties.IsDeleted, data: data59 };
        if (vErrors === null) {
          vErrors = [err72];
        } else {
          vErrors.push(err72);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data60 = data.environments;
      if (data60 && typeof data60 == "object" && !Array.isArray(data60)) {
        for (const key10 in data60) {
          const _errs140 = errors;
          if (typeof key10 === "string") {
            if (!pattern0.test(key10)) {
              const err73 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,39}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,39}$"', schema: "^[a-z][a-z0-9-]{0,39}$", parentSchema: schema11.properties.environments.propertyNames, data: key10, propertyName: key10 };
              if (vErrors === null) {
                vErrors = [err73];
              } else {
                vErrors.push(err73);
              }
              errors++;
            }
          }
          var valid45 = _errs140 === errors;
          if (!valid45) {
            const err74 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key10 }, message: "property name must be valid", schema: schema11.properties.environments.propertyNames, parentSchema: schema11.properties.environments, data: data60 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        for (const key11 in data60) {
          if (!validate14(data60[key11], { instancePath: instancePath + "/environments/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data60, parentDataProperty: key11, rootData })) {
            vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err75 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.environments.type, parentSchema: schema11.properties.environments, data: data60 };
        if (vErrors === null) {
          vErrors = [err75];
        } else {
          vErrors.push(err75);
        }
        errors++;
      }
    }
  } else {
    const err76 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err76];
    } else {
      vErrors.push(err76);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
function systemSchemaValidator() {
  return validate;
}

// src/systems/parse.ts
var KEEP_NODES_FROM_CHARACTERS = 64 * 1024;
var READABLE_DESPITE = /* @__PURE__ */ new Set([
  "field-unknown",
  "field-alias-conflict",
  "environment-name",
  "environment-override-not-allowed"
]);
function parseSystemFile(file, text) {
  const { yamlDocument, lineCounter } = parseYaml(text);
  const {
    positionOf: locator,
    isWritten,
    release
  } = createLocator(file, text, { yamlDocument, lineCounter });
  const result = { file, text, diagnostics: [], positionOf: locator, isWritten };
  const report = (diagnostic) => result.diagnostics.push({ file, ...diagnostic });
  if (yamlDocument.errors.length > 0) {
    for (const diagnostic of diagnoseYamlErrors(yamlDocument.errors, lineCounter, text)) report(diagnostic);
    return result;
  }
  for (const warning of yamlDocument.warnings) {
    report({
      ...locateYamlError(warning, lineCounter),
      ruleId: "yaml-warning",
      severity: "warning",
      message: warning.message
    });
  }
  if (yamlDocument.contents === null || isScalar(yamlDocument.contents) && yamlDocument.contents.value === null) {
    report({
      line: 1,
      column: 1,
      ruleId: "file-empty",
      severity: "error",
      message: "the file holds no YAML document; a system file needs at least id, vendor, name and description."
    });
    return result;
  }
  let value;
  try {
    value = yamlDocument.toJS(YAML_TO_JS_OPTIONS);
  } catch (error) {
    if (!(error instanceof ReferenceError)) {
      report({
        line: 1,
        column: 1,
        ruleId: "yaml-syntax",
        severity: "error",
        message: `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}.`
      });
      return result;
    }
    report({
      ...findFirstAliasSpan(yamlDocument, lineCounter),
      ruleId: "yaml-alias-limit",
      severity: "error",
      message: `YAML aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} alias expansions); the file is not read further.`,
      hint: "Write the values out instead of nesting anchors and aliases."
    });
    return result;
  }
  if (isFieldMap(value)) {
    normaliseAliases(value, [], locator, report);
    const environments = value[ENVIRONMENTS_KEY];
    if (isFieldMap(environments)) {
      for (const [name, overrides] of Object.entries(environments)) {
        if (isFieldMap(overrides)) normaliseAliases(overrides, [ENVIRONMENTS_KEY, name], locator, report);
      }
    }
  }
  const validate2 = systemSchemaValidator();
  if (!validate2(value)) {
    for (const diagnostic of diagnoseSchemaErrors(validate2.errors ?? [], locator)) report(diagnostic);
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (isFieldMap(value) && errors.every((d) => READABLE_DESPITE.has(d.ruleId))) {
    if (errors.length === 0) result.document = buildDocument(value);
    else result.draft = buildDocument(value);
  }
  if (result.diagnostics.length === 0 && text.length < KEEP_NODES_FROM_CHARACTERS) release();
  sortDiagnostics(result.diagnostics);
  return result;
}
function createUnreadableFile(file, diagnostics) {
  return {
    file,
    text: "",
    diagnostics,
    positionOf: () => ({ file, line: 1, column: 1 }),
    isWritten: () => false
  };
}
function isFieldMap(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function normaliseAliases(fields, at, locate, report) {
  for (const key of Object.keys(fields)) {
    const canonical = CANONICAL_FIELD_BY_ALIAS.get(key);
    if (!canonical) continue;
    const position = stripFile(locate([...at, key], "key"));
    if (canonical in fields) {
      report({
        ...position,
        ruleId: "field-alias-conflict",
        severity: "error",
        message: `\`${key}\` and \`${canonical}\` are the same field; keep only \`${canonical}\`.`
      });
    } else {
      fields[canonical] = fields[key];
      report({
        ...position,
        ruleId: "field-alias",
        severity: "warning",
        message: `\`${key}\` is accepted, but the field is spelled \`${canonical}\`.`,
        hint: `Rename it to \`${canonical}\` (\`sysreg fmt\` does).`
      });
    }
    delete fields[key];
  }
}
function readField(rule, fields) {
  const given = rule.key in fields && !(rule.nullable && fields[rule.key] === null);
  return given ? fields[rule.key] : structuredClone(rule.defaultValue);
}
function fillDefaults(fields, keys) {
  const filled = {};
  for (const rule of FIELD_RULES) {
    if (!keys.includes(rule.key)) continue;
    filled[rule.key] = readField(rule, fields);
  }
  return filled;
}
function buildDocument(value) {
  const spec = fillDefaults(
    value,
    FIELD_RULES.map((rule) => rule.key)
  );
  const vendor = value.vendor;
  const environments = {};
  for (const [name, overrides] of Object.entries(value[ENVIRONMENTS_KEY] ?? {})) {
    const given = overrides;
    const picked = {};
    for (const rule of FIELD_RULES) {
      if (rule.overridable && rule.key in given) picked[rule.key] = readField(rule, given);
    }
    environments[name] = picked;
  }
  return { ...spec, vendor: { ID: vendor.ID }, environments };
}

// src/systems/load.ts
var MAX_SYSTEM_FILE_BYTES = 1024 * 1024;
function locateByte(bytes, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}
function findInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte < 128) {
      i++;
      continue;
    }
    let length;
    let min;
    if (byte >= 194 && byte <= 223) [length, min] = [2, 128];
    else if (byte >= 224 && byte <= 239) [length, min] = [3, 2048];
    else if (byte >= 240 && byte <= 244) [length, min] = [4, 65536];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = byte & 255 >> length + 1;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 192) !== 128) return i;
      codePoint = codePoint << 6 | next & 63;
    }
    if (codePoint < min || codePoint > 1114111 || codePoint >= 55296 && codePoint <= 57343) return i;
    i += length;
  }
  return -1;
}
function decodeSystemFile(file, bytes) {
  const fail = (at, ruleId, message, hint) => ({
    ok: false,
    diagnostic: { file, ...at, ruleId, severity: "error", message, ...hint ? { hint } : {} }
  });
  if (bytes.length > MAX_SYSTEM_FILE_BYTES) {
    return fail(
      { line: 1, column: 1 },
      "file-too-large",
      `the file is ${formatByteCount(bytes.length)}; system files may be at most ${formatByteCount(MAX_SYSTEM_FILE_BYTES)}.`
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      locateByte(bytes, nul),
      "file-binary",
      "the file contains a NUL byte; it looks binary, not like YAML text."
    );
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(findInvalidUtf8(bytes), 0);
    return fail(
      locateByte(bytes, offset),
      "file-not-utf8",
      `the file is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")} at offset ${offset}).`,
      "Save the file as UTF-8."
    );
  }
}
function formatByteCount(count) {
  if (count >= 1024 * 1024) return `${(count / (1024 * 1024)).toFixed(1)} MiB`;
  if (count >= 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${count} bytes`;
}
function readSystemFileText(file) {
  const unreadable = (ruleId, message) => ({
    ok: false,
    diagnostic: { file: file.path, line: 1, column: 1, ruleId, severity: "error", message }
  });
  let descriptor;
  try {
    descriptor = openSync(file.absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable("file-unreadable", `cannot open the file: ${describeErrorCode(error)}.`);
  }
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return unreadable("path-not-a-file", "this is not a regular file.");
    if (info.size > MAX_SYSTEM_FILE_BYTES) {
      return unreadable(
        "file-too-large",
        `the file is ${formatByteCount(info.size)}; system files may be at most ${formatByteCount(MAX_SYSTEM_FILE_BYTES)}.`
      );
    }
    const buffer = new Uint8Array(info.size + 1);
    const bytesRead = readSync(descriptor, buffer, 0, buffer.length, 0);
    return decodeSystemFile(file.path, buffer.subarray(0, bytesRead));
  } catch (error) {
    return unreadable("file-unreadable", `cannot read the file: ${describeErrorCode(error)}.`);
  } finally {
    closeSync(descriptor);
  }
}
function loadSystemFile(file) {
  const decoded = readSystemFileText(file);
  if (!decoded.ok) return createUnreadableFile(file.path, [decoded.diagnostic]);
  return parseSystemFile(file.path, decoded.text);
}
function loadSystemFiles(files) {
  return files.map((file) => loadSystemFile(file));
}
function describeErrorCode(error) {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "unknown error";
}

export {
  parseSystemFile,
  MAX_SYSTEM_FILE_BYTES,
  readSystemFileText,
  loadSystemFiles
};
