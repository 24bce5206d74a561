/**
 * The small built-in catalogue: resources and access packages as Altinn's test fixtures and
 * access management name them (shared/altinn-system-register.md §3.3, §8.1). Offline validation uses
 * it when no snapshot has been pulled (`sysreg catalogue pull`), and the local Altinn starts with it.
 * Altinn defines far more packages than these, so a package missing here is only a warning; the
 * environment itself (a snapshot of it, or `validate --env`) is the authority.
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
  'a-ordning',
  'skattegrunnlag',
  'skatt-naering',
  'merverdiavgift',
  'regnskap-okonomi-rapport',
  'revisjon',
  'ansettelsesforhold',
  'lonn',
  'sykefravaer',
  'ordinaer-post-til-virksomheten',
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
