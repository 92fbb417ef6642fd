// Diagnose ("Why is this empty or refused?"): the chain from token to rights as pure functions over gathered facts.
export { diagnose, isRawMaskinportenToken } from './chain';
export { causeTitle, formatDiagnosisReport } from './report';
export { FIX_COMMANDS } from './fixCommands';
export type {
  DiagnoseCause,
  DiagnoseFacts,
  DiagnoseStep,
  Diagnosis,
  FixAction,
  ObservedError,
  ProfileFacts,
  StepId,
  TokenFacts,
  Verdict,
  VendorFacts,
  VendorRequestFacts,
  VendorSystemFacts,
  VendorSystemUserFacts,
} from './types';
