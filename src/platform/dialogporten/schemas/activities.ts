import { z } from 'zod';
import { activityType, actor, dateTime, guid, localizations } from './primitives';

const activityFields = {
  id: guid,
  createdAt: dateTime.nullish(),
  extendedType: z.string().nullish(),
  type: activityType,
  transmissionId: guid.nullish(),
  /** Only set for `Information` activities. */
  description: localizations.nullish(),
};

/** An activity inside `Dialog.activities`, and GET …/activities/{activityId}. */
export const activitySchema = z.looseObject({ ...activityFields, performedBy: actor });

/** `DialogListItem.latestActivity`. */
export const activityListItemSchema = activitySchema;

/** An item of GET …/dialogs/{id}/activities (no `performedBy` here). */
export const activitySearchItemSchema = z.looseObject({ ...activityFields, performedBy: actor.optional() });
export const activityListSchema = z.array(activitySearchItemSchema);

export type DialogActivity = z.infer<typeof activitySchema>;
export type DialogActivitySearchItem = z.infer<typeof activitySearchItemSchema>;
