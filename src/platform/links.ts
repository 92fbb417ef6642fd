/**
 * Where a system vendor goes to get started with Altinn. From the Altinn docs page
 * "Kom i gang systemleverandør" (shared/seed/systemleverandor-kom-i-gang.md); Digdir self-service
 * from shared/reference/AUTH-AND-CORRESPONDENCE.md §0, the production inbox from
 * shared/reference/dialogporten/SUMMARY.md.
 */
export const ONBOARDING_LINKS = {
  /** Onboarding process for end-user system vendors (test and production access). */
  onboardingProcess: 'https://samarbeid.digdir.no/altinn/kom-i-gang/2868',
  /** Which services a vendor can integrate with. */
  serviceIntegration: 'https://samarbeid.digdir.no/altinn/integrasjon-mot-tjenester/2412',
  /** Scope overview by product and functional area. */
  scopeOverview: 'https://samarbeid.digdir.no/altinn/scopeoversikt-produkt-og-funksjonsomrade/3017',
  /** Synthetic test people and organisations (Tenor). */
  tenorTestData: 'https://www.skatteetaten.no/testdata/',
  /** The Altinn inbox in tt02, where test messages can be read. */
  tt02Inbox: 'https://af.tt02.altinn.no/',
  productionInbox: 'https://af.altinn.no/',
  /** Slack channel produkt-dialogporten in the Digdir samarbeid workspace. */
  slackProduktDialogporten: 'https://digdir-samarbeid.slack.com/archives/C069J6N7S00',
  /** Digdir self-service for test, where Maskinporten clients and keys are made (each environment's is in environments.ts). */
  digdirSelfServiceTest: 'https://sjolvbetjening.test.samarbeid.digdir.no/',
} as const;

export const SLACK_CHANNEL_NAME = 'produkt-dialogporten';
export const SLACK_WORKSPACE_NAME = 'Digdir samarbeid';

/** Altinn servicedesk: scope requests and test-message requests go here. */
export const SERVICEDESK_EMAIL = 'servicedesk@altinn.no';

export type OnboardingLinkId = keyof typeof ONBOARDING_LINKS;
