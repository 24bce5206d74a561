/**
 * ASP.NET model binding as the register runs it before any action code (shared/altinn-system-register.md
 * §2.1, §3.1, §3.3 step 2): System.Text.Json with case-insensitive property names and unknown members
 * ignored, then MVC's implicit [Required] on non-nullable properties. A failure becomes the `[ApiController]`
 * automatic 400 `ValidationProblemDetails`, with no AUTH codes.
 */
import type { AccessPackage, AttributePair, LanguageMap, Right } from '../model/system.ts';
import type { SystemContent } from './register-state.ts';

/**
 * What the body binds to: `RegisterSystemRequest` with model defaults applied. A `null` rights list
 * fails validation with a NullReferenceException; a `null` access-package list is stored as DB NULL.
 */
export interface BoundSystemRequest extends SystemContent {
  id: string;
  vendorId: string;
}

export type BindingResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string[]> };

const MODEL = 'Altinn.Platform.Authentication.Core.Models.SystemRegisters.RegisterSystemRequest';
const RIGHT_LIST = `System.Collections.Generic.List\`1[Altinn.Platform.Authentication.Core.Models.Rights.Right]`;
const PACKAGE_LIST = `System.Collections.Generic.List\`1[Altinn.Platform.Authentication.Core.Models.AccessPackages.AccessPackage]`;

class BindingFailure extends Error {
  readonly errors: Record<string, string[]>;
  constructor(errors: Record<string, string[]>) {
    super('model binding failed');
    this.errors = errors;
  }
}

function fail(jsonPath: string, message: string, parameter: string): never {
  throw new BindingFailure({ [jsonPath]: [message], [parameter]: [`The ${parameter} field is required.`] });
}

function convertError(jsonPath: string, type: string, parameter: string): never {
  fail(
    jsonPath,
    `The JSON value could not be converted to ${type}. Path: ${jsonPath} | LineNumber: 0 | BytePositionInLine: 0.`,
    parameter,
  );
}

