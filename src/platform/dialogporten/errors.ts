import { ApiError, PlatformError } from '../errors';

/**
 * Setting system labels with `If-Match` failed with 412: someone (another client, or the inbox in a browser)
 * changed the dialog's labels since it was read. Fetch the dialog again and retry with the new revision.
 */
export class DialogRevisionConflictError extends PlatformError {
  override readonly name: string = 'DialogRevisionConflictError';
  readonly kind = 'revision-conflict';

  constructor(
    readonly dialogId: string,
    readonly sentRevision: string | undefined,
    options?: { cause?: ApiError },
  ) {
    super(
      `The labels of dialog ${dialogId} were changed by someone else since revision ${sentRevision ?? '(none sent)'} was read; reload the dialog and try again.`,
      options,
    );
  }
}

/**
 * Dialogporten's UserTypeValidationMiddleware refused the token: it is authenticated and has the scope, but is not a user
 * type the endpoint serves (the end-user API: a person or a system user; a plain Maskinporten token is neither). The
 * answer is a 403 ValidationProblemDetails with the message under `errors.Type` (Altinn/dialogporten,
 * src/Digdir.Domain.Dialogporten.WebApi/Common/Authentication/UserTypeValidationMiddleware.cs).
 */
export function isUserTypeRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 403) return false;
  const messages = [...(error.fieldErrors.Type ?? []), error.detail ?? ''];
  return messages.some((message) => /unable to determine valid user type/i.test(message));
}
