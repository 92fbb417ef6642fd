import { ONBOARDING_LINKS, SERVICEDESK_EMAIL } from '../links';
import { DraftInputError } from './draftInputError';
import { closingLines, contactLines } from './signature';
import type { ContactPerson, DraftEnvironment, DraftLanguage, EmailDraft } from './types';
import type { RecipientKind, SystemUserReference } from './validation';
import {
  requireContact,
  requireEnvironment,
  requireOrganisationNumber,
  requireRecipient,
  requireServiceResource,
  requireSystemUser,
  requireText,
} from './validation';

export interface TestMessageContentWishes {
  readonly attachments?: boolean;
  readonly markdown?: boolean;
  readonly transmissions?: boolean;
  /** Anything else, in the requester's own words. */
  readonly notes?: string;
}

export interface TestMessageRequestInput {
  /** National identity numbers (incl. D-numbers and synthetic Tenor numbers) or organisation numbers. */
  readonly recipients: readonly string[];
  /** How many test messages each recipient should get. */
  readonly numberOfMessages: number;
  readonly content?: TestMessageContentWishes;
  /**
   * The service resource servicedesk sends from, e.g. `urn:altinn:resource:ttd-correspondence-test`. Required
   * when an organisation receives: it must be the resource delegated to that organisation's system user.
   */
  readonly serviceResource?: string;
  /**
   * The recipient organisation's system user that reads the messages through the API; required when an
   * organisation receives. Dialogporten returns only the dialogs whose service the system user has been
   * delegated (directly or through an access package); without that the list stays empty (altinn-studio-docs,
   * content/authorization/guides/system-vendor/system-user/dialogporten/_index.nb.md).
   */
  readonly systemUser?: SystemUserReference;
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
    subject: (environment: string, organisation: string) =>
      `Forespørsel om testmeldinger i ${environment} – ${organisation}`,
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
    transmissions:
      'Gjerne med forsendelser (transmissions) i dialogen, f.eks. et svar eller en ny melding i samme sak.',
    serviceResource: (resource: string) => `Send fra tjenesten/ressursen ${resource}.`,
    systemUserHeading: 'Systembruker og tjenesteressurs:',
    sendFrom: (resource: string) => `- Send meldingene fra tjenesteressursen ${resource}.`,
    systemUser: (user: SystemUserReference, recipients: number) => {
      const who = recipients === 1 ? 'Mottakeren' : 'Hver mottakervirksomhet';
      if (user.id && user.systemId)
        return `- ${who} har systembrukeren ${user.id} for systemet vårt ${user.systemId}, som har fått tilgang til ressursen over (delegert direkte eller gjennom en tilgangspakke).`;
      if (user.id)
        return `- ${who} har systembrukeren ${user.id}, som har fått tilgang til ressursen over (delegert direkte eller gjennom en tilgangspakke).`;
      return `- ${who} har en systembruker for systemet vårt ${user.systemId}, som har fått tilgang til ressursen over (delegert direkte eller gjennom en tilgangspakke).`;
    },
    whySystemUser:
      '- Vi leser meldingene gjennom API-et med denne systembrukeren. Dialogporten viser bare dialoger fra tjenester som systembrukeren har fått delegert, så meldinger fra en annen ressurs blir ikke synlige for oss.',
    noWishes: 'Innholdet står dere fritt til å velge.',
    inbox: (environment: string, url: string) =>
      `Meldinger i ${environment} kan leses i Altinn-innboksen på ${url}; vi sjekker dem der og i systemet vårt.`,
    thanks: 'Takk for hjelpen!',
  },
  en: {
    subject: (environment: string, organisation: string) =>
      `Request for test messages in ${environment} – ${organisation}`,
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
    systemUserHeading: 'System user and service resource:',
    sendFrom: (resource: string) => `- Please send the messages from the service resource ${resource}.`,
    systemUser: (user: SystemUserReference, recipients: number) => {
      const who = recipients === 1 ? 'The recipient' : 'Each recipient organisation';
      if (user.id && user.systemId)
        return `- ${who} has the system user ${user.id} for our system ${user.systemId}, which has been given the resource above (delegated directly or through an access package).`;
      if (user.id)
        return `- ${who} has the system user ${user.id}, which has been given the resource above (delegated directly or through an access package).`;
      return `- ${who} has a system user for our system ${user.systemId}, which has been given the resource above (delegated directly or through an access package).`;
    },
    whySystemUser:
      '- We read the messages through the API with this system user. Dialogporten shows only dialogs from services the system user has been delegated, so messages from another resource would not be visible to us.',
    noWishes: 'The content is up to you.',
    inbox: (environment: string, url: string) =>
      `Messages in ${environment} can be read in the Altinn inbox at ${url}; we will check them there and in our system.`,
    thanks: 'Thank you for your help!',
  },
} as const;

