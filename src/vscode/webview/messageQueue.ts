/**
 * Messages to a webview wait until its script says `ready` (a message posted earlier would be lost), and start
 * waiting again whenever the page is rebuilt. vscode-free, so the handshake is unit-tested.
 */
export class MessageQueue<T extends { readonly type: string }> {
  private ready = false;
  private readonly waiting: T[] = [];

  /**
   * @param send delivers a message to the webview.
   * @param latestOnly message types of which only the newest waiting one matters (e.g. a full render).
   */
  constructor(
    private readonly send: (message: T) => void,
    private readonly latestOnly: readonly T['type'][] = [],
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  post(message: T): void {
    if (this.ready) {
      this.send(message);
      return;
    }
    if (this.latestOnly.includes(message.type)) {
      const kept = this.waiting.filter((waiting) => waiting.type !== message.type);
      this.waiting.splice(0, this.waiting.length, ...kept);
    }
    this.waiting.push(message);
  }

  /** The script listens now: sends what waited, in order. */
  markReady(): void {
    this.ready = true;
    for (const message of this.waiting.splice(0)) this.send(message);
  }

  /** The page is being rebuilt: what waited was for the old page. */
  reset(): void {
    this.ready = false;
    this.waiting.length = 0;
  }
}
