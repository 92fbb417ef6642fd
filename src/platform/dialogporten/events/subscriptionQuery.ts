const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The subscription with the dialog id written into the query text. Dialogporten's `enduserSubscription` policy reads
 * the `dialogId` argument's literal value (Altinn/dialogporten, src/Digdir.Domain.Dialogporten.GraphQL/Common/
 * Extensions/HotChocolate/AuthorizationHandlerContextExtensions.cs); for a `$variable` that value is the variable's
 * name, so a variable is always refused. Arbeidsflate writes the id in too (Altinn/dialogporten-frontend,
 * packages/frontend/src/api/subscription.ts). Only a checked UUID is ever written into the text.
 */
export function dialogEventsSubscriptionQuery(dialogId: string): string {
  if (!UUID.test(dialogId))
    throw new Error(`"${dialogId.slice(0, 60)}" is not a dialog id (a UUID); live updates need one.`);
  return `subscription dialogEvents { dialogEvents(dialogId: "${dialogId.toLowerCase()}") { id type } }`;
}
