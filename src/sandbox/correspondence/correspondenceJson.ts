import { parsePartyUrn } from '../../platform/identifiers';
import type {
  SandboxAttachment,
  SandboxCorrespondence,
  SandboxNotificationOrder,
  StatusEvent,
} from '../data/correspondenceTypes';

/** Maps the sandbox model to the API's JSON shapes (`CorrespondenceOverviewExt`, `CorrespondenceDetailsExt`). */

export function toOverviewJson(c: SandboxCorrespondence, current: StatusEvent): Record<string, unknown> {
  return {
    ...commonFields(c, current),
    notifications: c.notifications.map((n) => ({
      notificationOrderId: n.notificationOrderId,
      isReminder: n.isReminder,
    })),
  };
}

export function toDetailsJson(c: SandboxCorrespondence, current: StatusEvent, nowMs: number): Record<string, unknown> {
  return {
    ...commonFields(c, current),
    notifications: c.notifications.map((n) => notificationJson(c, n, nowMs)),
    statusHistory: c.statusHistory.map((e) => ({
      status: e.status,
      statusText: e.statusText,
      statusChanged: e.statusChanged,
    })),
  };
}

function commonFields(c: SandboxCorrespondence, current: StatusEvent): Record<string, unknown> {
  return {
    correspondenceId: c.correspondenceId,
    resourceId: c.resourceId,
    sender: c.sender,
    sendersReference: c.sendersReference,
    messageSender: c.messageSender,
    content: {
      language: c.language,
      messageTitle: c.messageTitle,
      messageSummary: c.messageSummary,
      messageBody: c.messageBody,
      attachments: c.attachments.map(attachmentJson),
    },
    requestedPublishTime: c.requestedPublishTime,
    allowSystemDeleteAfter: c.allowSystemDeleteAfter,
    dueDateTime: c.dueDateTime,
    externalReferences: c.externalReferences.map((r) => ({
      referenceValue: r.referenceValue,
      referenceType: r.referenceType,
    })),
    propertyList: { ...c.propertyList },
    replyOptions: c.replyOptions.map((r) => ({ linkURL: r.linkURL, linkText: r.linkText })),
    ignoreReservation: c.ignoreReservation,
    published: c.published,
    isConfirmationNeeded: c.isConfirmationNeeded,
    isConfidential: c.isConfidential,
    recipient: c.recipient,
    created: c.created,
    status: current.status,
    statusText: current.statusText,
    statusChanged: current.statusChanged,
    altinn2CorrespondenceId: c.altinn2CorrespondenceId,
  };
}

function attachmentJson(a: SandboxAttachment): Record<string, unknown> {
  return {
    id: a.id,
    fileName: a.fileName,
    displayName: a.displayName,
    isEncrypted: false,
    checksum: a.checksum,
    sendersReference: a.sendersReference,
    dataLocationType: 'AltinnCorrespondenceAttachment',
    created: a.created,
    status: a.status,
    statusText: a.status,
    statusChanged: a.statusChanged,
    expirationTime: a.expirationTime,
    dataType: a.dataType,
  };
}

function notificationJson(
  c: SandboxCorrespondence,
  n: SandboxNotificationOrder,
  nowMs: number,
): Record<string, unknown> {
  const party = parsePartyUrn(c.recipient);
  const recipient = {
    emailAddress: n.emailAddress ?? null,
    mobileNumber: n.mobileNumber ?? null,
    organizationNumber: party?.kind === 'organization' ? party.organisationNumber : null,
    nationalIdentityNumber: party?.kind === 'person' ? party.nationalIdentityNumber : null,
    isReserved: false,
  };
  const sent = Date.parse(n.requestedSendTime) <= nowMs;
  const delivery = {
    id: n.notificationOrderId,
    succeeded: sent,
    recipient,
    sendStatus: sent
      ? {
          status: n.channel === 'Sms' ? 'Accepted' : 'Succeeded',
          description:
            n.channel === 'Sms'
              ? 'The SMS has been accepted by the gateway service provider.'
              : 'The email has been accepted by the third party email service and will be sent shortly.',
          lastUpdate: n.requestedSendTime,
        }
      : {
          status: 'New',
          description: 'The notification has been created, but has not been picked up for processing yet.',
          lastUpdate: n.created,
        },
  };
  return {
    id: n.notificationOrderId,
    sendersReference: c.sendersReference,
    requestedSendTime: n.requestedSendTime,
    creator: c.senderCode,
    created: n.created,
    isReminder: n.isReminder,
    notificationChannel: n.channel,
    ignoreReservation: c.ignoreReservation,
    resourceId: c.resourceId,
    processingStatus: sent
      ? {
          status: 'Completed',
          description: 'Order processing is completed. All notifications have been generated.',
          lastUpdate: n.requestedSendTime,
        }
      : {
          status: 'Registered',
          description: 'Order has been registered and is awaiting requested send time before processing.',
          lastUpdate: n.created,
        },
    notificationStatusDetails:
      n.channel === 'Sms'
        ? { sms: delivery, smses: [delivery], emails: [] }
        : { email: delivery, emails: [delivery], smses: [] },
  };
}
