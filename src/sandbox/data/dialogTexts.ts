import type { LanguageCode } from './dialogTypes';

/** Values a text template may use; all derived from the dialog's own random stream. */
export interface TextParams {
  readonly year: number;
  readonly period: string;
  readonly amount: string;
  readonly caseNumber: string;
  readonly partyName: string;
}

type Template = (p: TextParams) => string;
type Localized = Readonly<Record<LanguageCode, Template>>;

export interface DialogTheme {
  /** Bare resource id (without `urn:altinn:resource:`). */
  readonly resource: string;
  readonly serviceResourceType: 'GenericAccessResource' | 'AltinnApp' | 'CorrespondenceService';
  readonly title: Localized;
  readonly summary: Localized;
  /** Markdown body for `additionalInfo` (the plain-text variant strips the markup). */
  readonly details: Localized;
  /** Service-specific `extendedStatus` codes (≤ 25 characters) with their human labels. */
  readonly extendedStatuses: readonly {
    readonly code: string;
    readonly label: Readonly<Record<LanguageCode, string>>;
  }[];
  readonly process: string;
}

const ls = (nb: string, nn: string, en: string): Readonly<Record<LanguageCode, string>> => ({ nb, nn, en });

export const DIALOG_THEMES: readonly DialogTheme[] = [
  {
    resource: 'skd-skattemelding',
    serviceResourceType: 'AltinnApp',
    title: {
      nb: (p) => `Skattemelding for ${p.year}`,
      nn: (p) => `Skattemelding for ${p.year}`,
      en: (p) => `Tax return for ${p.year}`,
    },
    summary: {
      nb: (p) => `Skattemeldingen for ${p.year} er klar. Kontroller opplysningene og lever innen fristen.`,
      nn: (p) => `Skattemeldinga for ${p.year} er klar. Kontroller opplysningane og lever innan fristen.`,
      en: (p) => `The tax return for ${p.year} is ready. Check the information and submit it before the deadline.`,
    },
    details: {
      nb: (p) =>
        `## Hva du må gjøre\n\n1. Kontroller **inntekt** og *fradrag*\n2. Endre det som er feil\n3. Lever skattemeldingen\n\nBeregnet restskatt: ${p.amount} kr. Saksnummer \`${p.caseNumber}\`.`,
      nn: (p) =>
        `## Kva du må gjere\n\n1. Kontroller **inntekt** og *frådrag*\n2. Endre det som er feil\n3. Lever skattemeldinga\n\nRekna restskatt: ${p.amount} kr. Saksnummer \`${p.caseNumber}\`.`,
      en: (p) =>
        `## What to do\n\n1. Check **income** and *deductions*\n2. Correct what is wrong\n3. Submit the tax return\n\nEstimated tax due: NOK ${p.amount}. Case number \`${p.caseNumber}\`.`,
    },
    extendedStatuses: [
      { code: 'SKD-UTKAST', label: ls('Utkast', 'Utkast', 'Draft') },
      { code: 'SKD-LEVERT', label: ls('Levert', 'Levert', 'Submitted') },
      { code: 'SKD-FASTSATT', label: ls('Fastsatt', 'Fastsett', 'Assessed') },
    ],
    process: 'urn:no:skatteetaten:process:skattemelding',
  },
  {
    resource: 'skd-mva-melding',
    serviceResourceType: 'AltinnApp',
    title: {
      nb: (p) => `MVA-melding ${p.period}`,
      nn: (p) => `MVA-melding ${p.period}`,
      en: (p) => `VAT return ${p.period}`,
    },
    summary: {
      nb: (p) => `Merverdiavgift for ${p.period}: ${p.amount} kr å betale.`,
      nn: (p) => `Meirverdiavgift for ${p.period}: ${p.amount} kr å betale.`,
      en: (p) => `Value added tax for ${p.period}: NOK ${p.amount} to pay.`,
    },
    details: {
      nb: (p) =>
        `Meldingen for **${p.period}** er mottatt.\n\n- Grunnlag: ${p.amount} kr\n- KID: ${p.caseNumber}\n\n> Betal innen forfall for å unngå renter.`,
      nn: (p) =>
        `Meldinga for **${p.period}** er motteken.\n\n- Grunnlag: ${p.amount} kr\n- KID: ${p.caseNumber}\n\n> Betal innan forfall for å unngå renter.`,
      en: (p) =>
        `The return for **${p.period}** has been received.\n\n- Basis: NOK ${p.amount}\n- Payment reference: ${p.caseNumber}\n\n> Pay before the due date to avoid interest.`,
    },
    extendedStatuses: [
      { code: 'MVA-MOTTATT', label: ls('Mottatt', 'Motteken', 'Received') },
      { code: 'MVA-KONTROLL', label: ls('Til kontroll', 'Til kontroll', 'Under review') },
    ],
    process: 'urn:no:skatteetaten:process:mva',
  },
  {
    resource: 'skd-a-melding',
    serviceResourceType: 'GenericAccessResource',
    title: {
      nb: (p) => `Tilbakemelding på a-melding ${p.period}`,
      nn: (p) => `Tilbakemelding på a-melding ${p.period}`,
      en: (p) => `Feedback on a-melding ${p.period}`,
    },
    summary: {
      nb: () => 'A-meldingen er mottatt med avvik som må rettes.',
      nn: () => 'A-meldinga er motteken med avvik som må rettast.',
      en: () => 'The a-melding was received with deviations that must be corrected.',
    },
    details: {
      nb: (p) =>
        `### Avvik\n\n| Felt | Melding |\n|---|---|\n| Yrkeskode | Mangler for 2 arbeidsforhold |\n\nReferanse ${p.caseNumber}.`,
      nn: (p) =>
        `### Avvik\n\n| Felt | Melding |\n|---|---|\n| Yrkeskode | Manglar for 2 arbeidsforhold |\n\nReferanse ${p.caseNumber}.`,
      en: (p) =>
        `### Deviations\n\n| Field | Message |\n|---|---|\n| Occupation code | Missing for 2 employments |\n\nReference ${p.caseNumber}.`,
    },
    extendedStatuses: [{ code: 'AMELDING-AVVIK', label: ls('Avvik', 'Avvik', 'Deviations') }],
    process: 'urn:no:skatteetaten:process:a-ordningen',
  },
  {
    resource: 'nav-sykmelding',
    serviceResourceType: 'GenericAccessResource',
    title: {
      nb: (p) => `Sykmelding for ${p.partyName}`,
      nn: (p) => `Sjukmelding for ${p.partyName}`,
      en: (p) => `Sick note for ${p.partyName}`,
    },
    summary: {
      nb: (p) => `Ny sykmelding for perioden ${p.period}.`,
      nn: (p) => `Ny sjukmelding for perioden ${p.period}.`,
      en: (p) => `New sick note for the period ${p.period}.`,
    },
    details: {
      nb: () =>
        'Arbeidsgiver må **bekrefte** sykmeldingen og vurdere tilrettelegging. Se [nav.no](https://www.nav.no/arbeidsgiver/sykmelding).',
      nn: () =>
        'Arbeidsgjevar må **stadfeste** sjukmeldinga og vurdere tilrettelegging. Sjå [nav.no](https://www.nav.no/arbeidsgiver/sykmelding).',
      en: () =>
        'The employer must **confirm** the sick note and consider adjustments. See [nav.no](https://www.nav.no/arbeidsgiver/sykmelding).',
    },
    extendedStatuses: [
      { code: 'NAV-NY', label: ls('Ny', 'Ny', 'New') },
      { code: 'NAV-BEKREFTET', label: ls('Bekreftet', 'Stadfesta', 'Confirmed') },
    ],
    process: 'urn:no:nav:process:sykmelding',
  },
  {
    resource: 'nav-inntektsmelding',
    serviceResourceType: 'GenericAccessResource',
    title: {
      nb: () => 'Inntektsmelding etterspurt',
      nn: () => 'Inntektsmelding etterspurd',
      en: () => 'Income report requested',
    },
    summary: {
      nb: (p) => `NAV trenger inntektsmelding for ${p.partyName} (sak ${p.caseNumber}).`,
      nn: (p) => `NAV treng inntektsmelding for ${p.partyName} (sak ${p.caseNumber}).`,
      en: (p) => `NAV needs an income report for ${p.partyName} (case ${p.caseNumber}).`,
    },
    details: {
      nb: (p) =>
        `Send inntektsmelding innen **14 dager**.\n\n* Første fraværsdag: ${p.period}\n* Beregnet månedsinntekt: ${p.amount} kr`,
      nn: (p) =>
        `Send inntektsmelding innan **14 dagar**.\n\n* Første fråværsdag: ${p.period}\n* Rekna månadsinntekt: ${p.amount} kr`,
      en: (p) =>
        `Send the income report within **14 days**.\n\n* First day of absence: ${p.period}\n* Estimated monthly income: NOK ${p.amount}`,
    },
    extendedStatuses: [{ code: 'IM-ETTERSPURT', label: ls('Etterspurt', 'Etterspurd', 'Requested') }],
    process: 'urn:no:nav:process:inntektsmelding',
  },
  {
    resource: 'brg-arsregnskap',
    serviceResourceType: 'AltinnApp',
    title: {
      nb: (p) => `Årsregnskap ${p.year}`,
      nn: (p) => `Årsrekneskap ${p.year}`,
      en: (p) => `Annual accounts ${p.year}`,
    },
    summary: {
      nb: (p) => `Årsregnskapet for ${p.year} skal sendes inn innen 31. juli.`,
      nn: (p) => `Årsrekneskapen for ${p.year} skal sendast inn innan 31. juli.`,
      en: (p) => `The annual accounts for ${p.year} must be filed by 31 July.`,
    },
    details: {
      nb: (p) =>
        `Regnskapet for **${p.partyName}** mangler signatur fra styreleder.\n\n---\n\nGebyr ved for sen innlevering: ${p.amount} kr.`,
      nn: (p) =>
        `Rekneskapen for **${p.partyName}** manglar signatur frå styreleiar.\n\n---\n\nGebyr ved for sein innlevering: ${p.amount} kr.`,
      en: (p) =>
        `The accounts for **${p.partyName}** lack the chair's signature.\n\n---\n\nLate filing fee: NOK ${p.amount}.`,
    },
    extendedStatuses: [{ code: 'BRG-SIGNERING', label: ls('Til signering', 'Til signering', 'Awaiting signature') }],
    process: 'urn:no:brreg:process:arsregnskap',
  },
  {
    resource: 'digdir-testmelding',
    serviceResourceType: 'GenericAccessResource',
    title: {
      nb: (p) => `Testmelding ${p.caseNumber}`,
      nn: (p) => `Testmelding ${p.caseNumber}`,
      en: (p) => `Test message ${p.caseNumber}`,
    },
    summary: {
      nb: () => 'En testmelding fra Digitaliseringsdirektoratet for å prøve innboksen.',
      nn: () => 'Ei testmelding frå Digitaliseringsdirektoratet for å prøve innboksen.',
      en: () => 'A test message from the Norwegian Digitalisation Agency for trying the inbox.',
    },
    details: {
      nb: () =>
        'Denne meldingen inneholder `kode`, en [lenke](https://www.digdir.no) og en liste:\n\n- én\n- to\n\n```\nblokk med kode\n```',
      nn: () =>
        'Denne meldinga inneheld `kode`, ei [lenkje](https://www.digdir.no) og ei liste:\n\n- ein\n- to\n\n```\nblokk med kode\n```',
      en: () =>
        'This message contains `code`, a [link](https://www.digdir.no) and a list:\n\n- one\n- two\n\n```\ncode block\n```',
    },
    extendedStatuses: [{ code: 'TEST', label: ls('Test', 'Test', 'Test') }],
    process: 'urn:no:digdir:process:testmelding',
  },
];

