import type { Localizer } from './localizer';
import { humanize } from './text';

/**
 * What people call the API's enum values, translated. Values the API adds later fall back to `humanize`, so they
 * still read as words. The tree and the dialog panel both name things through these.
 */

export function systemLabelName(label: string, l10n: Localizer): string {
  switch (label) {
    case 'Default':
      return l10n.t('Inbox');
    case 'Bin':
      return l10n.t('Bin');
    case 'Archive':
      return l10n.t('Archive');
    case 'MarkedAsUnopened':
      return l10n.t('Marked as unopened');
    case 'Sent':
      return l10n.t('Sent');
    default:
      return humanize(label);
  }
}

export function dialogStatusName(status: string, l10n: Localizer): string {
  switch (status) {
    case 'NotApplicable':
      return l10n.t('No status');
    case 'InProgress':
      return l10n.t('In progress');
    case 'Draft':
      return l10n.t('Draft');
    case 'Awaiting':
      return l10n.t('Awaiting');
    case 'RequiresAttention':
      return l10n.t('Requires attention');
    case 'Completed':
      return l10n.t('Completed');
    default:
      return humanize(status);
  }
}

export function transmissionTypeName(type: string, l10n: Localizer): string {
  switch (type) {
    case 'Information':
      return l10n.t('Information');
    case 'Acceptance':
      return l10n.t('Acceptance');
    case 'Rejection':
      return l10n.t('Rejection');
    case 'Request':
      return l10n.t('Request');
    case 'Alert':
      return l10n.t('Alert');
    case 'Decision':
      return l10n.t('Decision');
    case 'Submission':
      return l10n.t('Submission');
    case 'Correction':
      return l10n.t('Correction');
    default:
      return humanize(type);
  }
}

export function activityTypeName(type: string, l10n: Localizer): string {
  switch (type) {
    case 'DialogCreated':
      return l10n.t('Dialog created');
    case 'DialogClosed':
      return l10n.t('Dialog closed');
    case 'Information':
      return l10n.t('Information');
    case 'TransmissionOpened':
      return l10n.t('Transmission opened');
    case 'PaymentMade':
      return l10n.t('Payment made');
    case 'SignatureProvided':
      return l10n.t('Signature provided');
    case 'DialogOpened':
      return l10n.t('Dialog opened');
    case 'DialogDeleted':
      return l10n.t('Dialog deleted');
    case 'DialogRestored':
      return l10n.t('Dialog restored');
    case 'SentToSigning':
      return l10n.t('Sent to signing');
    case 'SentToFormFill':
      return l10n.t('Sent to form filling');
    case 'SentToSendIn':
      return l10n.t('Sent to submission');
    case 'SentToPayment':
      return l10n.t('Sent to payment');
    case 'FormSubmitted':
      return l10n.t('Form submitted');
    case 'FormSaved':
      return l10n.t('Form saved');
    case 'CorrespondenceOpened':
      return l10n.t('Correspondence opened');
    case 'CorrespondenceConfirmed':
      return l10n.t('Correspondence confirmed');
    default:
      return humanize(type);
  }
}

/** Transmission types the party sends (the rest come from the service owner). */
const SENT_BY_PARTY: ReadonlySet<string> = new Set(['Submission', 'Correction']);

export function isSentByParty(transmissionType: string): boolean {
  return SENT_BY_PARTY.has(transmissionType);
}
