import { z } from 'zod';
import { dateTime, guid, guiActionPriority, httpVerb, localizations } from './primitives';

/** A button for browser frontends; `url` is `urn:dialogporten:unauthorized` when `isAuthorized` is false. */
export const guiActionSchema = z.looseObject({
  id: guid,
  action: z.string(),
  url: z.string(),
  authorizationAttribute: z.string().nullish(),
  isAuthorized: z.boolean().optional(),
  isDeleteDialogAction: z.boolean().optional(),
  priority: guiActionPriority,
  httpMethod: httpVerb.optional(),
  title: localizations.nullish(),
  prompt: localizations.nullish(),
});

export const apiActionEndpointSchema = z.looseObject({
  id: guid.optional(),
  version: z.string().nullish(),
  url: z.string(),
  httpMethod: httpVerb.optional(),
  documentationUrl: z.string().nullish(),
  requestSchema: z.string().nullish(),
  responseSchema: z.string().nullish(),
  deprecated: z.boolean().optional(),
  sunsetAt: dateTime.nullish(),
});

export const apiActionSchema = z.looseObject({
  id: guid,
  action: z.string(),
  name: z.string().nullish(),
  authorizationAttribute: z.string().nullish(),
  isAuthorized: z.boolean().optional(),
  endpoints: z.array(apiActionEndpointSchema).nullish(),
});

export type DialogGuiAction = z.infer<typeof guiActionSchema>;
export type DialogApiAction = z.infer<typeof apiActionSchema>;