function parseJson(text: string, parameter: string): unknown {
  if (text.trim() === '') {
    throw new BindingFailure({
      '': [`A non-empty request body is required.`],
      [parameter]: [`The ${parameter} field is required.`],
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    fail(
      '$',
      `The request body is not valid JSON: ${reason}. Path: $ | LineNumber: 0 | BytePositionInLine: 0.`,
      parameter,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** STJ's case-insensitive lookup: an exact match wins, otherwise the last case-insensitive one. */
function member(object: Record<string, unknown>, name: string): { present: boolean; value: unknown } {
  if (Object.hasOwn(object, name)) return { present: true, value: object[name] };
  let found: { present: boolean; value: unknown } = { present: false, value: undefined };
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === lower) found = { present: true, value: object[key] };
  }
  return found;
}

/** Collects MVC's implicit-required failures (null or blank in a non-nullable property). */
class RequiredCheck {
  readonly errors: Record<string, string[]> = {};
  string(value: unknown, key: string, jsonPath: string, parameter: string): string {
    if (value === null) {
      this.add(key);
      return '';
    }
    if (typeof value !== 'string') convertError(jsonPath, 'System.String', parameter);
    if (value.trim() === '') this.add(key);
    return value;
  }
  add(key: string): void {
    const field =
      key
        .split('.')
        .at(-1)
        ?.replace(/\[\d+\]$/, '') ?? key;
    this.errors[key] = [`The ${field} field is required.`];
  }
}

function bindLanguageMap(
  value: unknown,
  jsonPath: string,
  key: string,
  required: RequiredCheck,
): LanguageMap {
  if (value === null) {
    required.add(key);
    return {};
  }
  if (!isObject(value))
    convertError(jsonPath, 'System.Collections.Generic.Dictionary`2[System.String,System.String]', 'request');
  const map: LanguageMap = {};
  for (const [language, text] of Object.entries(value)) {
    if (typeof text !== 'string') convertError(`${jsonPath}.${language}`, 'System.String', 'request');
    map[language] = text;
  }
  return map;
}

function bindRights(
  value: unknown,
  jsonPath: string,
  keyPrefix: string,
  parameter: string,
  required: RequiredCheck,
): Right[] {
  if (!Array.isArray(value)) convertError(jsonPath, RIGHT_LIST, parameter);
  return value.map((item, index): Right => {
    const path = `${jsonPath}[${index}]`;
    const key = `${keyPrefix}[${index}]`;
    if (!isObject(item))
      convertError(path, 'Altinn.Platform.Authentication.Core.Models.Rights.Right', parameter);
    const action = member(item, 'action').value;
    if (action !== undefined && action !== null && typeof action !== 'string')
      convertError(`${path}.action`, 'System.String', parameter);
    const resource = member(item, 'resource');
    let pairs: AttributePair[] = [];
    if (!resource.present || resource.value === null) {
      // `Resource` defaults to [] when left out; an explicit null fails the implicit [Required].
      if (resource.present) required.add(`${key}.Resource`);
    } else {
      if (!Array.isArray(resource.value))
        convertError(
          `${path}.resource`,
          'System.Collections.Generic.List`1[Altinn.Platform.Authentication.Core.Models.AttributePair]',
          parameter,
        );
      pairs = resource.value.map((pair, pairIndex) => {
        const pairPath = `${path}.resource[${pairIndex}]`;
        const pairKey = `${key}.Resource[${pairIndex}]`;
        if (!isObject(pair))
          convertError(pairPath, 'Altinn.Platform.Authentication.Core.Models.AttributePair', parameter);
        const id = member(pair, 'id');
        const pairValue = member(pair, 'value');
        return {
          id: id.present
            ? required.string(id.value, `${pairKey}.Id`, `${pairPath}.id`, parameter)
            : (required.add(`${pairKey}.Id`), ''),
          value: pairValue.present
            ? required.string(pairValue.value, `${pairKey}.Value`, `${pairPath}.value`, parameter)
            : (required.add(`${pairKey}.Value`), ''),
        };
      });
    }
    return typeof action === 'string' ? { action, resource: pairs } : { resource: pairs };
  });
}

function bindAccessPackages(value: unknown, jsonPath: string, parameter: string): AccessPackage[] {
  if (!Array.isArray(value)) convertError(jsonPath, PACKAGE_LIST, parameter);
  return value.map((item, index) => {
    if (item === null) return { urn: null as unknown as string };
    if (!isObject(item))
      convertError(
        `${jsonPath}[${index}]`,
        'Altinn.Platform.Authentication.Core.Models.AccessPackages.AccessPackage',
        parameter,
      );
    const urn = member(item, 'urn').value;
    if (urn !== undefined && urn !== null && typeof urn !== 'string')
      convertError(`${jsonPath}[${index}].urn`, 'System.String', parameter);
    // A null urn binds (AccessPackage.Urn is nullable); validation reports it as an invalid format.
    return { urn: (urn ?? null) as string };
  });
}

function bindStringList(
  value: unknown,
  jsonPath: string,
  key: string,
  required: RequiredCheck,
  type: string,
): string[] {
  if (value === null) {
    required.add(key);
    return [];
  }
  if (!Array.isArray(value)) convertError(jsonPath, `System.Collections.Generic.List\`1[${type}]`, 'request');
  return value.map((item, index) => {
    if (typeof item !== 'string') convertError(`${jsonPath}[${index}]`, type, 'request');
    return item;
  });
}

/** Binds POST/PUT `/vendor` bodies. */
export function bindSystemRequest(text: string): BindingResult<BoundSystemRequest> {
  try {
    const body = parseJson(text, 'request');
    if (!isObject(body)) convertError('$', MODEL, 'request');
    const id = member(body, 'id');
    const vendor = member(body, 'vendor');
    const name = member(body, 'name');
    const description = member(body, 'description');
    const missing = [
      ['id', id],
      ['vendor', vendor],
      ['name', name],
      ['description', description],
    ]
      .filter(([, m]) => !(m as { present: boolean }).present)
      .map(([n]) => n as string);
    if (missing.length > 0) {
      fail(
        '$',
        `JSON deserialization for type '${MODEL}' was missing required properties, including the following: ${missing.join(', ')}`,
        'request',
      );
    }
    const required = new RequiredCheck();
    const boundId = required.string(id.value, 'Id', '$.id', 'request');
    let vendorId = '';
    if (vendor.value === null) required.add('Vendor');
    else {
      if (!isObject(vendor.value))
        convertError('$.vendor', 'Altinn.Platform.Authentication.Core.Models.VendorInfo', 'request');
      const vendorIdMember = member(vendor.value, 'ID');
      if (!vendorIdMember.present) required.add('Vendor.ID');
      else vendorId = required.string(vendorIdMember.value, 'Vendor.ID', '$.vendor.ID', 'request');
    }
    const boundName = bindLanguageMap(name.value, '$.name', 'Name', required);
    const boundDescription = bindLanguageMap(description.value, '$.description', 'Description', required);
    const rights = member(body, 'rights');
    const accessPackages = member(body, 'accessPackages');
    const clientId = member(body, 'clientId');
    const urls = member(body, 'allowedRedirectUrls');
    const isVisible = member(body, 'isVisible');
    const boundRights = !rights.present
      ? []
      : rights.value === null
        ? null
        : bindRights(rights.value, '$.rights', 'Rights', 'request', required);
    const boundPackages = !accessPackages.present
      ? []
      : accessPackages.value === null
        ? null
        : bindAccessPackages(accessPackages.value, '$.accessPackages', 'request');
    const boundClientIds = clientId.present
      ? bindStringList(clientId.value, '$.clientId', 'ClientId', required, 'System.String')
      : [];
    const boundUrls = urls.present
      ? bindStringList(urls.value, '$.allowedRedirectUrls', 'AllowedRedirectUrls', required, 'System.Uri')
      : [];
    if (isVisible.present && typeof isVisible.value !== 'boolean')
      convertError('$.isVisible', 'System.Boolean', 'request');
    if (Object.keys(required.errors).length > 0) return { ok: false, errors: required.errors };
    return {
      ok: true,
      value: {
        id: boundId,
        vendorId,
        name: boundName,
        description: boundDescription,
        rights: boundRights,
        accessPackages: boundPackages,
        clientId: boundClientIds,
        allowedRedirectUrls: boundUrls,
        isVisible: isVisible.present ? (isVisible.value as boolean) : true,
      },
    };
  } catch (error) {
    if (error instanceof BindingFailure) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Binds the bare `Right[]` body of PUT `/vendor/{id}/rights`. */
export function bindRightList(text: string): BindingResult<Right[]> {
  try {
    const body = parseJson(text, 'rights');
    const required = new RequiredCheck();
    const rights = bindRights(body, '$', '', 'rights', required);
    if (Object.keys(required.errors).length > 0) return { ok: false, errors: required.errors };
    return { ok: true, value: rights };
  } catch (error) {
    if (error instanceof BindingFailure) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Binds the bare `AccessPackage[]` body of PUT `/vendor/{id}/accesspackages`. */
export function bindAccessPackageList(text: string): BindingResult<AccessPackage[]> {
  try {
    return { ok: true, value: bindAccessPackages(parseJson(text, 'accessPackages'), '$', 'accessPackages') };
  } catch (error) {
    if (error instanceof BindingFailure) return { ok: false, errors: error.errors };
    throw error;
  }
}
