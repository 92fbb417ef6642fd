// The XSS corpus made ready for the workbench: armed payloads, Dialog payloads carrying them in every field, and a
// watch that counts what a payload could do if it ever ran (console markers, alert dialogs, requests to other hosts).
import type {
  BrowserContext,
  ConsoleMessage,
  Dialog as BrowserDialog,
  Frame,
  Page,
  Request,
  Route,
} from 'playwright-core';
import { FCE_MAX_BYTES } from '../../src/platform/dialogporten';
import { XSS_CORPUS } from '../unit/content/xssCorpus';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ArmedPayload {
  readonly value: string;
  readonly mediaType: string;
  readonly n: number;
  readonly name: string;
}

/** `alert(1)` in the corpus becomes a marker that would log to the console and change the DOM if it ever ran. */
export function armed(value: string, n: number): string {
  const marker = `(console.log(/XSSMARK${n}/.source),document.body.setAttribute(/data-xss/.source,${n}))`;
  return value.replace(/alert\((?:1|alt)\)/g, marker).slice(0, FCE_MAX_BYTES);
}

export function armedCorpus(): ArmedPayload[] {
  return XSS_CORPUS.map((payload, n) => ({
    value: armed(payload.value, n),
    mediaType: payload.mediaType,
    n,
    name: payload.name,
  }));
}

