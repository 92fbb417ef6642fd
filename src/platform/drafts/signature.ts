import type { ContactPerson, DraftLanguage } from './types';

const LABELS = {
  nb: { heading: 'Kontaktperson:', name: 'Navn', email: 'E-post', phone: 'Telefon', closing: 'Med vennlig hilsen' },
  en: { heading: 'Contact person:', name: 'Name', email: 'E-mail', phone: 'Phone', closing: 'Kind regards,' },
} as const;

/** The contact block: heading, name, e-mail and (when given) phone. */
export function contactLines(contact: ContactPerson, language: DraftLanguage): string[] {
  const label = LABELS[language];
  return [
    label.heading,
    `${label.name}: ${contact.name}`,
    `${label.email}: ${contact.email}`,
    ...(contact.phone ? [`${label.phone}: ${contact.phone}`] : []),
  ];
}

/** Closing greeting with the contact's name and organisation. */
export function closingLines(contact: ContactPerson, organisationName: string, language: DraftLanguage): string[] {
  return [LABELS[language].closing, contact.name, organisationName];
}
