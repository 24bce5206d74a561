/**
 * The AUTH.VLD codes the system register can answer with (contract §4.5), each with what it means
 * and how to fix the YAML. The README's troubleshooting section is generated from this table
 * (`npm run docs`), and the offline rules that catch a code before Altinn does cite it.
 */

export interface ValidationCodeHelp {
  /** `AUTH.VLD-000NN`. */
  code: string;
  /** What Altinn refuses, in a phrase. */
  meaning: string;
  /** The register calls that can return it. */
  sentOn: string;
  /** How to fix the system file, in Markdown. */
  fix: string;
}

export const VALIDATION_CODES: readonly ValidationCodeHelp[] = [
  {
    code: 'AUTH.VLD-00000',
    meaning: 'The vendor is not a valid ISO 6523 organisation identifier.',
    sentOn: 'create',
    fix: 'Write `vendor: { ID: "0192:<organisation number>" }`: the prefix is `0192:` (Norwegian organisation numbers), followed by your 9-digit number. Altinn checks this first and reports nothing else until it is right.',
  },
  {
    code: 'AUTH.VLD-00001',
    meaning: 'The system id does not start with the vendor’s organisation number and `_`.',
    sentOn: 'create',
    fix: 'Name the system `<organisation number>_<name>`, e.g. `314159268_fjordsoft_lonn`, using the number in `vendor.ID`; rename the file to match (`systems/<id>.yaml`).',
  },
  {
    code: 'AUTH.VLD-00002',
    meaning: 'A system with this id already exists, or existed: a deleted system keeps its id for good.',
    sentOn: 'create',
    fix: 'If two files declare the id, keep one. If the id was deleted in Altinn, it can never be created again: choose a new id (and file name). If another vendor holds it, choose another id. sysreg plans an update, not a create, for ids your vendor already owns.',
  },
  {
    code: 'AUTH.VLD-00003',
    meaning: 'A resource in `rights` is not in the environment’s Resource Registry.',
    sentOn: 'create, update',
    fix: 'Check the `value` of each `rights[].resource` entry against the resource’s identifier in the Resource Registry of that environment. Resources in tt02 are not always in prod: give the environment its own `rights` under `environments.<name>`.',
  },
  {
    code: 'AUTH.VLD-00004',
    meaning: 'A client id is already tied to another active system (of any vendor).',
    sentOn: 'create, update',
    fix: 'A Maskinporten client id belongs to one active system at a time. Remove it from the other system in the same pull request (sysreg releases it before it claims it), or use another client. If a system outside git holds it, sysreg reports the change as blocked; free the id there first.',
  },
  {
    code: 'AUTH.VLD-00005',
    meaning: 'A redirect URL is not an absolute `https://` URL.',
    sentOn: 'create',
    fix: 'Write each `allowedRedirectUrls` entry in full with the `https` scheme, e.g. `https://app.example.no/callback`; `http://` and host-only values are refused.',
  },
  {
    code: 'AUTH.VLD-00006',
    meaning: 'Two rights are the same (same action and resource attributes).',
    sentOn: 'create, update',
    fix: 'Remove the repeated entry from `rights`. The same resource with a different `action` is not a duplicate.',
  },
  {
    code: 'AUTH.VLD-00007',
    meaning: 'An access package is listed twice.',
    sentOn: 'create, update',
    fix: 'Remove the repeated `urn` from `accessPackages`.',
  },
  {
    code: 'AUTH.VLD-00008',
    meaning: 'An access package is unknown, badly formed, or cannot be delegated.',
    sentOn: 'create, update',
    fix: 'Write each package as `urn: urn:altinn:accesspackage:<name>` with a name from the access-package catalogue (check the spelling, lower case with `-`). Packages that can be neither delegated nor assigned (such as `eksplisitt`) are refused: remove them.',
  },
  {
    code: 'AUTH.VLD-00009',
    meaning: 'A resource attribute in `rights` has an id other than `urn:altinn:resource`.',
    sentOn: 'create, update',
    fix: 'Each `rights[].resource[]` entry is `{ id: urn:altinn:resource, value: <resource id> }`; the `id` is that exact string, and the resource’s name goes in `value`.',
  },
  {
    code: 'AUTH.VLD-00011',
    meaning: 'The same client id is listed twice in one system (compared ignoring case).',
    sentOn: 'update',
    fix: 'Remove the repeated entry from `clientId` (also entries that differ only in upper/lower case).',
  },
  {
    code: 'AUTH.VLD-00012',
    meaning: 'The id in the body of an update differs from the id in the URL.',
    sentOn: 'update',
    fix: 'sysreg always sends the file’s `id` to its own URL, so this points at a proxy or a bug: report it. To rename a system, change `name`; the `id` is its identity and cannot change.',
  },
  {
    code: 'AUTH.VLD-00013',
    meaning: 'The system id contains a space.',
    sentOn: 'create',
    fix: 'Remove spaces from `id` (and the file name); use `_` or `-` instead.',
  },
  {
    code: 'AUTH.VLD-00017',
    meaning: 'A resource in `rights` has a type the register will not delegate.',
    sentOn: 'create, update',
    fix: 'Only resources of type Default, Systemresource, AltinnApp, GenericAccessResource, BrokerService, CorrespondenceService or MigratedApp can be rights. Remove rights to Maskinporten schemas, Altinn 2 services and consent resources.',
  },
  {
    code: 'AUTH.VLD-00018',
    meaning: 'A visible system has a client-relationship access package, which cannot be assigned.',
    sentOn: 'create, update',
    fix: 'Set `isVisible: false` for a system that uses client-relationship packages (`regnskapsforer-*`, `ansvarlig-revisor`, `revisormedarbeider`, `forretningsforer-eiendom`), or remove those packages.',
  },
];

/** The help for one code, or undefined for a code the register does not send. */
export function findValidationCodeHelp(code: string): ValidationCodeHelp | undefined {
  return VALIDATION_CODES.find((entry) => entry.code === code);
}