/** Splits payloads into batches of at most `size` whose built result stays under `maxChars`. */
export function batches<T>(items: readonly T[], size: number, build: (batch: T[]) => string, maxChars: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    if (current.length > 0 && (current.length >= size || build(candidate).length > maxChars)) {
      out.push(current);
      current = [item];
    } else {
      current = candidate;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** One Dialog payload carrying several payloads, each in every kind of field that reaches the panel. */
export function hostileDialog(
  batch: readonly ArmedPayload[],
  index: number,
  party = 'urn:altinn:person:identifier-no:18886600700',
): Json {
  const id = (k: number): string =>
    `0195${String(index).padStart(4, '0')}-0000-7000-8000-${String(k).padStart(12, '0')}`;
  // Long payloads once (nb only), so even a 100 KB payload's Dialog stays under the 2 MB "open as plain JSON" threshold.
  const loc = (value: string): Json[] =>
    value.length > 10_000
      ? [{ value, languageCode: 'nb' }]
      : [
          { value, languageCode: 'nb' },
          { value, languageCode: 'en' },
        ];
  const first = batch[0];
  const at = (k: number): ArmedPayload => batch[k % batch.length];
  return {
    id: id(0),
    party,
    org: 'digdir',
    serviceResource: 'urn:altinn:resource:xss-test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    contentUpdatedAt: '2026-01-02T00:00:00.000Z',
    status: 'RequiresAttention',
    revision: '11111111-1111-4111-8111-111111111111',
    extendedStatus: at(1).value.slice(0, 300),
    externalReference: at(2).value.slice(0, 300),
    content: {
      title: { value: loc(first.value), mediaType: first.mediaType },
      summary: { value: loc(at(1).value), mediaType: at(1).mediaType },
      senderName: { value: loc(at(2).value), mediaType: 'text/plain' },
      additionalInfo: { value: loc(at(3).value), mediaType: at(3).mediaType },
      extendedStatus: { value: loc(at(4).value), mediaType: 'text/plain' },
      mainContentReference: {
        value: loc(at(5).value.slice(0, 1000)),
        mediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/html',
      },
    },
    transmissions: batch.map((payload, k) => ({
      id: id(100 + k),
      createdAt: `2026-01-01T0${k % 10}:00:00.000Z`,
      isAuthorized: true,
      type: k % 2 ? 'Information' : 'Submission',
      relatedTransmissionId: k > 0 ? id(100 + k - 1) : null,
      extendedType: payload.value.slice(0, 200),
      externalReference: payload.value.slice(0, 200),
      sender: { actorType: 'PartyRepresentative', actorName: payload.value.slice(0, 500) },
      content: {
        title: { value: loc(payload.value), mediaType: payload.mediaType },
        summary: { value: loc(payload.value), mediaType: payload.mediaType },
      },
      attachments: [
        {
          id: id(200 + k),
          displayName: loc(payload.value),
          name: payload.value.slice(0, 500),
          urls: [{ url: payload.value.slice(0, 1000), mediaType: payload.value.slice(0, 100), consumerType: 'Gui' }],
        },
      ],
      navigationalActions: [{ title: loc(payload.value), url: payload.value.slice(0, 1000) }],
      isOpened: false,
    })),
    attachments: batch.map((payload, k) => ({
      id: id(300 + k),
      displayName: loc(payload.value),
      name: payload.value.slice(0, 500),
      urls: [{ url: payload.value.slice(0, 1000), consumerType: 'Gui' }],
    })),
    guiActions: batch.map((payload, k) => ({
      id: id(400 + k),
      action: payload.value.slice(0, 200),
      url: payload.value.slice(0, 1000),
      isAuthorized: true,
      isDeleteDialogAction: false,
      priority: ['Primary', 'Secondary', 'Tertiary'][k % 3],
      httpMethod: 'POST',
      title: loc(payload.value),
      prompt: loc(payload.value),
    })),
    apiActions: batch.map((payload, k) => ({
      id: id(500 + k),
      action: payload.value.slice(0, 200),
      name: payload.value.slice(0, 500),
      isAuthorized: true,
      endpoints: [
        {
          url: payload.value.slice(0, 1000),
          httpMethod: 'GET',
          documentationUrl: payload.value.slice(0, 1000),
          requestSchema: payload.value.slice(0, 1000),
        },
      ],
    })),
    activities: batch.map((payload, k) => ({
      id: id(600 + k),
      createdAt: '2026-01-01T12:00:00.000Z',
      type: 'Information',
      performedBy: { actorType: 'ServiceOwner', actorName: payload.value.slice(0, 500) },
      description: loc(payload.value),
    })),
    seenSinceLastContentUpdate: batch.slice(0, 3).map((payload, k) => ({
      id: id(700 + k),
      seenAt: '2026-01-02T00:00:00.000Z',
      seenBy: { actorType: 'PartyRepresentative', actorName: payload.value.slice(0, 500) },
      isCurrentEndUser: false,
    })),
  };
}

/**
 * Watches the page while hostile content is shown: console markers, alert/confirm/prompt dialogs, and requests from
 * a webview to any host but the workbench's own (those are aborted and counted).
 */
export class HostileWatch {
  readonly markers: string[] = [];
  readonly dialogs: string[] = [];
  readonly escaped: string[] = [];
  private readonly origin: string;
  private readonly context: BrowserContext;

  private constructor(private readonly page: Page) {
    this.origin = new URL(page.url()).origin;
    this.context = page.context();
  }

  static async start(page: Page): Promise<HostileWatch> {
    const watch = new HostileWatch(page);
    page.on('console', watch.onConsole);
    page.on('dialog', watch.onDialog);
    await watch.context.route('**/*', watch.route);
    return watch;
  }

  async stop(): Promise<void> {
    await this.context.unroute('**/*', this.route);
    this.page.off('console', this.onConsole);
    this.page.off('dialog', this.onDialog);
  }

  /** Payloads that ran: distinct markers plus any dialog they opened. */
  executed(): number {
    return new Set([...this.markers.map((m) => /XSSMARK(\d+)/.exec(m)?.[1]), ...this.dialogs]).size;
  }

  private readonly onConsole = (message: ConsoleMessage): void => {
    if (/XSSMARK/.test(message.text())) this.markers.push(message.text());
  };

  private readonly onDialog = (dialog: BrowserDialog): void => {
    this.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  };

  private allowed(url: string): boolean {
    if (/^(data|blob|about):/.test(url)) return true;
    const parsed = new URL(url);
    // The workbench's own server, and webview resources that VS Code's service worker serves from the extension folder.
    return parsed.origin === this.origin || parsed.hostname.endsWith('.vscode-resource.vscode-cdn.net');
  }

  private readonly route = async (routed: Route): Promise<void> => {
    const request = routed.request();
    if (!this.allowed(request.url()) && fromWebview(request)) {
      this.escaped.push(request.url());
      await routed.abort('blockedbyclient');
      return;
    }
    await routed.fallback();
  };
}

function fromWebview(request: Request): boolean {
  try {
    return (
      request.frame().url().includes('/webview/') || request.frame().parentFrame()?.url().includes('/webview/') === true
    );
  } catch {
    return true; // a service worker or a detached frame: count it
  }
}

/**
 * What hostile content managed in one of our webviews: scripts beyond ours (the inert initial state and the nonce'd
 * page script), a DOM change by a payload, active elements, event-handler or style attributes, links to other schemes.
 * `root` is the element our view renders into; it must be there.
 */
export function webviewFindings(frame: Frame, root: string, required: string): Promise<string[]> {
  return frame.evaluate(
    ({ root, required }) => {
      const container = document.querySelector(root);
      const problems: string[] = [];
      if (!container || !container.querySelector(required))
        problems.push(`the view did not render (${root} ${required})`);
      const scripts = [...document.body.querySelectorAll('script')];
      if (scripts.length !== 2 || scripts[0].id !== 'initial-state' || !scripts[1].nonce)
        problems.push(`body scripts: ${scripts.map((script) => script.outerHTML.slice(0, 80)).join(' | ')}`);
      // VS Code adds its own host script to the head.
      const headScripts = [...document.head.querySelectorAll('script')].filter(
        (script) => !script.src && !script.textContent?.includes('acquireVsCodeApi'),
      );
      if (headScripts.length) problems.push(`unexpected head scripts: ${headScripts.length}`);
      if (document.body.hasAttribute('data-xss'))
        problems.push(`DOM changed by payload ${document.body.getAttribute('data-xss')}`);
      const forbidden =
        container?.querySelectorAll(
          'script, iframe, frame, object, embed, svg, math, style, link, meta, base, form, img, audio, video, source, template, noscript, textarea, applet',
        ) ?? [];
      if (forbidden.length) problems.push(`forbidden elements: ${[...forbidden].map((e) => e.tagName).join(',')}`);
      // VS Code sets its theme variables as a style on <html>; everything below <body> is ours and the payloads'.
      for (const element of document.body.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          if (/^on/i.test(attribute)) problems.push(`${element.tagName}[${attribute}]`);
          if (['style', 'srcdoc', 'formaction', 'xlink:href', 'background', 'srcset'].includes(attribute.toLowerCase()))
            problems.push(`${element.tagName}[${attribute}]`);
        }
      }
      for (const link of container?.querySelectorAll('a[href]') ?? []) {
        const href = link.getAttribute('href') ?? '';
        if (!/^(https?:|mailto:|#)/i.test(href)) problems.push(`link to ${href.slice(0, 60)}`);
      }
      return problems;
    },
    { root, required },
  );
}
