import { SERVICEDESK_EMAIL } from '../links';
import { describeScope, groupScopesByProduct } from '../scopes';
import { DraftInputError } from './draftInputError';
import { comesWithRegistrationForm, REGISTRATION_FORM_PAGE } from './registrationForm';
import { closingLines, contactLines } from './signature';
import type { ContactPerson, DraftEnvironment, DraftLanguage, EmailDraft } from './types';
import {
  requireClientIds,
  requireContact,
  requireEnvironment,
  requireOrganisationNumber,
  requireText,
} from './validation';

export interface ScopeRequestInput {
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly environment: DraftEnvironment;
  readonly scopes: readonly string[];
  /** The Maskinporten client(s) the scopes should be put on. */
  readonly maskinportenClientIds: readonly string[];
  /** The end-user system's name. */
  readonly systemName: string;
  readonly contact: ContactPerson;
  /**
   * tt02 only: ask servicedesk to create the vendor's own organisation in tt02. Altinn recommends having the
   * vendor's real organisation number in tt02 before registering a system, and servicedesk creates it
   * (altinn-studio-docs, content/authorization/guides/system-vendor/system-user/systemregistration/_index.nb.md,
   * "Forutsetninger").
   */
  readonly createOrganisationInTt02?: boolean;
}

const TEXT = {
  nb: {
    subject: (environment: string, organisation: string, orgNo: string) =>
      `Forespørsel om tilgang til scopes i ${environment} – ${organisation} (org.nr. ${orgNo})`,
    environmentShort: { tt02: 'tt02', production: 'produksjon' },
    environmentLong: { tt02: 'testmiljøet tt02', production: 'produksjonsmiljøet' },
    greeting: 'Hei,',
    intro: (organisation: string, orgNo: string, system: string, environment: string, clients: number) =>
      `Vi er ${organisation} (org.nr. ${orgNo}) og leverer sluttbrukersystemet «${system}». Vi integrerer systemet med Altinn og ber om tilgang til scopene nedenfor i ${environment}, på ${clients === 1 ? 'Maskinporten-klienten' : 'Maskinporten-klientene'} vi har oppgitt.`,
    scopesHeading: 'Scopes vi ber om, og hva vi skal bruke dem til:',
    clientsHeading: (clients: number) =>
      clients === 1 ? 'Maskinporten-klient (client_id):' : 'Maskinporten-klienter (client_id):',
    createOrganisation: (orgNo: string) =>
      `Organisasjonen vår (org.nr. ${orgNo}) finnes ikke i testmiljøet tt02 ennå. Kan dere opprette den der med det ekte organisasjonsnummeret, slik at vi kan registrere systemet vårt i systemregisteret og teste?`,
    thanks: 'Si gjerne fra om dere trenger flere opplysninger. Takk for hjelpen!',
  },
  en: {
    subject: (environment: string, organisation: string, orgNo: string) =>
      `Request for access to scopes in ${environment} – ${organisation} (org. no. ${orgNo})`,
    environmentShort: { tt02: 'tt02', production: 'production' },
    environmentLong: { tt02: 'the test environment tt02', production: 'the production environment' },
    greeting: 'Hello,',
    intro: (organisation: string, orgNo: string, system: string, environment: string, clients: number) =>
      `We are ${organisation} (organisation number ${orgNo}), the vendor of the end-user system "${system}". We are integrating the system with Altinn and ask for access to the scopes below in ${environment}, on the Maskinporten ${clients === 1 ? 'client' : 'clients'} listed.`,
    scopesHeading: 'The scopes we ask for, and what we will use them for:',
    clientsHeading: (clients: number) =>
      clients === 1 ? 'Maskinporten client (client_id):' : 'Maskinporten clients (client_id):',
    createOrganisation: (orgNo: string) =>
      `Our organisation (organisation number ${orgNo}) does not exist in the test environment tt02 yet. Could you create it there with its real organisation number, so that we can register our system in the system register and test?`,
    thanks: 'Please let us know if you need more information. Thank you for your help!',
  },
} as const;

/**
 * An e-mail to Altinn servicedesk asking for scopes on a Maskinporten client. Bokmål by default. The
 * system-user scopes are refused: they come with the registration form (REGISTRATION_FORM_SCOPES).
 */
export function buildScopeRequestEmail(input: ScopeRequestInput, language: DraftLanguage = 'nb'): EmailDraft {
  const orgNo = requireOrganisationNumber('organisationNumber', input.organisationNumber);
  const organisation = requireText('organisationName', input.organisationName);
  const environment = requireEnvironment('environment', input.environment);
  const system = requireText('systemName', input.systemName);
  const clientIds = requireClientIds('maskinportenClientIds', input.maskinportenClientIds);
  const contact = requireContact('contact', input.contact);
  const scopes = input.scopes.map((scope, index) => requireText(`scopes[${index}]`, scope));
  if (scopes.length === 0) throw new DraftInputError('scopes', 'choose at least one scope.');
  scopes.forEach((scope, index) => {
    if (comesWithRegistrationForm(scope)) {
      throw new DraftInputError(
        `scopes[${index}]`,
        `${scope} comes with the registration form for end-user system vendors (tick "systembruker"), not from servicedesk: see ${REGISTRATION_FORM_PAGE}`,
      );
    }
  });
  if (input.createOrganisationInTt02 && environment !== 'tt02')
    throw new DraftInputError(
      'createOrganisationInTt02',
      'only tt02 organisations are created by servicedesk; leave it out for production.',
    );

  const text = TEXT[language];
  const scopeLines = groupScopesByProduct(scopes).flatMap((group) => [
    group.label[language],
    ...group.scopes.map((scope) => {
      const purpose = describeScope(scope)?.purpose[language];
      return purpose ? `- ${scope} – ${purpose}` : `- ${scope}`;
    }),
    '',
  ]);

  const body = [
    text.greeting,
    '',
    text.intro(organisation, orgNo, system, text.environmentLong[environment], clientIds.length),
    '',
    text.scopesHeading,
    '',
    ...scopeLines,
    text.clientsHeading(clientIds.length),
    ...clientIds.map((id) => `- ${id}`),
    '',
    ...(input.createOrganisationInTt02 ? [text.createOrganisation(orgNo), ''] : []),
    ...contactLines(contact, language),
    '',
    text.thanks,
    '',
    ...closingLines(contact, organisation, language),
  ].join('\n');

  return {
    to: SERVICEDESK_EMAIL,
    subject: text.subject(text.environmentShort[environment], organisation, orgNo),
    body,
  };
}
