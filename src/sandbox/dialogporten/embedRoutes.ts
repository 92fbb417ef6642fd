// Follows Altinn/altinn-studio-docs: content/dialogporten/reference/front-end/front-channel-embeds/_index.en.md, content/dialogporten/reference/authorization/dialog-tokens/_index.md
import type { JWTPayload } from 'jose';
import type { SandboxContext } from '../context';
import { send, sendNoContent, sendProblem } from '../core/respond';
import type { RequestContext, Router } from '../core/router';
import { markdownToLegacyHtml } from '../data/dialogTexts';
import type { DialogStore } from '../data/dialogStore';
import type { StoredDialog } from '../data/dialogTypes';
import { CapturedDialog } from '../data/capturedDialog';
import { GeneratedDialog } from '../data/generatedDialog';
import { verifyDialogToken } from './dialogToken';

const BASE = '/dialogporten/__sandbox';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
};

type Json = Record<string, unknown>;

/**
 * What service owners host and the dialog points at: front-channel-embed content, attachment files and
 * GUI/API action endpoints. Like the real ones, they accept the dialog token (`i` must be this dialog).
 */
export function registerEmbedRoutes(router: Router, context: SandboxContext, store: DialogStore): void {
  const withDialogToken = async (
    request: RequestContext,
  ): Promise<{ dialog: StoredDialog; claims: JWTPayload } | undefined> => {
    const claims = await verifyDialogToken(context, request.req.headers.authorization);
    if (!claims) {
      sendProblem(
        request.res,
        {
          status: 401,
          title: 'Unauthorized',
          detail: 'A valid dialog token (from the dialog details, 10 minutes) is required as Bearer.',
        },
        { ...CORS, 'www-authenticate': 'Bearer' },
      );
      return undefined;
    }
    const dialog = store.get(request.params.dialogId);
    if (!dialog || String(claims.i).toLowerCase() !== dialog.fields.id.toLowerCase()) {
      sendProblem(
        request.res,
        { status: 403, title: 'Forbidden', detail: 'The dialog token was issued for another dialog.' },
        CORS,
      );
      return undefined;
    }
    if (dialog.state.deleted) {
      sendProblem(request.res, { status: 410, title: 'Gone', detail: 'The dialog was deleted.' }, CORS);
      return undefined;
    }
    return { dialog, claims };
  };

  const preflight = ({ res }: RequestContext): void => sendNoContent(res, { ...CORS, 'access-control-max-age': '600' });
  for (const path of [
    `${BASE}/fce/:dialogId/main/:language`,
    `${BASE}/fce/:dialogId/transmissions/:transmissionId/:language`,
    `${BASE}/attachments/:dialogId/:attachmentId`,
    `${BASE}/actions/:dialogId/:name`,
  ]) {
    router.add('OPTIONS', path, preflight);
  }

  router.get(`${BASE}/fce/:dialogId/main/:language`, async (request) => {
    const found = await withDialogToken(request);
    if (!found) return;
    sendEmbed(request, found.dialog, undefined);
  });

  router.get(`${BASE}/fce/:dialogId/transmissions/:transmissionId/:language`, async (request) => {
    const found = await withDialogToken(request);
    if (!found) return;
    const wanted = request.params.transmissionId.toLowerCase();
    const transmission = ((found.dialog.body().transmissions as Json[] | null) ?? []).find(
      (t) => String(t.id).toLowerCase() === wanted,
    );
    if (!transmission)
      return sendProblem(request.res, { status: 404, title: 'Not Found', detail: 'No such transmission.' }, CORS);
    if (transmission.isAuthorized === false)
      return sendProblem(
        request.res,
        { status: 403, title: 'Forbidden', detail: 'Not authorized for this transmission.' },
        CORS,
      );
    sendEmbed(request, found.dialog, String(transmission.type));
  });

  router.get(`${BASE}/attachments/:dialogId/:attachmentId`, async (request) => {
    const found = await withDialogToken(request);
    if (!found) return;
    const attachment = attachmentsOf(found.dialog.body()).find(
      (a) => String(a.id).toLowerCase() === request.params.attachmentId.toLowerCase(),
    );
    if (!attachment)
      return sendProblem(request.res, { status: 404, title: 'Not Found', detail: 'No such attachment.' }, CORS);
    if (typeof attachment.expiresAt === 'string' && Date.parse(attachment.expiresAt) < context.clock.nowMs()) {
      return sendProblem(
        request.res,
        { status: 410, title: 'Gone', detail: `The attachment expired at ${attachment.expiresAt}.` },
        CORS,
      );
    }
    const name = String(attachment.name ?? 'attachment.txt');
    const api = request.query.get('consumer') === 'api';
    const body = api
      ? JSON.stringify({ attachmentId: attachment.id, name, dialogId: found.dialog.fields.id })
      : fileBody(name, found.dialog);
    const type = api ? 'application/json' : mediaTypeOf(name);
    send(request.res, 200, body, {
      ...CORS,
      'content-type': type,
      'content-disposition': `inline; filename="${name}"`,
    });
  });

  const action = async (request: RequestContext): Promise<void> => {
    if (request.method === 'GET' && !request.req.headers.authorization) {
      const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Sandbox</title></head><body><h1>Sandkasse</h1><p>Handlingen «${escapeHtml(request.params.name)}» for dialog ${escapeHtml(request.params.dialogId)} er ikke en ekte tjeneste.</p></body></html>`;
      return send(request.res, 200, html, { 'content-type': 'text/html; charset=utf-8' });
    }
    const found = await withDialogToken(request);
    if (!found) return;
    if (request.method === 'DELETE' && request.params.name === 'delete') store.delete(found.dialog.fields.id);
    if (request.method === 'GET')
      return send(request.res, 200, JSON.stringify({ dialogId: found.dialog.fields.id, action: request.params.name }), {
        ...CORS,
        'content-type': 'application/json; charset=utf-8',
      });
    sendNoContent(request.res, CORS);
  };
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
    router.add(method, `${BASE}/actions/:dialogId/:name`, action);
}

function sendEmbed(request: RequestContext, dialog: StoredDialog, transmissionType: string | undefined): void {
  if (dialog instanceof CapturedDialog) {
    const saved = transmissionType === undefined ? dialog.embed(request.params.language) : undefined;
    if (!saved)
      return sendProblem(
        request.res,
        { status: 404, title: 'Not Found', detail: `No saved content in language '${request.params.language}'.` },
        CORS,
      );
    return send(request.res, 200, saved.text, {
      ...CORS,
      'content-type': `${saved.mediaType}; charset=utf-8`,
      'cache-control': 'no-store',
    });
  }
  const markdown =
    dialog instanceof GeneratedDialog
      ? dialog.frontChannelContent(request.params.language, transmissionType)
      : undefined;
  if (markdown === undefined)
    return sendProblem(
      request.res,
      { status: 404, title: 'Not Found', detail: `No content in language '${request.params.language}'.` },
      CORS,
    );
  const html = request.query.get('format') === 'html';
  send(request.res, 200, html ? markdownToLegacyHtml(markdown) : markdown, {
    ...CORS,
    'content-type': html ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
    'cache-control': 'no-store',
  });
}

function attachmentsOf(body: Json): Json[] {
  const direct = (body.attachments as Json[] | null | undefined) ?? [];
  const viaTransmissions = ((body.transmissions as Json[] | null | undefined) ?? []).flatMap(
    (t) => (t.attachments as Json[] | null | undefined) ?? [],
  );
  return [...direct, ...viaTransmissions];
}

function mediaTypeOf(name: string): string {
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.xml')) return 'application/xml; charset=utf-8';
  if (name.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** Small but real files: a one-page PDF, an XML document or an HTML page naming the dialog. */
function fileBody(name: string, dialog: StoredDialog): string {
  const id = dialog.fields.id;
  if (name.endsWith('.xml'))
    return `<?xml version="1.0" encoding="UTF-8"?>\n<vedlegg dialog="${id}" tjeneste="${dialog.fields.serviceResource}"/>\n`;
  if (name.endsWith('.html'))
    return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body><p>Vedlegg til dialog ${id}</p></body></html>`;
  const text = `Vedlegg til dialog ${id}`;
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
