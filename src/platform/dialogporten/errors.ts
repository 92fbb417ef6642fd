import { PlatformError, type ApiError } from '../errors';

/**
 * Setting system labels with `If-Match` failed with 412: someone (another client, or the inbox in a browser)
 * changed the dialog's labels since it was read. Fetch the dialog again and retry with the new revision.
 */
export class DialogRevisionConflictError extends PlatformError {
  readonly kind = 'revision-conflict';

  constructor(readonly dialogId: string, readonly sentRevision: string | undefined, options?: { cause?: ApiError }) {
    super(`The labels of dialog ${dialogId} were changed by someone else since revision ${sentRevision ?? '(none sent)'} was read; reload the dialog and try again.`, options);
  }
}
