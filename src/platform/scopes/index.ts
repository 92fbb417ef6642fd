export { SCOPE_CATALOGUE, PRODUCT_GROUP_LABELS, PRODUCT_GROUP_ORDER, describeScope } from './catalogue';
export type { Bilingual, FeatureId, ProductGroup, ReferenceFile, ScopeInfo } from './catalogue';
export { FEATURES, featureDefinition } from './features';
export type { FeatureDefinition, ScopeRequirement } from './features';
export { featureChecklist, groupScopesByProduct, parseScopeClaim } from './checklist';
export type { ChecklistIdentity, FeatureStatus, ScopeGroup } from './checklist';
export {
  SYSTEM_REGISTER_WRITE,
  SYSTEM_USER_REQUEST_WRITE,
  SYSTEM_USER_REQUEST_READ,
  SYSTEM_USER_CALL_SCOPES,
  scopeForSystemUserCall,
  missingScopeForSystemUserCall,
} from './systemUserCalls';
export type { SystemUserCall, SystemUserScope } from './systemUserCalls';
