export { AllPartiesSearch } from './allPartiesSearch';
export type { AllPartiesClient, AllPartiesDialog, AllPartiesPage, AllPartiesSearchOptions } from './allPartiesSearch';
export { DialogOrder, type SortKeys } from './dialogOrder';
export { FALLBACK_PARTIES_PER_SEARCH, partiesPerSearch, partyBatches } from './partyBatches';
