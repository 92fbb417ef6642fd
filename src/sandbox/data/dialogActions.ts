// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/Get/DialogDto.cs
/** The GUI actions, API actions and navigational actions of a generated dialog. */

import type { SeededRandom } from '../core/random';
import type { DialogPlan } from './dialogPlan';
import { ACTION_TITLES, DELETE_PROMPT } from './dialogTexts';
import type { DialogIndexFields, Localization } from './dialogTypes';
import { fastUuidV7 } from './dialogIds';
import { DAY, EXPIRED_URL, UNAUTHORIZED_URL, iso, localize } from './dialogJsonValues';

export function navigationalAction(
  random: SeededRandom,
  plan: DialogPlan,
  url: string,
  at: number,
): Record<string, unknown> {
  const expired = random.chance(0.3);
  return {
    title: localize(plan, (l) => ACTION_TITLES.open[l]),
    url: expired ? EXPIRED_URL : url,
    expiresAt: expired ? iso(at + DAY) : random.chance(0.5) ? iso(at + 90 * DAY) : null,
  };
}

export function buildGuiActions(
  random: SeededRandom,
  plan: DialogPlan,
  fields: DialogIndexFields,
  actionUrl: (name: string) => string,
): Record<string, unknown>[] {
  const actions: Record<string, unknown>[] = [];
  const add = (
    name: keyof typeof ACTION_TITLES,
    init: {
      action: string;
      priority: string;
      httpMethod: string;
      authorizationAttribute?: string;
      isDeleteDialogAction?: boolean;
      prompt?: Localization[] | null;
    },
  ): void => {
    const isAuthorized = !init.authorizationAttribute || !random.chance(0.3);
    actions.push({
      id: fastUuidV7(random, fields.createdAtMs),
      action: init.action,
      url: isAuthorized ? actionUrl(name) : UNAUTHORIZED_URL,
      authorizationAttribute: init.authorizationAttribute ?? null,
      isAuthorized,
      isDeleteDialogAction: init.isDeleteDialogAction ?? false,
      priority: init.priority,
      httpMethod: init.httpMethod,
      title: localize(plan, (l) => ACTION_TITLES[name][l]),
      prompt: init.prompt ?? null,
    });
  };
  add('open', { action: 'read', priority: 'Primary', httpMethod: 'GET' });
  if (plan.correspondenceId) {
    add('confirm', { action: 'write', priority: 'Secondary', httpMethod: 'POST' });
    return actions;
  }
  if (random.chance(0.4))
    add('sign', {
      action: 'sign',
      priority: 'Secondary',
      httpMethod: 'POST',
      authorizationAttribute: 'urn:altinn:subresource:signing',
    });
  else if (random.chance(0.3))
    add('pay', {
      action: 'pay',
      priority: 'Secondary',
      httpMethod: 'POST',
      prompt: localize(plan, (l) => (l === 'en' ? 'Pay now?' : 'Betale nå?')),
    });
  if (fields.status === 'Draft' || random.chance(0.15))
    add('delete', {
      action: 'delete',
      priority: 'Tertiary',
      httpMethod: 'DELETE',
      isDeleteDialogAction: true,
      prompt: localize(plan, (l) => DELETE_PROMPT[l]),
    });
  return actions;
}

export function buildApiActions(
  random: SeededRandom,
  plan: DialogPlan,
  actionUrl: (name: string) => string,
  correspondenceBase?: string,
): Record<string, unknown>[] {
  const endpoint = (init: {
    url: string;
    httpMethod: string;
    version?: string;
    deprecated?: boolean;
    sunsetAtMs?: number;
    schemas?: boolean;
  }): Record<string, unknown> => ({
    id: fastUuidV7(random, plan.originalUpdatedAtMs),
    version: init.version ?? null,
    url: init.url,
    httpMethod: init.httpMethod,
    documentationUrl: init.schemas ? 'https://docs.altinn.studio/dialogporten/' : null,
    requestSchema:
      init.schemas && init.httpMethod !== 'GET'
        ? `https://schemas.${plan.owner.code}.example/${plan.theme.resource}/request.json`
        : null,
    responseSchema: init.schemas
      ? `https://schemas.${plan.owner.code}.example/${plan.theme.resource}/response.json`
      : null,
    deprecated: init.deprecated ?? false,
    sunsetAt: init.sunsetAtMs === undefined ? null : iso(init.sunsetAtMs),
  });
  if (correspondenceBase) {
    return [
      {
        id: fastUuidV7(random, plan.originalUpdatedAtMs),
        action: 'read',
        name: 'correspondence',
        authorizationAttribute: null,
        isAuthorized: true,
        endpoints: [
          endpoint({ url: correspondenceBase, httpMethod: 'GET', version: 'v1' }),
          endpoint({ url: `${correspondenceBase}/markasread`, httpMethod: 'POST', version: 'v1' }),
          endpoint({ url: `${correspondenceBase}/confirm`, httpMethod: 'POST', version: 'v1' }),
        ],
      },
    ];
  }
  const actions: Record<string, unknown>[] = [];
  const n = random.int(0, 2);
  for (let i = 0; i < n; i++) {
    const write = i === 1;
    const isAuthorized = !random.chance(0.15);
    actions.push({
      id: fastUuidV7(random, plan.originalUpdatedAtMs),
      action: write ? 'write' : 'read',
      name: write ? 'submit' : 'get-data',
      authorizationAttribute: isAuthorized ? null : 'urn:altinn:subresource:api',
      isAuthorized,
      endpoints: [
        endpoint({
          url: isAuthorized ? actionUrl(write ? 'api-submit' : 'api-read') : UNAUTHORIZED_URL,
          httpMethod: write ? 'POST' : 'GET',
          version: 'v2',
          schemas: true,
        }),
        ...(random.chance(0.4)
          ? [
              endpoint({
                url: isAuthorized ? actionUrl('api-read-v1') : UNAUTHORIZED_URL,
                httpMethod: 'GET',
                version: 'v1',
                deprecated: true,
                sunsetAtMs: plan.originalUpdatedAtMs + 180 * DAY,
              }),
            ]
          : []),
      ],
    });
  }
  return actions;
}
