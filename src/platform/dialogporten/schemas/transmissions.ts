import { z } from 'zod';
import { attachmentSchema } from './attachments';
import { actor, contentValue, dateTime, guid, localizations, transmissionType } from './primitives';

export const transmissionContentSchema = z.looseObject({
  title: contentValue,
  summary: contentValue.nullish(),
  /** A front-channel embed (fetch it with the dialog token). */
  contentReference: contentValue.nullish(),
});

export const navigationalActionSchema = z.looseObject({
  title: localizations.nullish(),
  url: z.string(),
  expiresAt: dateTime.nullish(),
});

const transmissionFields = {
  id: guid,
  createdAt: dateTime,
  authorizationAttribute: z.string().nullish(),
  isAuthorized: z.boolean().optional(),
  extendedType: z.string().nullish(),
  externalReference: z.string().nullish(),
  relatedTransmissionId: guid.nullish(),
  type: transmissionType,
  sender: actor,
  content: transmissionContentSchema,
  attachments: z.array(attachmentSchema).nullish(),
  navigationalActions: z.array(navigationalActionSchema).nullish(),
};

/** A transmission inside `Dialog.transmissions`. */
export const dialogTransmissionSchema = z.looseObject({
  ...transmissionFields,
  isOpened: z.boolean().optional(),
});

/** An item of GET …/dialogs/{id}/transmissions. */
export const transmissionListItemSchema = z.looseObject({
  ...transmissionFields,
  deletedAt: dateTime.nullish(),
});

/** GET …/dialogs/{id}/transmissions/{transmissionId}. */
export const transmissionDetailsSchema = transmissionListItemSchema;

export const transmissionListSchema = z.array(transmissionListItemSchema);

export type DialogTransmission = z.infer<typeof dialogTransmissionSchema>;
export type TransmissionListItem = z.infer<typeof transmissionListItemSchema>;
export type TransmissionDetails = z.infer<typeof transmissionDetailsSchema>;
