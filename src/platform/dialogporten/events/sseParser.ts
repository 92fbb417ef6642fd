/** One Server-Sent Event as dispatched by the WHATWG event-stream rules. */
export interface ServerSentEvent {
  /** `message` when the stream named no event type. */
  readonly event: string;
  readonly data: string;
  readonly id?: string;
  /** Reconnection time the server asked for, in milliseconds. */
  readonly retry?: number;
}

/**
 * Incremental `text/event-stream` parser (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * feed it text in whatever pieces the network delivers; it returns the events completed by each piece.
 * Handles LF, CR and CRLF line ends (also split across pieces), comments, multi-line `data`, `id`, `retry`
 * and a leading BOM. Lines are capped so a server that never ends a line cannot exhaust memory.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private retry: number | undefined;
  private sawFields = false;
  private first = true;
  private pendingCr = false;
  /** Whether a comment line (a keep-alive such as `:`) has arrived. */
  sawComment = false;

  constructor(private readonly maxLineLength = 1024 * 1024) {}

  feed(text: string): ServerSentEvent[] {
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const events: ServerSentEvent[] = [];
    let input = text;
    // A CR at the end of the previous piece may be the first half of a CRLF.
    if (this.pendingCr) {
      this.pendingCr = false;
      if (input.startsWith('\n')) input = input.slice(1);
    }
    this.buffer += input;
    let start = 0;
    for (;;) {
      const match = /\r\n|\r|\n/g;
      match.lastIndex = start;
      const found = match.exec(this.buffer);
      if (!found) break;
      // A lone CR at the very end might become CRLF with the next piece: treat it as a line end now, skip a following LF later.
      if (found[0] === '\r' && found.index === this.buffer.length - 1) this.pendingCr = true;
      this.line(this.buffer.slice(start, found.index), events);
      start = found.index + found[0].length;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.maxLineLength)
      throw new Error(`an event-stream line is longer than ${this.maxLineLength} characters`);
    return events;
  }

  private line(line: string, events: ServerSentEvent[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(':')) {
      this.sawComment = true;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.sawFields = true;
        break;
      case 'event':
        this.event = value;
        this.sawFields = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(events: ServerSentEvent[]): void {
    // Lenient where the spec drops it: `event: complete` without a data line still counts.
    if (this.sawFields && (this.data.length > 0 || this.event !== '')) {
      events.push({
        event: this.event || 'message',
        data: this.data.join('\n'),
        ...(this.id !== undefined ? { id: this.id } : {}),
        ...(this.retry !== undefined ? { retry: this.retry } : {}),
      });
    }
    this.data = [];
    this.event = '';
    this.retry = undefined;
    this.sawFields = false;
  }
}
