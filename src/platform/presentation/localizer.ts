/**
 * The one way vscode-free code gets its words translated: the VS Code layer passes `vscode.l10n` itself, Node
 * tests and anything outside VS Code use `plainLocalizer`.
 */
export interface Localizer {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

/** English, `{0}`-style placeholders filled as `vscode.l10n.t` does without a bundle; a missing argument leaves its placeholder. */
export const plainLocalizer: Localizer = {
  t: (message, ...args) =>
    message.replace(/\{(\d+)\}/g, (whole, index: string) =>
      args[Number(index)] === undefined ? whole : String(args[Number(index)]),
    ),
};
