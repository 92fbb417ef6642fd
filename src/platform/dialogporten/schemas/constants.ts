// Dialogporten's enumerations and placeholders, without zod, so the tree and the panel can use them without loading the
// schemas chunk (dist/schemas.js).

/** ISO 8601 date-time with a zone, any fraction length (.NET writes 7 digits). */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export const DIALOG_STATUSES = [
  'NotApplicable',
  'InProgress',
  'Draft',
  'Awaiting',
  'RequiresAttention',
  'Completed',
] as const;
export type DialogStatus = (typeof DIALOG_STATUSES)[number];

export const SYSTEM_LABELS = ['Default', 'Bin', 'Archive', 'MarkedAsUnopened', 'Sent'] as const;
export type SystemLabel = (typeof SYSTEM_LABELS)[number];

export const TRANSMISSION_TYPES = [
  'Information',
  'Acceptance',
  'Rejection',
  'Request',
  'Alert',
  'Decision',
  'Submission',
  'Correction',
] as const;
export type TransmissionType = (typeof TRANSMISSION_TYPES)[number];

export const ACTIVITY_TYPES = [
  'DialogCreated',
  'DialogClosed',
  'Information',
  'TransmissionOpened',
  'PaymentMade',
  'SignatureProvided',
  'DialogOpened',
  'DialogDeleted',
  'DialogRestored',
  'SentToSigning',
  'SentToFormFill',
  'SentToSendIn',
  'SentToPayment',
  'FormSubmitted',
  'FormSaved',
  'CorrespondenceOpened',
  'CorrespondenceConfirmed',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'] as const;

/** Placeholders Dialogporten puts where a URL is not for this user or no longer valid. */
export const UNAUTHORIZED_URL = 'urn:dialogporten:unauthorized';
export const EXPIRED_URL = 'urn:dialogporten:expired';
