// src/catalogue/default-catalogue.ts
var clientRelationshipPackages = [
  "forretningsforer-eiendom",
  "regnskapsforer-med-signeringsrettighet",
  "regnskapsforer-uten-signeringsrettighet",
  "regnskapsforer-lonn",
  "ansvarlig-revisor",
  "revisormedarbeider"
];
var administratorPackages = [
  "klientadministrator",
  "tilgangsstyrer",
  "hovedadministrator",
  "maskinporten-administrator",
  "konkursbo-tilgangsstyrer"
];
var ordinaryPackages = [
  "a-ordning",
  "skattegrunnlag",
  "skatt-naering",
  "merverdiavgift",
  "regnskap-okonomi-rapport",
  "revisjon",
  "ansettelsesforhold",
  "lonn",
  "sykefravaer",
  "ordinaer-post-til-virksomheten",
  "revisorattesterer",
  "starte-drive-endre-avvikle-virksomhet"
];
var urn = (name) => `urn:altinn:accesspackage:${name}`;
var DEFAULT_CATALOGUE = {
  resources: [
    { identifier: "app_ttd_endring-av-navn-v2", resourceType: "AltinnApp" },
    { identifier: "ske-krav-og-betalinger", resourceType: "GenericAccessResource" },
    { identifier: "authentication-e2e-test", resourceType: "GenericAccessResource" },
    { identifier: "ttd-systemuser-resource", resourceType: "Default" },
    { identifier: "nav-sykepenger-soknad", resourceType: "GenericAccessResource" },
    { identifier: "brg-aarsregnskap-innsending", resourceType: "Systemresource" },
    { identifier: "dpo-correspondence", resourceType: "CorrespondenceService" },
    { identifier: "ttd-broker-filetransfer", resourceType: "BrokerService" },
    { identifier: "ske-innrapportering-boligsameie", resourceType: "MaskinportenSchema" },
    { identifier: "se_2802_2203", resourceType: "Altinn2Service" },
    { identifier: "ttd-samtykke-skattegrunnlag", resourceType: "Consent" }
  ],
  accessPackages: [
    ...ordinaryPackages.map((name) => ({ urn: urn(name), isDelegable: true, isAssignable: true })),
    ...clientRelationshipPackages.map((name) => ({ urn: urn(name), isDelegable: true, isAssignable: false })),
    ...administratorPackages.map((name) => ({ urn: urn(name), isDelegable: false, isAssignable: true })),
    { urn: urn("eksplisitt"), isDelegable: false, isAssignable: false }
  ]
};

export {
  DEFAULT_CATALOGUE
};
