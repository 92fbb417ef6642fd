/** `vscode.l10n.t` in the extension, a `{0}` formatter in tests. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;
