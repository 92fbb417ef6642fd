
export * from './primitives';
export * from './activities';
export * from './actions';
export * from './attachments';
export * from './dialog';
export * from './dialogListItem';
export * from './dialogLookup';
export * from './dialogToken';
export * from './labelLog';
export * from './parties';
export * from './problemDetails';
export * from './seenLogs';
export * from './transmissions';
export { effectiveSystemLabels, normalizeFrontChannelMediaType } from './tolerance';
export { dialogportenSchemas } from './registry';
export { DIALOGPORTEN_PAYLOAD_NAMES } from './payloadNames';
export { parseDialogportenPayload, describeShapeProblems, formatPath } from './validation';
export type { DialogportenShape, DialogportenPayload } from './validation';
