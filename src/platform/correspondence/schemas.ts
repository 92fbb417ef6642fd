import { z } from 'zod';

/**
 * zod schemas for the Correspondence recipient API, written from the official OpenAPI document
 * (shared/reference/correspondence/altinn-correspondence-v1.openapi.json). Every field the official schema lists as
 * required is required here (nullable where the official one is); other fields are optional and nullable. Unknown
 * fields pass through (`looseObject`) and unknown enum values are kept as strings, so a newer service version
 * (e.g. status `Forwarded`, which the source has and the published JSON lacks) does not break parsing.
 */

export const CORRESPONDENCE_STATUS_VALUES = [
  'Initialized',
  'ReadyForPublish',
  'Published',
  'Fetched',
  'Read',
  'Replied',
  'Confirmed',
  'PurgedByRecipient',
  'PurgedByAltinn',
  'Archived',
  'Reserved',
  'Failed',
  'AttachmentsDownloaded',
] as const;
/** The documented statuses, plus any string a newer API version may add. */
export type CorrespondenceStatus = (typeof CORRESPONDENCE_STATUS_VALUES)[number] | (string & {});

export const CORRESPONDENCE_ROLE_VALUES = ['Recipient', 'Sender', 'RecipientAndSender'] as const;
export type CorrespondenceRole = (typeof CORRESPONDENCE_ROLE_VALUES)[number];

export const REFERENCE_TYPE_VALUES = [
  'Generic',
  'AltinnAppInstance',
  'AltinnBrokerFileTransfer',
  'DialogportenDialogId',
  'DialogportenProcessId',
  'DialogportenTransmissionId',
] as const;
export type ReferenceType = (typeof REFERENCE_TYPE_VALUES)[number] | (string & {});

export const ATTACHMENT_STATUS_VALUES = ['Initialized', 'UploadProcessing', 'Published', 'Purged', 'Failed'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUS_VALUES)[number] | (string & {});

/** A string enum that keeps values it does not know (typed as the known union). */
function openEnum<T extends string>() {
  return z.string() as unknown as z.ZodType<T | (string & {})>;
}

const optionalString = z.string().nullish();
const optionalDateTime = z.string().nullish();
const optionalBoolean = z.boolean().nullish();

export const externalReferenceSchema = z.looseObject({
  referenceValue: z.string().nullable(),
  referenceType: openEnum<(typeof REFERENCE_TYPE_VALUES)[number]>(),
});

export const replyOptionSchema = z.looseObject({
  linkURL: z.string().nullable(),
  linkText: optionalString,
});

export const attachmentSchema = z.looseObject({
  id: z.string().optional(),
  fileName: optionalString,
  displayName: optionalString,
  isEncrypted: z.boolean().optional(),
  checksum: optionalString,
  sendersReference: z.string(),
  dataLocationType: openEnum<'AltinnCorrespondenceAttachment' | 'ExternalStorage'>(),
  created: z.string().optional(),
  status: openEnum<(typeof ATTACHMENT_STATUS_VALUES)[number]>().optional(),
  statusText: optionalString,
  statusChanged: z.string().optional(),
  expirationTime: z.string().optional(),
  dataType: optionalString,
});

export const contentSchema = z.looseObject({
  language: z.string().nullable(),
  messageTitle: z.string().nullable(),
  messageSummary: optionalString,
  /** Markdown. */
  messageBody: z.string().nullable(),
  attachments: z.array(attachmentSchema).nullable(),
});

export const notificationRecipientSchema = z.looseObject({
  emailAddress: optionalString,
  mobileNumber: optionalString,
  organizationNumber: optionalString,
  nationalIdentityNumber: optionalString,
  isReserved: optionalBoolean,
});

/** The notification order as sent (`InitializeCorrespondenceNotificationExt`); the recipient API may echo it. */
export const notificationRequestSchema = z.looseObject({
  notificationTemplate: openEnum<'CustomMessage' | 'GenericAltinnMessage'>(),
  emailSubject: optionalString,
  emailBody: optionalString,
  smsBody: optionalString,
  sendReminder: z.boolean().optional(),
  notificationChannel: optionalString,
  reminderNotificationChannel: optionalString,
  sendersReference: optionalString,
  requestedSendTime: optionalDateTime,
  customRecipients: z.array(notificationRecipientSchema).nullish(),
  customRecipient: notificationRecipientSchema.nullish(),
});

