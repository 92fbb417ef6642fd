import { z } from 'zod';
import { consumerType, dateTime, guid, localizations } from './primitives';

/** `url` may be `urn:dialogporten:unauthorized` or `urn:dialogporten:expired` instead of a real URL. */
export const attachmentUrlSchema = z.looseObject({
  /** Absent in the Feb-2025 API's transmission attachments. */
  id: guid.optional(),
  url: z.string(),
  mediaType: z.string().nullish(),
  consumerType: consumerType.optional(),
});

export const attachmentSchema = z.looseObject({
  id: guid,
  displayName: localizations.nullish(),
  name: z.string().nullish(),
  expiresAt: dateTime.nullish(),
  urls: z.array(attachmentUrlSchema).nullish(),
});

export type DialogAttachment = z.infer<typeof attachmentSchema>;
