import type { DraftLanguage, EmailDraft } from './types';

export interface SystemUserApprovalInput {
  /** The customer contact's e-mail address; may be empty (the user fills it in). */
  readonly to: string;
  readonly customerOrganisationNumber: string;
  readonly systemName: string;
  readonly vendorName: string;
  readonly confirmUrl: string;
  /** Bare resource ids and access-package URNs asked for. */
  readonly resources: readonly string[];
  readonly accessPackages: readonly string[];
  readonly agent: boolean;
}

const TEXT = {
  nb: {
    subject: (system: string) => `Godkjenn systembruker for ${system} i Altinn`,
    greeting: 'Hei,',
    intro: (vendor: string, system: string, org: string) =>
      `${vendor} ber om at organisasjonen deres (org.nr. ${org}) oppretter en systembruker for ${system}. Med den kan systemet hente meldingene deres fra Altinn, og bare det dere godkjenner.`,
    agentIntro: (vendor: string, system: string, org: string) =>
      `${vendor} ber om at dere (org.nr. ${org}) oppretter en klientsystembruker for ${system}. Etter godkjenningen legger dere selv til de klientene systemet skal hente meldinger for.`,
    rightsHeading: 'Det dere blir bedt om å gi tilgang til:',
    resource: (id: string) => `- tjenesten ${id}`,
    package: (urn: string) => `- tilgangspakken ${urn.replace('urn:altinn:accesspackage:', '')}`,
    howHeading: 'Slik godkjenner dere:',
    how: [
      '1. Åpne lenken under og logg inn med ID-porten.',
      '2. Velg organisasjonen og les hva forespørselen gjelder.',
      '3. Trykk «Godkjenn» (eller «Avvis»).',
    ],
    who: 'Den som godkjenner må ha rollen Tilgangsstyrer for organisasjonen (daglig leder har den) og selv ha tilgangene som blir bedt om.',
    link: 'Lenke til forespørselen:',
    closing: 'Ta kontakt om noe er uklart.',
    regards: 'Vennlig hilsen',
  },
  en: {
    subject: (system: string) => `Approve a system user for ${system} in Altinn`,
    greeting: 'Hello,',
    intro: (vendor: string, system: string, org: string) =>
      `${vendor} asks your organisation (org. no. ${org}) to create a system user for ${system}. With it, the system can fetch your messages from Altinn, and only what you approve.`,
    agentIntro: (vendor: string, system: string, org: string) =>
      `${vendor} asks you (org. no. ${org}) to create a client system user for ${system}. After approving, you add the clients the system should fetch messages for.`,
    rightsHeading: 'What you are asked to give access to:',
    resource: (id: string) => `- the service ${id}`,
    package: (urn: string) => `- the access package ${urn.replace('urn:altinn:accesspackage:', '')}`,
    howHeading: 'How to approve:',
    how: [
      '1. Open the link below and log in with ID-porten.',
      '2. Choose the organisation and read what the request is about.',
      '3. Press "Approve" (or "Reject").',
    ],
    who: 'Whoever approves needs the Access manager role (Tilgangsstyrer) for the organisation (the general manager has it) and must hold the rights asked for.',
    link: 'Link to the request:',
    closing: 'Get in touch if anything is unclear.',
    regards: 'Kind regards',
  },
} as const;

/**
 * The e-mail a vendor sends the customer's contact: what they are asked to approve, who may approve it, and where
 * (the request's confirm URL). After Altinn/altinn-studio-docs
 * content/authorization/guides/end-user/system-user/accept-request/_index.en.md (who may approve, what they see).
 */
export function buildSystemUserApprovalEmail(input: SystemUserApprovalInput, language: DraftLanguage): EmailDraft {
  const text = TEXT[language];
  const intro = input.agent ? text.agentIntro : text.intro;
  const rights = [...input.resources.map(text.resource), ...input.accessPackages.map(text.package)];
  const body = [
    text.greeting,
    '',
    intro(input.vendorName, input.systemName, input.customerOrganisationNumber),
    '',
    ...(rights.length ? [text.rightsHeading, ...rights, ''] : []),
    text.howHeading,
    ...text.how,
    '',
    text.who,
    '',
    text.link,
    input.confirmUrl,
    '',
    text.closing,
    '',
    text.regards,
    input.vendorName,
  ].join('\n');
  return { to: input.to.trim(), subject: text.subject(input.systemName), body };
}
