// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.Application/DownloadCorrespondenceAttachment/DownloadCorrespondenceAttachmentHandler.cs
import { send } from '../core/respond';
import type { RouteHandler } from '../core/router';
import type { CorrespondenceDeps } from './correspondenceDeps';
import { CORRESPONDENCE_ERRORS, sendCorrespondenceError } from './correspondenceErrors';
import { authorizeCorrespondenceCall } from './correspondencePolicy';
import { guidParametersValid } from './guidParameter';
import { checkRecipientAccess } from './recipientAccess';

/** Content-Type by file extension, as Correspondence's download helper chooses it. */
const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.html': 'text/html; charset=utf-8',
};
/** Types the service serves `inline` rather than as a download (the exact list is not public; browsers' viewable types). */
const INLINE_EXTENSIONS = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.bmp', '.txt']);

/** GET …/{correspondenceId}/attachment/{attachmentId}/download: the file's bytes; records AttachmentsDownloaded. */
export function downloadAttachment(deps: CorrespondenceDeps): RouteHandler {
  return async (ctx) => {
    const principal = await authorizeCorrespondenceCall(deps.context, ctx, 'download');
    if (!principal || !guidParametersValid(ctx, 'correspondenceId', 'attachmentId')) return;
    const c = deps.store.get(ctx.params.correspondenceId);
    if (!c) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    const attachment = c.attachments.find((a) => a.id.toLowerCase() === ctx.params.attachmentId.toLowerCase());
    if (!attachment) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.attachmentNotFound);
    const denied = checkRecipientAccess(deps.context.world, principal, c);
    if (denied) return sendCorrespondenceError(ctx.res, denied);
    if (!deps.store.isAvailableForRecipient(c)) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    deps.store.record(c, 'AttachmentsDownloaded', `Attachment ${attachment.id} has been downloaded`);
    const extension = /\.[^.]+$/.exec(attachment.fileName)?.[0].toLowerCase() ?? '';
    const encoded = encodeURIComponent(attachment.fileName);
    const disposition = INLINE_EXTENSIONS.has(extension)
      ? `inline; filename*=UTF-8''${encoded}`
      : `attachment; filename=${asciiFileName(attachment.fileName)}; filename*=UTF-8''${encoded}`;
    send(ctx.res, 200, attachment.bytes, {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'content-disposition': disposition,
    });
  };
}

function asciiFileName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return /[\s;,"]/.test(ascii) ? `"${ascii.replace(/"/g, '\\"')}"` : ascii;
}