/**
 * An e-mail to Altinn servicedesk asking for test messages to given recipients (tt02 by default), as the
 * system-vendor guide says: who receives, how many, wishes for the content (altinn-studio-docs,
 * content/correspondence/getting-started/developer-guides/systemprovider/_index.nb.md, "Test
 * sluttbrukersystem"). When an organisation receives, it also names that organisation's system user and the
 * service resource delegated to it, which the messages must come from to be visible through the API
 * (content/authorization/guides/system-vendor/system-user/dialogporten/_index.nb.md). Bokmål by default.
 */
export function buildTestMessageRequestEmail(
  input: TestMessageRequestInput,
  language: DraftLanguage = 'nb',
): EmailDraft {
  if (input.recipients.length === 0) throw new DraftInputError('recipients', 'give at least one recipient.');
  const recipients = input.recipients.map((value, index) => requireRecipient(`recipients[${index}]`, value));
  if (
    !Number.isInteger(input.numberOfMessages) ||
    input.numberOfMessages < 1 ||
    input.numberOfMessages > MAX_MESSAGES
  ) {
    throw new DraftInputError('numberOfMessages', `must be a whole number from 1 to ${MAX_MESSAGES}.`);
  }
  const environment = requireEnvironment('environment', input.environment ?? 'tt02');
  const organisation = requireText('organisationName', input.organisationName);
  const orgNo = input.organisationNumber?.trim()
    ? requireOrganisationNumber('organisationNumber', input.organisationNumber)
    : undefined;
  const system = input.systemName?.trim() ? requireText('systemName', input.systemName) : undefined;
  const contact = requireContact('contact', input.contact);
  const content = input.content ?? {};
  const notes = content.notes?.trim() ?? '';
  const organisations = recipients.filter((recipient) => recipient.kind === 'orgno');
  const resource =
    input.serviceResource?.trim() || organisations.length > 0
      ? requireServiceResource('serviceResource', input.serviceResource ?? '')
      : undefined;
  let systemUser: SystemUserReference | undefined;
  if (organisations.length > 0) {
    if (!input.systemUser)
      throw new DraftInputError(
        'systemUser',
        'an organisation receives: name its system user (id or system id) that reads the messages, or they will not be visible through the API.',
      );
    systemUser = requireSystemUser('systemUser', input.systemUser);
    if (systemUser.id && organisations.length > 1) {
      throw new DraftInputError(
        'systemUser.id',
        'a system user id belongs to one organisation; give the system id instead when several organisations receive.',
      );
    }
    if (systemUser.systemId && orgNo && !systemUser.systemId.startsWith(`${orgNo}_`)) {
      throw new DraftInputError(
        'systemUser.systemId',
        `"${systemUser.systemId}" does not start with your organisation number ${orgNo}: a system id is "{vendor's organisation number}_{name}".`,
      );
    }
  } else if (input.systemUser) {
    throw new DraftInputError(
      'systemUser',
      'only an organisation recipient has a system user; the recipients are all people.',
    );
  }

  const text = TEXT[language];
  const who = orgNo ? text.organisationWithNumber(organisation, orgNo) : organisation;
  const wishes = [
    ...(content.attachments ? [text.attachments] : []),
    ...(content.markdown ? [text.markdown] : []),
    ...(content.transmissions ? [text.transmissions] : []),
    ...(resource && !systemUser ? [text.serviceResource(resource)] : []),
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
    ...(systemUser && resource
      ? [
          text.systemUserHeading,
          text.sendFrom(resource),
          text.systemUser(systemUser, organisations.length),
          text.whySystemUser,
          '',
        ]
      : []),
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
