import { z } from 'zod';
import { actor, dateTime } from './primitives';

/** One label change: `name` like `systemlabel:Bin`, `action` `set` or `remove`. */
export const labelAssignmentSchema = z.looseObject({
  name: z.string(),
  action: z.string(),
  createdAt: dateTime,
  performedBy: actor,
});

export const labelLogSchema = z.array(labelAssignmentSchema);

export type LabelAssignment = z.infer<typeof labelAssignmentSchema>;
