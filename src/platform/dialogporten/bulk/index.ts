export { bulkSetSystemLabels } from './bulkSystemLabels';
export type {
  BulkFailureReason,
  BulkLabelOptions,
  BulkLabelOutcome,
  BulkLabelProgress,
  BulkLabelResult,
} from './bulkSystemLabels';
