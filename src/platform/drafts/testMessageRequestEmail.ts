import { ONBOARDING_LINKS, SERVICEDESK_EMAIL } from '../links';
import { DraftInputError } from './draftInputError';
import { closingLines, contactLines } from './signature';
import type { ContactPerson, DraftEnvironment, DraftLanguage, EmailDraft } from './types';
import type { RecipientKind } from './validation';
import { requireContact, requireEnvironment, requireOrganisationNumber, requireRecipient, requireText } from './validation';

export interface TestMessageContentWishes {
  readonly attachments?: boolean;
  readonly markdown?: boolean;
  readonly transmissions?: boolean;
  /** A specific service or resource, e.g. `urn:altinn:resource:ttd-correspondence-test`. */
  readonly serviceResource?: string;
  /** Anything else, in the requester's own words. */
  readonly notes?: string;
}

export interface TestMessageRequestInput {
  /** National identity numbers (incl. D-numbers and synthetic Tenor numbers) or organisation numbers. */
  readonly recipients: readonly string[];
  /** How many test messages each recipient should get. */
  readonly numberOfMessages: number;
  readonly content?: TestMessageContentWishes;
  /** Default tt02. */
  readonly environment?: DraftEnvironment;
  readonly organisationName: string;
  readonly organisationNumber?: string;
  readonly systemName?: string;
  readonly contact: ContactPerson;
}

const MAX_MESSAGES = 100;

const TEXT = {
  nb: {
    subject: (environment: string, organisation: string) => `Forespørsel om testmeldinger i ${environment} – ${organisation}`,
    environmentShort: { tt02: 'tt02', production: 'produksjon' },
    environmentLong: { tt02: 'testmiljøet tt02', production: 'produksjonsmiljøet' },
    greeting: 'Hei,',
    intro: (who: string, system: string | undefined, environment: string) =>
      `Vi er ${who} og tester ${system ? `sluttbrukersystemet vårt «${system}»` : 'sluttbrukersystemet vårt'} mot Altinn. Siden bare tjenesteeiere kan sende meldinger, ber vi om at dere sender testmeldinger i ${environment}.`,
    organisationWithNumber: (organisation: string, orgNo: string) => `${organisation} (org.nr. ${orgNo})`,
    recipientsHeading: (count: number) => (count === 1 ? 'Mottaker:' : 'Mottakere:'),
    kind: {
      fnr: 'fødselsnummer',
      dnr: 'D-nummer',
      'synthetic-fnr': 'syntetisk fødselsnummer fra Tenor',
      'synthetic-dnr': 'syntetisk D-nummer fra Tenor',
      orgno: 'organisasjonsnummer',
    } satisfies Record<RecipientKind, string>,
    count: (messages: number, recipients: number) =>
      `Antall testmeldinger: ${messages}${recipients === 1 ? '' : ' til hver mottaker'}`,
    wishesHeading: 'Ønsker for innholdet:',
    attachments: 'Gjerne med vedlegg.',
    markdown: 'Gjerne med meldingstekst i markdown (overskrifter, lister, lenker).',
    transmissions: 'Gjerne med forsendelser (transmissions) i dialogen, f.eks. et svar eller en ny melding i samme sak.',
    serviceResource: (resource: string) => `Send fra tjenesten/ressursen ${resource}.`,
    noWishes: 'Innholdet står dere fritt til å velge.',
    inbox: (environment: string, url: string) => `Meldinger i ${environment} kan leses i Altinn-innboksen på ${url}; vi sjekker dem der og i systemet vårt.`,
    thanks: 'Takk for hjelpen!',
  },
  en: {
    subject: (environment: string, organisation: string) => `Request for test messages in ${environment} – ${organisation}`,
    environmentShort: { tt02: 'tt02', production: 'production' },
    environmentLong: { tt02: 'the test environment tt02', production: 'the production environment' },
    greeting: 'Hello,',
    intro: (who: string, system: string | undefined, environment: string) =>
      `We are ${who} and are testing our end-user system${system ? ` "${system}"` : ''} against Altinn. As only service owners can send messages, we ask you to send test messages in ${environment}.`,
    organisationWithNumber: (organisation: string, orgNo: string) => `${organisation} (organisation number ${orgNo})`,
    recipientsHeading: (count: number) => (count === 1 ? 'Recipient:' : 'Recipients:'),
    kind: {
      fnr: 'national identity number',
      dnr: 'D-number',
      'synthetic-fnr': 'synthetic national identity number from Tenor',
      'synthetic-dnr': 'synthetic D-number from Tenor',
      orgno: 'organisation number',
    } satisfies Record<RecipientKind, string>,
    count: (messages: number, recipients: number) =>
      `Number of test messages: ${messages}${recipients === 1 ? '' : ' to each recipient'}`,
    wishesHeading: 'Wishes for the content:',
    attachments: 'Please include attachments.',
    markdown: 'Please use markdown in the message text (headings, lists, links).',
    transmissions: 'Please include transmissions in the dialog, e.g. a reply or a new message in the same case.',
    serviceResource: (resource: string) => `Please send from the service/resource ${resource}.`,
    noWishes: 'The content is up to you.',
    inbox: (environment: string, url: string) => `Messages in ${environment} can be read in the Altinn inbox at ${url}; we will check them there and in our system.`,
    thanks: 'Thank you for your help!',
  },
} as const;

