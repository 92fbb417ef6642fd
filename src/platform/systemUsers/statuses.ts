/** Request statuses as Altinn's system-user guides list them; `timedOut` is a separate flag (SYSTEM-USERS reference §3.4). */
export const REQUEST_STATUSES = ['New', 'Accepted', 'Rejected', 'Denied', 'Timedout'] as const;
export const CHANGE_REQUEST_STATUSES = [...REQUEST_STATUSES, 'NoChangeNeeded'] as const;
/** A status this client does not know yet stays readable as its text. */
export type SystemUserRequestStatus = (typeof REQUEST_STATUSES)[number] | (string & {});
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number] | (string & {});
