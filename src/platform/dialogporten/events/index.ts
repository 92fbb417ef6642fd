export { DialogEventsSubscription, dialogEventsSubscriptionQuery, tokenExpiry } from './dialogEventsClient';
export type { DialogEvent, DialogEventType, DialogEventsOptions, StreamConnector, StreamRequest, StreamResponse, SubscriptionStatus, TokenRequestReason } from './dialogEventsClient';
export { SseParser } from './sseParser';
export type { ServerSentEvent } from './sseParser';
