/** Message texts for generated correspondences: plain-text titles and summaries, markdown bodies, per language. */

export type CorrespondenceLanguage = 'nb' | 'nn' | 'en';

export interface CorrespondenceText {
  readonly title: string;
  readonly summary: string;
  /** Markdown (CommonMark), as Correspondence requires for messageBody. */
  readonly body: string;
}

export interface TextVariables {
  readonly year: number;
  readonly period: string;
  readonly caseNumber: string;
  readonly recipientName: string;
  readonly amount: string;
}

type Template = Partial<Record<CorrespondenceLanguage, (v: TextVariables) => CorrespondenceText>>;

/** Keyed by bare resource id (as Correspondence spells `resourceId`). */
const TEMPLATES: Record<string, Template> = {
  'skd-skattemelding': {
    nb: (v) => ({
      title: `Skattemeldingen for ${v.year} er klar`,
      summary: `Kontroller opplysningene i skattemeldingen for ${v.year} og lever innen fristen.`,
      body: `## Skattemeldingen for ${v.year}\n\nHei ${v.recipientName},\n\nSkattemeldingen din er nå tilgjengelig. Du må:\n\n1. kontrollere at opplysningene stemmer,\n2. legge til det som mangler, og\n3. **levere** innen fristen.\n\nLes mer på [skatteetaten.no](https://www.skatteetaten.no/person/skatt/skattemelding/).\n\n> Saksnummer: \`${v.caseNumber}\``,
    }),
    nn: (v) => ({
      title: `Skattemeldinga for ${v.year} er klar`,
      summary: `Kontroller opplysningane i skattemeldinga for ${v.year} og lever innan fristen.`,
      body: `## Skattemeldinga for ${v.year}\n\nHei ${v.recipientName},\n\nSkattemeldinga di er no tilgjengeleg. Du må:\n\n- kontrollere at opplysningane stemmer,\n- leggje til det som manglar, og\n- **levere** innan fristen.\n\nSaksnummer: \`${v.caseNumber}\``,
    }),
    en: (v) => ({
      title: `Your ${v.year} tax return is ready`,
      summary: `Check the information in your ${v.year} tax return and submit it before the deadline.`,
      body: `## Tax return ${v.year}\n\nDear ${v.recipientName},\n\nYour tax return is now available. Please:\n\n1. check that the information is correct,\n2. add anything that is missing, and\n3. **submit** it before the deadline.\n\nCase number: \`${v.caseNumber}\``,
    }),
  },
  'skd-mva-melding': {
    nb: (v) => ({
      title: `Kvittering for mva-melding ${v.period}`,
      summary: `Mva-meldingen for ${v.period} er mottatt. Beløp å betale: ${v.amount} kr.`,
      body: `# Kvittering\n\nVi har mottatt mva-meldingen for **${v.period}**.\n\n| Post | Beløp |\n|---|---|\n| Utgående mva | ${v.amount} kr |\n\nBetal innen forfall for å unngå renter.`,
    }),
    en: (v) => ({
      title: `Receipt for VAT return ${v.period}`,
      summary: `The VAT return for ${v.period} has been received. Amount payable: NOK ${v.amount}.`,
      body: `# Receipt\n\nWe have received the VAT return for **${v.period}**.\n\nAmount payable: NOK ${v.amount}. Pay by the due date to avoid interest.`,
    }),
  },
  'skd-a-melding': {
    nb: (v) => ({
      title: `Avvik i a-meldingen for ${v.period}`,
      summary: `Vi har funnet avvik i a-meldingen for ${v.period} som må rettes.`,
      body: `## Avvik i a-meldingen\n\nFor perioden **${v.period}** fant vi:\n\n- manglende arbeidsforhold for én ansatt\n- feil i *yrkeskode*\n\nRett avvikene i neste a-melding. Se [veiledningen](https://www.skatteetaten.no/bedrift-og-organisasjon/arbeidsgiver/a-meldingen/).`,
    }),
  },
  'nav-sykmelding': {
    nb: (v) => ({
      title: 'Ny sykmelding er registrert',
      summary: `En sykmelding for en av dine ansatte er registrert (sak ${v.caseNumber}).`,
      body: `## Sykmelding\n\nEn ansatt hos ${v.recipientName} er sykmeldt.\n\n* Periode: ${v.period}\n* Sak: \`${v.caseNumber}\`\n\nSe detaljer og følg opp i [Min side – arbeidsgiver](https://arbeidsgiver.nav.no/).`,
    }),
    nn: (v) => ({
      title: 'Ny sjukmelding er registrert',
      summary: `Ei sjukmelding for ein av dei tilsette dine er registrert (sak ${v.caseNumber}).`,
      body: `## Sjukmelding\n\nEin tilsett hos ${v.recipientName} er sjukmeld.\n\n* Periode: ${v.period}\n* Sak: \`${v.caseNumber}\``,
    }),
  },
  'nav-inntektsmelding': {
    nb: (v) => ({
      title: 'Forespørsel om inntektsmelding',
      summary: `NAV trenger inntektsmelding for perioden ${v.period}.`,
      body: `## Vi trenger inntektsmelding\n\nSend inntektsmelding for perioden **${v.period}** så snart som mulig.\n\n1. Logg inn i lønnssystemet ditt.\n2. Send inntektsmeldingen.\n\nSaksnummer: \`${v.caseNumber}\``,
    }),
    en: (v) => ({
      title: 'Request for income report',
      summary: `NAV needs an income report for the period ${v.period}.`,
      body: `## We need an income report\n\nPlease send the income report for **${v.period}** as soon as possible.\n\nCase number: \`${v.caseNumber}\``,
    }),
  },
  'brg-arsregnskap': {
    nb: (v) => ({
      title: `Årsregnskapet for ${v.year} er registrert`,
      summary: `Årsregnskapet for ${v.year} er kontrollert og registrert i Regnskapsregisteret.`,
      body: `# Årsregnskap ${v.year}\n\nÅrsregnskapet til **${v.recipientName}** er registrert.\n\nDu finner kopien i vedlegget. Gebyr: ${v.amount} kr.`,
    }),
    nn: (v) => ({
      title: `Årsrekneskapen for ${v.year} er registrert`,
      summary: `Årsrekneskapen for ${v.year} er kontrollert og registrert i Rekneskapsregisteret.`,
      body: `# Årsrekneskap ${v.year}\n\nÅrsrekneskapen til **${v.recipientName}** er registrert.\n\nDu finn kopien i vedlegget.`,
    }),
  },
  'digdir-testmelding': {
    nb: (v) => ({
      title: 'Testmelding fra Digitaliseringsdirektoratet',
      summary: 'Dette er en testmelding i tt02. Den krever ingen handling.',
      body: `Dette er en **testmelding** sendt til ${v.recipientName}.\n\n- Miljø: tt02\n- Referanse: \`${v.caseNumber}\`\n\n\`\`\`json\n{ "test": true, "year": ${v.year} }\n\`\`\``,
    }),
    en: (v) => ({
      title: 'Test message from the Norwegian Digitalisation Agency',
      summary: 'This is a test message in tt02. No action is required.',
      body: `This is a **test message** sent to ${v.recipientName}.\n\n- Environment: tt02\n- Reference: \`${v.caseNumber}\``,
    }),
  },
  'altinn-correspondence-test': {
    nb: (v) => ({
      title: 'Test av Altinn melding (Correspondence)',
      summary: 'Melding for å teste mottak, lesing og bekreftelse.',
      body: `### Test av mottak\n\nMarker meldingen som lest, og bekreft den hvis det kreves.\n\n_Sendt til ${v.recipientName}, referanse ${v.caseNumber}._`,
    }),
    en: (v) => ({
      title: 'Altinn Correspondence test message',
      summary: 'A message for testing receipt, reading and confirmation.',
      body: `### Receipt test\n\nMark the message as read, and confirm it when required.\n\n_Sent to ${v.recipientName}, reference ${v.caseNumber}._`,
    }),
  },
};

export function availableLanguages(resourceId: string): CorrespondenceLanguage[] {
  return Object.keys(TEMPLATES[resourceId] ?? { nb: true }) as CorrespondenceLanguage[];
}

export function correspondenceText(
  resourceId: string,
  language: CorrespondenceLanguage,
  variables: TextVariables,
): CorrespondenceText {
  const template = TEMPLATES[resourceId] ?? TEMPLATES['digdir-testmelding'];
  const render = template[language] ?? template.nb;
  if (!render) throw new Error(`no text for ${resourceId}`);
  return render(variables);
}
