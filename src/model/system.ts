/**
 * The system model, as vendors write it in `systems/<id>.yaml`.
 *
 * Three kinds of state are kept apart across sysreg:
 *  - `SystemFile`/`SystemSpec`: what the YAML says (this file),
 *  - `LiveSystem` (src/model/wire.ts): what Altinn says,
 *  - `CanonicalSystem` (src/model/canonical.ts): what both become before they are compared.
 *
 * The shape follows Altinn's `RegisterSystemRequest` (shared/altinn-system-register.md §2.1) so that
 * examples from Altinn's docs paste in, plus two additions of ours: `isDeleted` (a declared tombstone:
 * the system must not exist) and `environments` (whole-field overrides per environment, `isDeleted`
 * included, so a system can be absent from some environments only).
 */

/** Language code → text. The register requires `nb`, `nn` and `en`; extra languages are stored. */
export type LanguageMap = Record<string, string>;

/** One attribute pair of a right. `id` must be exactly `urn:altinn:resource`. */
export interface AttributePair {
  id: string;
  value: string;
}

export interface Right {
  action?: string;
  resource: AttributePair[];
}

/**
 * A right as Altinn keeps it: a null or missing `action` is left out (Altinn omits it on output, and a
 * body without it means the same), attribute pairs copied in their order (Altinn's duplicate check
 * keys on it). The one place that decides it, for request bodies, files from live systems, the
 * canonical form and the local Altinn's replies.
 */
export function copyRight(right: Right): Right {
  const resource = (right.resource ?? []).map((pair) => ({ id: pair.id, value: pair.value }));
  return right.action === undefined || right.action === null
    ? { resource }
    : { action: right.action, resource };
}

export interface AccessPackage {
  urn: string;
}

export interface Vendor {
  ID: string;
}

/** A system as the register knows it: every field explicit, environment overrides already applied. */
export interface SystemSpec {
  id: string;
  vendor: Vendor;
  name: LanguageMap;
  description: LanguageMap;
  rights: Right[];
  accessPackages: AccessPackage[];
  clientId: string[];
  allowedRedirectUrls: string[];
  isVisible: boolean;
  /**
   * Ours: the system must not exist here: deleted where it is live, never created where it is not.
   * Never inferred.
   */
  isDeleted: boolean;
}

/** The fields an environment may override, each replacing the whole field. */
export type OverridableField = Exclude<keyof SystemSpec, 'id' | 'vendor'>;
export type EnvironmentOverrides = Partial<Pick<SystemSpec, OverridableField>>;

/** What one YAML file declares, before environment overrides are resolved. */
export interface SystemDocument extends SystemSpec {
  environments: Record<string, EnvironmentOverrides>;
}

/** Line and column (1-based) where a field is written. */
export interface FieldPosition {
  line: number;
  column: number;
}

/**
 * One system as git wants it in one environment: the spec after that environment's overrides, with
 * where each field came from, so plans can point reviewers at the YAML line behind each change.
 */
export interface DesiredSystem {
  spec: SystemSpec;
  /** Repository-relative path of the file that declares it, forward slashes. */
  file: string;
  /** Position of each top-level field that is written in the file (an override's position when overridden). */
  fieldPositions: Partial<Record<keyof SystemSpec, FieldPosition>>;
}
