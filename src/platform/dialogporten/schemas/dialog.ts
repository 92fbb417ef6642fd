import { z } from 'zod';
import { activitySchema } from './activities';
import { apiActionSchema, guiActionSchema } from './actions';
import { attachmentSchema } from './attachments';
import { contentValue, dateTime, dialogStatus, guid, systemLabel } from './primitives';
import { seenLogSchema } from './seenLogs';
import { dialogTransmissionSchema } from './transmissions';

/** The texts of a dialog; `mainContentReference` is a front-channel embed to fetch with the dialog token. */
export const contentSchema = z.looseObject({
  title: contentValue,
  summary: contentValue.nullish(),
  senderName: contentValue.nullish(),
  additionalInfo: contentValue.nullish(),
  extendedStatus: contentValue.nullish(),
  mainContentReference: contentValue.nullish(),
});

export const endUserContextSchema = z.looseObject({
  /** Send as `If-Match` when changing system labels. */
  revision: guid,
  systemLabels: z.array(systemLabel).nullish(),
});

/** Fields shared by the details (`Dialog`) and the search item (`DialogListItem`). */
export const dialogCommonFields = {
  id: guid,
  party: z.string().min(1),
  org: z.string().min(1),
  serviceResource: z.string().min(1),
  serviceResourceType: z.string().optional(),
  progress: z.number().int().nullish(),
  process: z.string().nullish(),
  precedingProcess: z.string().nullish(),
  extendedStatus: z.string().nullish(),
  externalReference: z.string().nullish(),
  createdAt: dateTime,
  updatedAt: dateTime,
  /** Missing in the Feb-2025 API. */
  contentUpdatedAt: dateTime.optional(),
  dueAt: dateTime.nullish(),
  status: dialogStatus,
  /** Deprecated single label (Default, Bin or Archive); the Feb-2025 API has only this. */
  systemLabel: systemLabel.optional(),
  endUserContext: endUserContextSchema.optional(),
  isApiOnly: z.boolean().optional(),
  hasUnopenedContent: z.boolean().optional(),
  isContentSeen: z.boolean().optional(),
  fromServiceOwnerTransmissionsCount: z.number().int().optional(),
  fromPartyTransmissionsCount: z.number().int().optional(),
  seenSinceLastUpdate: z.array(seenLogSchema).nullish(),
  seenSinceLastContentUpdate: z.array(seenLogSchema).nullish(),
};

/** GET /api/v1/enduser/dialogs/{dialogId}. */
export const dialogSchema = z.looseObject({
  ...dialogCommonFields,
  revision: guid,
  expiresAt: dateTime.nullish(),
  content: contentSchema,
  /** EdDSA JWT for front-channel embeds, attachments and actions; lives 10 minutes. */
  dialogToken: z.string().nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  transmissions: z.array(dialogTransmissionSchema).nullish(),
  guiActions: z.array(guiActionSchema).nullish(),
  apiActions: z.array(apiActionSchema).nullish(),
  activities: z.array(activitySchema).nullish(),
});

export type Dialog = z.infer<typeof dialogSchema>;
export type DialogContent = z.infer<typeof contentSchema>;
