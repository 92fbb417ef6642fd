// vscode-free: the vscode layer passes `vscode.l10n`; unit tests use the English original.

/** The part of `vscode.l10n` the vscode-free helpers need, so their texts are translatable. */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** The untranslated (English) texts with `{0}`-style arguments filled in, as `vscode.l10n.t` does without a bundle. */
export const englishL10n: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder)),
};