/** An e-mail to Altinn servicedesk asking for test messages to given recipients (tt02 by default). Bokmål by default. */
export function buildTestMessageRequestEmail(input: TestMessageRequestInput, language: DraftLanguage = 'nb'): EmailDraft {
  if (input.recipients.length === 0) throw new DraftInputError('recipients', 'give at least one recipient.');
  const recipients = input.recipients.map((value, index) => requireRecipient(`recipients[${index}]`, value));
  if (!Number.isInteger(input.numberOfMessages) || input.numberOfMessages < 1 || input.numberOfMessages > MAX_MESSAGES) {
    throw new DraftInputError('numberOfMessages', `must be a whole number from 1 to ${MAX_MESSAGES}.`);
  }
  const environment = requireEnvironment('environment', input.environment ?? 'tt02');
  const organisation = requireText('organisationName', input.organisationName);
  const orgNo = input.organisationNumber?.trim() ? requireOrganisationNumber('organisationNumber', input.organisationNumber) : undefined;
  const system = input.systemName?.trim() ? requireText('systemName', input.systemName) : undefined;
  const contact = requireContact('contact', input.contact);
  const content = input.content ?? {};
  const resource = content.serviceResource?.trim() ? requireText('content.serviceResource', content.serviceResource) : undefined;
  const notes = content.notes?.trim() ?? '';

  const text = TEXT[language];
  const who = orgNo ? text.organisationWithNumber(organisation, orgNo) : organisation;
  const wishes = [
    ...(content.attachments ? [text.attachments] : []),
    ...(content.markdown ? [text.markdown] : []),
    ...(content.transmissions ? [text.transmissions] : []),
    ...(resource ? [text.serviceResource(resource)] : []),
    ...(notes ? [notes] : []),
  ];
  const inboxUrl = environment === 'tt02' ? ONBOARDING_LINKS.tt02Inbox : ONBOARDING_LINKS.productionInbox;

  const body = [
    text.greeting,
    '',
    text.intro(who, system, text.environmentLong[environment]),
    '',
    text.recipientsHeading(recipients.length),
    ...recipients.map((recipient) => `- ${recipient.value} (${text.kind[recipient.kind]})`),
    '',
    text.count(input.numberOfMessages, recipients.length),
    '',
    text.wishesHeading,
    ...(wishes.length > 0 ? wishes.map((wish) => `- ${wish}`) : [text.noWishes]),
    '',
    ...contactLines(contact, language),
    '',
    text.inbox(text.environmentShort[environment], inboxUrl),
    '',
    text.thanks,
    '',
    ...closingLines(contact, organisation, language),
  ].join('\n');

  return { to: SERVICEDESK_EMAIL, subject: text.subject(text.environmentShort[environment], organisation), body };
}