/** Correspondence-backed dialogs (created by Altinn Correspondence for each published correspondence). */
export const CORRESPONDENCE_THEME: DialogTheme = {
  resource: 'altinn-correspondence-test',
  serviceResourceType: 'CorrespondenceService',
  title: {
    nb: (p) => `Melding ${p.caseNumber}`,
    nn: (p) => `Melding ${p.caseNumber}`,
    en: (p) => `Message ${p.caseNumber}`,
  },
  summary: {
    nb: () => 'Du har fått en melding i Altinn.',
    nn: () => 'Du har fått ei melding i Altinn.',
    en: () => 'You have received a message in Altinn.',
  },
  details: {
    nb: () => 'Innholdet i meldingen hentes fra Altinn Melding (Correspondence).',
    nn: () => 'Innhaldet i meldinga vert henta frå Altinn Melding (Correspondence).',
    en: () => 'The message content is fetched from Altinn Correspondence.',
  },
  extendedStatuses: [],
  process: 'urn:no:altinn:process:correspondence',
};

export const TRANSMISSION_TITLES: Readonly<Record<string, Readonly<Record<LanguageCode, string>>>> = {
  Information: ls('Informasjon om saken', 'Informasjon om saka', 'Information about the case'),
  Acceptance: ls('Innsendingen er godkjent', 'Innsendinga er godkjend', 'The submission was accepted'),
  Rejection: ls('Innsendingen er avvist', 'Innsendinga er avvist', 'The submission was rejected'),
  Request: ls('Vi trenger flere opplysninger', 'Vi treng fleire opplysningar', 'We need more information'),
  Alert: ls('Viktig: frist nærmer seg', 'Viktig: fristen nærmar seg', 'Important: deadline approaching'),
  Decision: ls('Vedtak i saken', 'Vedtak i saka', 'Decision in the case'),
  Submission: ls('Innsending', 'Innsending', 'Submission'),
  Correction: ls('Korrigering', 'Korrigering', 'Correction'),
};

