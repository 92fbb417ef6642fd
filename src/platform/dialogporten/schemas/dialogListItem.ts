import { z } from 'zod';
import { activityListItemSchema } from './activities';
import { dialogCommonFields } from './dialog';
import { contentValue } from './primitives';

/** The content summary in search results; null for API-only dialogs without content. */
export const contentSummarySchema = z.looseObject({
  title: contentValue,
  summary: contentValue.nullish(),
  senderName: contentValue.nullish(),
  extendedStatus: contentValue.nullish(),
});

export const dialogListItemSchema = z.looseObject({
  ...dialogCommonFields,
  guiAttachmentCount: z.number().int().nullish(),
  latestActivity: activityListItemSchema.nullish(),
  content: contentSummarySchema.nullish(),
});

/** GET /api/v1/enduser/dialogs: one page; pass `continuationToken` back verbatim while `hasNextPage`. */
export const dialogSearchPageSchema = z.looseObject({
  /** Null in the document's terms; read as an empty page. */
  items: z
    .array(dialogListItemSchema)
    .nullish()
    .transform((items) => items ?? []),
  hasNextPage: z.boolean(),
  continuationToken: z.string().nullish(),
  orderBy: z.string().optional(),
});

export type DialogListItem = z.infer<typeof dialogListItemSchema>;
export type DialogSearchPage = z.infer<typeof dialogSearchPageSchema>;
