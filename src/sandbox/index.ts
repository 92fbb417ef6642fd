export { startSandbox, DEFAULT_SEED, DEFAULT_DIALOGS } from './server';
export type { SandboxHandle } from './server';
export type { SandboxOptions, SandboxUrls, SandboxDefaultClient } from './context';
export { dialogLoadReport } from './dialogporten';
export type { LoadReport } from './data/capturedPayloads';
