/** The name a person would recognise in an error message, for each end-user response shape. */
export const DIALOGPORTEN_PAYLOAD_NAMES = {
  parties: 'Parties',
  dialogSearchPage: 'Dialog search page',
  dialogListItem: 'Dialog list item',
  dialog: 'Dialog',
  transmissions: 'Transmission list',
  transmission: 'Transmission',
  activities: 'Activity list',
  activity: 'Activity',
  seenLogs: 'Seen log',
  seenLog: 'Seen log entry',
  labelLog: 'Label log',
  dialogLookup: 'Dialog lookup',
  serviceResources: 'Authorized service resources',
  dialogTokenClaims: 'Dialog token claims',
  jwks: 'Dialogporten JWKS',
  problemDetails: 'ProblemDetails',
} as const;
