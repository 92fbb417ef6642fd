import { activityListSchema, activitySchema } from './activities';
import { dialogSchema } from './dialog';
import { dialogListItemSchema, dialogSearchPageSchema } from './dialogListItem';
import { dialogLookupSchema } from './dialogLookup';
import { dialogTokenClaimsSchema, jwksSchema } from './dialogToken';
import { labelLogSchema } from './labelLog';
import { limitsSchema } from './limits';
import { partiesSchema } from './parties';
import { DIALOGPORTEN_PAYLOAD_NAMES as NAMES } from './payloadNames';
import { problemDetailsSchema } from './problemDetails';
import { seenLogListSchema, seenLogSchema } from './seenLogs';
import { authorizedServiceResourcesSchema } from './serviceResources';
import { transmissionDetailsSchema, transmissionListSchema } from './transmissions';

/** Every end-user response shape by name, with the name a person would recognise in an error message (zod: in the dist/schemas.js chunk). */
export const dialogportenSchemas = {
  parties: { payload: NAMES.parties, schema: partiesSchema },
  dialogSearchPage: { payload: NAMES.dialogSearchPage, schema: dialogSearchPageSchema },
  dialogListItem: { payload: NAMES.dialogListItem, schema: dialogListItemSchema },
  dialog: { payload: NAMES.dialog, schema: dialogSchema },
  transmissions: { payload: NAMES.transmissions, schema: transmissionListSchema },
  transmission: { payload: NAMES.transmission, schema: transmissionDetailsSchema },
  activities: { payload: NAMES.activities, schema: activityListSchema },
  activity: { payload: NAMES.activity, schema: activitySchema },
  seenLogs: { payload: NAMES.seenLogs, schema: seenLogListSchema },
  seenLog: { payload: NAMES.seenLog, schema: seenLogSchema },
  labelLog: { payload: NAMES.labelLog, schema: labelLogSchema },
  dialogLookup: { payload: NAMES.dialogLookup, schema: dialogLookupSchema },
  serviceResources: { payload: NAMES.serviceResources, schema: authorizedServiceResourcesSchema },
  limits: { payload: NAMES.limits, schema: limitsSchema },
  dialogTokenClaims: { payload: NAMES.dialogTokenClaims, schema: dialogTokenClaimsSchema },
  jwks: { payload: NAMES.jwks, schema: jwksSchema },
  problemDetails: { payload: NAMES.problemDetails, schema: problemDetailsSchema },
} as const;
