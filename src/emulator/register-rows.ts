/**
 * What a request becomes in the register's tables: the row's columns, the changelog's `changedData`
 * as PostgreSQL gives it back, and the database's own checks (shared/altinn-system-register.md §2.5, §9).
 */
import { storedRedirectUrl } from '../model/canonical.ts';
import type { AccessPackage, Right } from '../model/system.ts';
import type { BoundSystemRequest } from './register-binding.ts';
import type { SystemColumns } from './register-state.ts';
import { findTranslatedTextViolation, satisfiesUriDomain } from './register-validation.ts';

/**
 * As PostgreSQL's jsonb gives a value back (§9): object keys sorted by length, then bytewise.
 * The changelog's `changedData` column is jsonb, so Altinn returns it in this order, not as sent.
 */
export function toJsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonbOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort(
    (a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)),
  );
  return Object.fromEntries(keys.map((key) => [key, toJsonbOrder((value as Record<string, unknown>)[key])]));
}

/** The request as the changelog stores it: default (PascalCase) System.Text.Json, as sent. */
export function toChangedData(request: BoundSystemRequest): unknown {
  return toJsonbOrder({
    Id: request.id,
    Vendor: { ID: request.vendorId },
    Name: request.name,
    Description: request.description,
    Rights: request.rights === null ? null : toChangedRights(request.rights),
    AccessPackages: request.accessPackages === null ? null : toChangedPackages(request.accessPackages),
    ClientId: request.clientId,
    IsVisible: request.isVisible,
    AllowedRedirectUrls: request.allowedRedirectUrls,
  });
}

export function toChangedRights(rights: Right[]): unknown {
  return rights.map((r) => ({
    Action: r.action ?? null,
    Resource: r.resource.map((p) => ({ id: p.id, value: p.value })),
  }));
}

export function toChangedPackages(packages: AccessPackage[]): unknown {
  return packages.map((p) => ({ Urn: p.urn }));
}

export function toColumns(request: BoundSystemRequest, vendorOrgNumber: string): SystemColumns {
  return {
    id: request.id,
    vendorOrgNumber,
    name: request.name,
    description: request.description,
    rights: request.rights,
    accessPackages: request.accessPackages,
    clientId: request.clientId,
    allowedRedirectUrls: request.allowedRedirectUrls.map(storedRedirectUrl),
    isVisible: request.isVisible,
  };
}

/** The DB's domain and length checks, in the order an INSERT/UPDATE would hit them. */
export function findStorageViolation(columns: SystemColumns): string | undefined {
  if (columns.id.length > 255) return '22001: value too long for type character varying(255)';
  for (const map of [columns.name, columns.description]) {
    const constraint = findTranslatedTextViolation(map);
    if (constraint) {
      return `23514: value for domain business_application.translated_text violates check constraint "${constraint}"`;
    }
  }
  if (columns.allowedRedirectUrls.some((u) => !satisfiesUriDomain(u))) {
    return '23514: value for domain business_application.uri violates check constraint "uri_scheme_check"';
  }
  return undefined;
}
