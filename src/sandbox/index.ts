export { startSandbox, DEFAULT_SEED, DEFAULT_DIALOGS } from './server';
export type { SandboxHandle } from './server';
export type { SandboxOptions, SandboxUrls, SandboxDefaultClient } from './context';
