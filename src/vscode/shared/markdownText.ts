/** Text from outside (service owners, APIs, the user's own labels) made inert in a Markdown tooltip, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
