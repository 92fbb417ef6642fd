import { describeScope, PRODUCT_GROUP_LABELS, PRODUCT_GROUP_ORDER, SCOPE_CATALOGUE } from './catalogue';
import type { Bilingual, FeatureId, ProductGroup } from './catalogue';
import { FEATURES } from './features';

export interface FeatureStatus {
  readonly feature: FeatureId;
  readonly satisfied: boolean;
  /** The scopes to ask for: for each unmet requirement, its preferred scope. */
  readonly missing: string[];
  /** The feature serves only a person or a system user, and the token is neither: scopes alone will not help. */
  readonly needsEndUser: boolean;
}

export interface ChecklistIdentity {
  /** Whether the token is a person or a system user (see `tokenUserType`); undefined when not known. */
  readonly endUser?: boolean;
}

/** For every feature, whether the granted scopes (and, where the API needs one, an end user) are enough, and what is missing. */
export function featureChecklist(grantedScopes: readonly string[], identity: ChecklistIdentity = {}): FeatureStatus[] {
  const granted = new Set(grantedScopes);
  return FEATURES.map((feature) => {
    const missing = feature.requires
      .filter((anyOf) => !anyOf.some((scope) => granted.has(scope)))
      .map(([preferred]) => preferred);
    const needsEndUser = feature.needsEndUser === true && identity.endUser === false;
    return { feature: feature.id, satisfied: missing.length === 0 && !needsEndUser, missing, needsEndUser };
  });
}

/** Splits a token's `scope` claim (space-separated) into scopes. */
export function parseScopeClaim(claim: string | undefined): string[] {
  return (claim ?? '').split(/\s+/).filter((scope) => scope !== '');
}

export interface ScopeGroup {
  readonly product: ProductGroup | 'other';
  readonly label: Bilingual;
  readonly scopes: string[];
}

const OTHER_LABEL: Bilingual = { en: 'Other scopes', nb: 'Andre scopes' };

/**
 * Scopes grouped by product, groups and known scopes in catalogue order, unknown scopes last under
 * "other" in the order given; duplicates removed, empty groups left out.
 */
export function groupScopesByProduct(scopes: readonly string[]): ScopeGroup[] {
  const byProduct = new Map<ProductGroup | 'other', string[]>();
  const catalogueIndex = (scope: string) => {
    const index = SCOPE_CATALOGUE.findIndex((info) => info.scope === scope);
    return index === -1 ? SCOPE_CATALOGUE.length : index;
  };
  const ordered = [...new Set(scopes)].sort((a, b) => catalogueIndex(a) - catalogueIndex(b));
  for (const scope of ordered) {
    const product = describeScope(scope)?.product ?? 'other';
    byProduct.set(product, [...(byProduct.get(product) ?? []), scope]);
  }
  return [...PRODUCT_GROUP_ORDER, 'other' as const]
    .filter((product) => byProduct.has(product))
    .map((product) => ({
      product,
      label: product === 'other' ? OTHER_LABEL : PRODUCT_GROUP_LABELS[product],
      scopes: byProduct.get(product)!,
    }));
}
