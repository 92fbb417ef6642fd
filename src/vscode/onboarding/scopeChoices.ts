// vscode-free: the scope picker's content, grouped by product, with what is preselected and already granted.
import { comesWithRegistrationForm } from '../../platform/drafts';
import {
  describeScope,
  featureChecklist,
  groupScopesByProduct,
  SCOPE_CATALOGUE,
  type Bilingual,
  type ProductGroup,
} from '../../platform/scopes';

export interface ScopeChoice {
  readonly scope: string;
  /** One line on what it unlocks (undefined for scopes the catalogue does not know). */
  readonly purpose?: Bilingual;
  /** Already on the active profile's token. */
  readonly granted: boolean;
  readonly picked: boolean;
  /** False for scopes meant for service owners or Altinn itself (shown only when preselected). */
  readonly forVendors: boolean;
  /** A system-user scope that comes with the vendor registration form, not from servicedesk: never preselected. */
  readonly viaRegistrationForm: boolean;
}

export interface ScopeChoiceGroup {
  readonly product: ProductGroup | 'other';
  readonly label: Bilingual;
  readonly choices: readonly ScopeChoice[];
}

/** The scopes the token lacks for the features it does not cover yet, each once, in catalogue order. */
export function missingScopes(grantedScopes: readonly string[]): string[] {
  const missing = featureChecklist(grantedScopes).flatMap((status) => status.missing);
  return groupScopesByProduct(missing).flatMap((group) => group.scopes);
}

/**
 * The catalogue's vendor scopes grouped by product (Dialogporten, Correspondence, Authentication,
 * Events, Access management), plus any preselected scope outside it (a service-owner scope, or one the
 * catalogue does not know, under "Other scopes"). The system-user scopes are offered but never preselected:
 * they come with the vendor registration form (platform/drafts/registrationForm.ts).
 */
export function scopeChoiceGroups(options: {
  preselected: readonly string[];
  granted: readonly string[];
}): ScopeChoiceGroup[] {
  const preselected = new Set(options.preselected);
  const granted = new Set(options.granted);
  const offered = [
    ...SCOPE_CATALOGUE.filter((info) => info.forVendors || preselected.has(info.scope)).map((info) => info.scope),
    ...options.preselected,
  ];
  return groupScopesByProduct(offered).map((group) => ({
    product: group.product,
    label: group.label,
    choices: group.scopes.map((scope) => {
      const info = describeScope(scope);
      const viaRegistrationForm = comesWithRegistrationForm(scope);
      return {
        scope,
        purpose: info?.purpose,
        granted: granted.has(scope),
        picked: preselected.has(scope) && !viaRegistrationForm,
        forVendors: info?.forVendors ?? true,
        viaRegistrationForm,
      };
    }),
  }));
}

const SCOPE_SYNTAX = /^[a-z0-9][\w.-]*:[\w./-]+$/i;

/** Scopes typed by hand (space, comma or line separated): the valid ones, and the first problem. */
export function parseTypedScopes(text: string): { scopes: string[]; problem?: string } {
  const scopes = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  const bad = scopes.find((scope) => !SCOPE_SYNTAX.test(scope));
  if (bad)
    return { scopes, problem: `"${bad}" does not look like a scope (prefix:name, e.g. altinn:correspondence.read).` };
  return { scopes };
}
