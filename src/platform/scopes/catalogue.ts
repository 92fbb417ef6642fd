/** Texts shown to the user, in English and Norwegian bokmål. */
export interface Bilingual {
  readonly en: string;
  readonly nb: string;
}

export type ProductGroup = 'dialogporten' | 'correspondence' | 'authentication' | 'events' | 'accessManagement';

export type FeatureId =
  'dialogportenInbox' | 'correspondence' | 'authorizedParties' | 'systemRegister' | 'systemUserRequests' | 'events';

/** The reference file (under the shared folder) that names the scope. */
export type ReferenceFile = 'reference/AUTH-AND-CORRESPONDENCE.md' | 'reference/dialogporten/SUMMARY.md';

export interface ScopeInfo {
  readonly scope: string;
  readonly product: ProductGroup;
  readonly purpose: Bilingual;
  readonly features: readonly FeatureId[];
  /** Whether an end-user system vendor orders it from Altinn; false for scopes meant for service owners or Altinn itself. */
  readonly forVendors: boolean;
  readonly source: ReferenceFile;
}

export const PRODUCT_GROUP_LABELS: Readonly<Record<ProductGroup, Bilingual>> = {
  dialogporten: { en: 'Dialogporten', nb: 'Dialogporten' },
  correspondence: { en: 'Altinn Correspondence', nb: 'Altinn Melding (Correspondence)' },
  authentication: {
    en: 'Authentication: system register and system-user requests',
    nb: 'Autentisering: systemregister og forespørsler om systembruker',
  },
  events: { en: 'Altinn Events', nb: 'Altinn Events (hendelser)' },
  accessManagement: { en: 'Access management', nb: 'Tilgangsstyring' },
};

export const PRODUCT_GROUP_ORDER: readonly ProductGroup[] = [
  'dialogporten',
  'correspondence',
  'authentication',
  'events',
  'accessManagement',
];

const AUTH = 'reference/AUTH-AND-CORRESPONDENCE.md';
const DIALOGPORTEN = 'reference/dialogporten/SUMMARY.md';

export const SCOPE_CATALOGUE: readonly ScopeInfo[] = [
  {
    scope: 'digdir:dialogporten',
    product: 'dialogporten',
    purpose: {
      en: "Read dialogs, transmissions and activities through Dialogporten's end-user API as a system user.",
      nb: 'Lese dialoger, forsendelser og aktiviteter gjennom Dialogportens sluttbruker-API som systembruker.',
    },
    features: ['dialogportenInbox'],
    forVendors: true,
    source: DIALOGPORTEN,
  },
  {
    scope: 'digdir:dialogporten.noconsent',
    product: 'dialogporten',
    purpose: {
      en: 'The same end-user access to Dialogporten, without an ID-porten consent screen (used by the Altinn inbox).',
      nb: 'Samme sluttbrukertilgang til Dialogporten, uten samtykkeskjerm i ID-porten (brukes av Altinn-innboksen).',
    },
    features: ['dialogportenInbox'],
    forVendors: false,
    source: DIALOGPORTEN,
  },
  {
    scope: 'altinn:correspondence.read',
    product: 'correspondence',
    purpose: {
      en: 'Read, confirm and download attachments of Altinn Correspondence messages as recipient (not covered by the Dialogporten scope).',
      nb: 'Lese, bekrefte og laste ned vedlegg til meldinger i Altinn Melding som mottaker (dekkes ikke av Dialogporten-scopet).',
    },
    features: ['correspondence'],
    forVendors: true,
    source: AUTH,
  },
  {
    scope: 'altinn:correspondence.write',
    product: 'correspondence',
    purpose: {
      en: 'Send Correspondence messages; for service owners only. On a recipient token it makes reads count as sender calls.',
      nb: 'Sende meldinger i Altinn Melding; kun for tjenesteeiere. På et mottakertoken blir lesing behandlet som avsenderkall.',
    },
    features: [],
    forVendors: false,
    source: AUTH,
  },
  {
    scope: 'altinn:authentication/systemregister.write',
    product: 'authentication',
    purpose: {
      en: 'Register and update your own systems in the Altinn system register, and list their system users.',
      nb: 'Registrere og oppdatere egne systemer i Altinns systemregister, og liste systembrukerne deres.',
    },
    features: ['systemRegister'],
    forVendors: true,
    source: AUTH,
  },
  {
    scope: 'altinn:authentication/systemuser.request.write',
    product: 'authentication',
    purpose: {
      en: 'Create system-user requests for customers to approve.',
      nb: 'Opprette forespørsler om systembruker som kunden godkjenner.',
    },
    features: ['systemUserRequests'],
    forVendors: true,
    source: AUTH,
  },
  {
    scope: 'altinn:authentication/systemuser.request.read',
    product: 'authentication',
    purpose: {
      en: 'Follow the status of system-user requests.',
      nb: 'Følge med på status for forespørsler om systembruker.',
    },
    features: ['systemUserRequests'],
    forVendors: true,
    source: AUTH,
  },
  {
    scope: 'altinn:events.subscribe',
    product: 'events',
    purpose: {
      en: 'Subscribe to Altinn Events, e.g. to be notified of new messages for a customer.',
      nb: 'Abonnere på Altinn Events, f.eks. for å bli varslet om nye meldinger til en kunde.',
    },
    features: ['events'],
    forVendors: true,
    source: AUTH,
  },
  {
    scope: 'altinn:accessmanagement/authorizedparties',
    product: 'accessManagement',
    purpose: {
      en: 'List the parties (organisations and persons) the system user may act for.',
      nb: 'Liste aktørene (virksomheter og personer) systembrukeren kan representere.',
    },
    features: ['authorizedParties'],
    forVendors: true,
    source: AUTH,
  },
  {
    scope: 'altinn:portal/enduser',
    product: 'accessManagement',
    purpose: {
      en: "End-user access used by Altinn's own portal; also accepted for listing authorized parties.",
      nb: 'Sluttbrukertilgang som Altinns egen portal bruker; godtas også for å liste aktører man kan representere.',
    },
    features: ['authorizedParties'],
    forVendors: false,
    source: AUTH,
  },
];

export function describeScope(scope: string): ScopeInfo | undefined {
  return SCOPE_CATALOGUE.find((info) => info.scope === scope);
}