export const notificationOverviewSchema = z.looseObject({
  notificationOrderId: optionalString,
  isReminder: z.boolean().optional(),
});

const notificationStatusSchema = z.looseObject({
  status: optionalString,
  description: optionalString,
  lastUpdate: z.string().optional(),
});

const notificationDeliverySchema = z.looseObject({
  id: optionalString,
  succeeded: z.boolean().optional(),
  recipient: notificationRecipientSchema.nullish(),
  sendStatus: notificationStatusSchema.nullish(),
});

export const notificationDetailsSchema = z.looseObject({
  id: optionalString,
  sendersReference: optionalString,
  requestedSendTime: z.string().optional(),
  creator: optionalString,
  created: z.string().optional(),
  isReminder: z.boolean().optional(),
  notificationChannel: optionalString,
  ignoreReservation: optionalBoolean,
  resourceId: optionalString,
  processingStatus: notificationStatusSchema.nullish(),
  notificationStatusDetails: z
    .looseObject({
      email: notificationDeliverySchema.nullish(),
      sms: notificationDeliverySchema.nullish(),
      emails: z.array(notificationDeliverySchema).nullish(),
      smses: z.array(notificationDeliverySchema).nullish(),
    })
    .nullish(),
});

export const statusEventSchema = z.looseObject({
  status: openEnum<(typeof CORRESPONDENCE_STATUS_VALUES)[number]>().optional(),
  statusText: optionalString,
  statusChanged: z.string().optional(),
});

const correspondenceFields = {
  correspondenceId: z.string(),
  resourceId: z.string(),
  sendersReference: z.string(),
  recipient: z.string().nullable(),
  created: z.string(),
  /** Deprecated by Altinn; `messageSender` or the service owner's name is what the inbox shows. */
  sender: optionalString,
  messageSender: optionalString,
  content: contentSchema.nullish(),
  requestedPublishTime: optionalDateTime,
  allowSystemDeleteAfter: optionalDateTime,
  dueDateTime: optionalDateTime,
  externalReferences: z.array(externalReferenceSchema).nullish(),
  propertyList: z.record(z.string(), z.string()).nullish(),
  replyOptions: z.array(replyOptionSchema).nullish(),
  notification: notificationRequestSchema.nullish(),
  ignoreReservation: optionalBoolean,
  published: optionalDateTime,
  isConfirmationNeeded: z.boolean().optional(),
  isConfidential: z.boolean().optional(),
  status: openEnum<(typeof CORRESPONDENCE_STATUS_VALUES)[number]>().optional(),
  statusText: optionalString,
  statusChanged: z.string().optional(),
  altinn2CorrespondenceId: z.number().int().nullish(),
};

/** `CorrespondenceOverviewExt` (GET /correspondence/{id}). */
export const correspondenceOverviewSchema = z.looseObject({
  ...correspondenceFields,
  notifications: z.array(notificationOverviewSchema).nullish(),
});

/** `CorrespondenceDetailsExt` (GET /correspondence/{id}/details). */
export const correspondenceDetailsSchema = z.looseObject({
  ...correspondenceFields,
  notifications: z.array(notificationDetailsSchema).nullish(),
  statusHistory: z.array(statusEventSchema).nullish(),
});

/** `CorrespondencesExt` (GET /correspondence). */
export const correspondenceIdsSchema = z.looseObject({
  ids: z.array(z.string()).nullish(),
});

/** markasread / confirm / purge answer with the correspondence id as a JSON string. */
export const correspondenceIdResultSchema = z.string();

export type ExternalReference = z.infer<typeof externalReferenceSchema>;
export type ReplyOption = z.infer<typeof replyOptionSchema>;
export type CorrespondenceAttachment = z.infer<typeof attachmentSchema>;
export type CorrespondenceContent = z.infer<typeof contentSchema>;
export type CorrespondenceOverview = z.infer<typeof correspondenceOverviewSchema>;
export type CorrespondenceDetails = z.infer<typeof correspondenceDetailsSchema>;
export type CorrespondenceNotificationDetails = z.infer<typeof notificationDetailsSchema>;
export type CorrespondenceStatusEvent = z.infer<typeof statusEventSchema>;
