/** The sandbox's own model of an Altinn correspondence (what the real service keeps in its database). */

/** Exactly the values of `CorrespondenceStatusExt` in the official OpenAPI document. */
export const CORRESPONDENCE_STATUSES = [
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
export type CorrespondenceStatus = (typeof CORRESPONDENCE_STATUSES)[number];

export type AttachmentStatus = 'Initialized' | 'UploadProcessing' | 'Published' | 'Purged' | 'Failed';

export type ReferenceType =
  | 'Generic'
  | 'AltinnAppInstance'
  | 'AltinnBrokerFileTransfer'
  | 'DialogportenDialogId'
  | 'DialogportenProcessId'
  | 'DialogportenTransmissionId';

export interface StatusEvent {
  readonly status: CorrespondenceStatus;
  readonly statusText: string;
  readonly statusChanged: string;
}

export interface SandboxAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly displayName: string;
  readonly dataType: string;
  readonly sendersReference: string;
  /** Lower-case hex MD5 of `bytes`. */
  readonly checksum: string;
  readonly created: string;
  readonly status: AttachmentStatus;
  readonly statusChanged: string;
  readonly expirationTime: string;
  readonly bytes: Buffer;
}

export interface SandboxNotificationOrder {
  readonly notificationOrderId: string;
  readonly isReminder: boolean;
  readonly channel: 'Email' | 'Sms' | 'EmailPreferred';
  readonly requestedSendTime: string;
  readonly created: string;
  /** Where it was sent (masked test address / number). */
  readonly emailAddress?: string;
  readonly mobileNumber?: string;
}

export interface SandboxCorrespondence {
  readonly correspondenceId: string;
  /** Bare resource id, e.g. `skd-skattemelding` (Correspondence does not use the `urn:altinn:resource:` prefix). */
  readonly resourceId: string;
  /** Party URN of the sending service owner. */
  readonly sender: string;
  readonly senderOrganisationNumber: string;
  readonly senderCode: string;
  readonly messageSender: string;
  readonly sendersReference: string;
  /** Party URN of the recipient (`urn:altinn:person:identifier-no:…` or `urn:altinn:organization:identifier-no:…`). */
  readonly recipient: string;
  readonly language: 'nb' | 'nn' | 'en';
  readonly messageTitle: string;
  readonly messageSummary: string;
  readonly messageBody: string;
  readonly attachments: readonly SandboxAttachment[];
  readonly requestedPublishTime: string;
  readonly published: string | null;
  readonly allowSystemDeleteAfter: string;
  readonly dueDateTime: string | null;
  readonly externalReferences: readonly { referenceType: ReferenceType; referenceValue: string }[];
  readonly propertyList: Readonly<Record<string, string>>;
  readonly replyOptions: readonly { linkURL: string; linkText: string }[];
  readonly notifications: readonly SandboxNotificationOrder[];
  readonly ignoreReservation: boolean;
  readonly isConfirmationNeeded: boolean;
  readonly isConfidential: boolean;
  readonly created: string;
  readonly altinn2CorrespondenceId: number | null;
  /** Mutable: the store appends Fetched, Read, Confirmed, … as the recipient acts. */
  readonly statusHistory: StatusEvent[];
}
