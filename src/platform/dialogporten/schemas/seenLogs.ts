import { z } from 'zod';
import { actor, dateTime, guid } from './primitives';

/** A seen-log entry; person `actorId`s are masked as `urn:altinn:person:identifier-ephemeral:<hash>`. */
export const seenLogSchema = z.looseObject({
  id: guid,
  seenAt: dateTime,
  seenBy: actor,
  isViaServiceOwner: z.boolean().nullish(),
  isCurrentEndUser: z.boolean().optional(),
});

export const seenLogListSchema = z.array(seenLogSchema);

export type DialogSeenLog = z.infer<typeof seenLogSchema>;
