/**
 * The catalogue snapshot shipped with sysreg: resources and access packages as Altinn's docs and
 * test fixtures name them (shared/altinn-system-register.md §3.3). Used for offline validation and
 * as the local Altinn's default catalogue. Online checks (`validate --env`) ask the environment itself.
 */
import type { AccessPackageRecord, ResourceRecord } from '../model/wire.ts';

export interface Catalogue {
  resources: ResourceRecord[];
  accessPackages: AccessPackageRecord[];
}

const clientRelationshipPackages = [
  'forretningsforer-eiendom',
  'regnskapsforer-med-signeringsrettighet',
  'regnskapsforer-uten-signeringsrettighet',
  'regnskapsforer-lonn',
  'ansvarlig-revisor',
  'revisormedarbeider',
];

const administratorPackages = [
  'klientadministrator',
  'tilgangsstyrer',
  'hovedadministrator',
  'maskinporten-administrator',
  'konkursbo-tilgangsstyrer',
];

const ordinaryPackages = [
  'skattegrunnlag',
  'skattnaering',
  'merverdiavgift',
  'regnskap-okonomi-rapport',
  'ansettelsesforhold',
  'lonn',
  'sykefravaer',
  'post-og-arkiv',
  'revisorattesterer',
  'starte-drive-endre-avvikle-virksomhet',
];

const urn = (name: string) => `urn:altinn:accesspackage:${name}`;

export const DEFAULT_CATALOGUE: Catalogue = {
  resources: [
    { identifier: 'app_ttd_endring-av-navn-v2', resourceType: 'AltinnApp' },
    { identifier: 'ske-krav-og-betalinger', resourceType: 'GenericAccessResource' },
    { identifier: 'authentication-e2e-test', resourceType: 'GenericAccessResource' },
    { identifier: 'ttd-systemuser-resource', resourceType: 'Default' },
    { identifier: 'nav-sykepenger-soknad', resourceType: 'GenericAccessResource' },
    { identifier: 'brg-aarsregnskap-innsending', resourceType: 'Systemresource' },
    { identifier: 'dpo-correspondence', resourceType: 'CorrespondenceService' },
    { identifier: 'ttd-broker-filetransfer', resourceType: 'BrokerService' },
    { identifier: 'ske-innrapportering-boligsameie', resourceType: 'MaskinportenSchema' },
    { identifier: 'se_2802_2203', resourceType: 'Altinn2Service' },
    { identifier: 'ttd-samtykke-skattegrunnlag', resourceType: 'Consent' },
  ],
  accessPackages: [
    ...ordinaryPackages.map((name) => ({ urn: urn(name), isDelegable: true, isAssignable: true })),
    ...clientRelationshipPackages.map((name) => ({ urn: urn(name), isDelegable: true, isAssignable: false })),
    ...administratorPackages.map((name) => ({ urn: urn(name), isDelegable: false, isAssignable: true })),
    { urn: urn('eksplisitt'), isDelegable: false, isAssignable: false },
  ],
};