export const ACTION_TITLES: Readonly<Record<string, Readonly<Record<LanguageCode, string>>>> = {
  open: ls('Gå til tjenesten', 'Gå til tenesta', 'Go to the service'),
  sign: ls('Signer', 'Signer', 'Sign'),
  confirm: ls('Bekreft', 'Stadfest', 'Confirm'),
  delete: ls('Slett utkast', 'Slett utkast', 'Delete draft'),
  pay: ls('Betal', 'Betal', 'Pay'),
};

export const DELETE_PROMPT = ls(
  'Er du sikker på at du vil slette utkastet?',
  'Er du sikker på at du vil slette utkastet?',
  'Are you sure you want to delete the draft?',
);

export const ATTACHMENT_NAMES: readonly {
  readonly name: string;
  readonly mediaType: string;
  readonly display: Readonly<Record<LanguageCode, string>>;
}[] = [
  { name: 'vedtak.pdf', mediaType: 'application/pdf', display: ls('Vedtak', 'Vedtak', 'Decision') },
  { name: 'kvittering.pdf', mediaType: 'application/pdf', display: ls('Kvittering', 'Kvittering', 'Receipt') },
  {
    name: 'grunnlag.xml',
    mediaType: 'application/xml',
    display: ls('Grunnlagsdata', 'Grunnlagsdata', 'Underlying data'),
  },
  { name: 'oversikt.html', mediaType: 'text/html', display: ls('Oversikt', 'Oversikt', 'Overview') },
];

export const ACTIVITY_DESCRIPTIONS = ls(
  'Saken er oppdatert av saksbehandler.',
  'Saka er oppdatert av sakshandsamar.',
  'The case was updated by a case officer.',
);

/** Turns the markdown details into what a legacy HTML service owner would have sent. */
export function markdownToLegacyHtml(markdown: string): string {
  const escaped = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inline = (s: string): string =>
    s
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/\*([^*]+)\*/g, '<em>$1</em>')
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
  return escaped
    .split(/\n{2,}/)
    .map((block) => {
      if (/^#{1,6} /.test(block)) return `<h3>${inline(block.replace(/^#+ /, ''))}</h3>`;
      if (/^([-*]|\d+\.) /m.test(block))
        return `<ul>${block
          .split('\n')
          .map((l) => `<li>${inline(l.replace(/^([-*]|\d+\.) /, ''))}</li>`)
          .join('')}</ul>`;
      return `<p>${inline(block).replace(/\n/g, '<br>')}</p>`;
    })
    .join('');
}

/** The same text without markdown syntax, for `text/plain` fields. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/^#+ /gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/^> /gm, '')
    .replace(/^-{3,}$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
