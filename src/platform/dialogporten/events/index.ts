export { DialogEventsSubscription, tokenExpiry } from './dialogEventsClient';
export type {
  DialogEvent,
  DialogEventType,
  DialogEventsOptions,
  SubscriptionStatus,
  TokenRequestReason,
} from './subscriptionTypes';
export { httpStreamConnector } from './streamConnection';
export type { StreamConnector, StreamRequest, StreamResponse } from './streamConnection';
export { dialogEventsSubscriptionQuery } from './subscriptionQuery';
export { SseParser } from './sseParser';
export type { ServerSentEvent } from './sseParser';
