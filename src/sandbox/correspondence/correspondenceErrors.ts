// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.Application/Errors.cs
import type { ServerResponse } from 'node:http';
import { sendProblem } from '../core/respond';

export interface CorrespondenceError {
  readonly errorCode: number;
  readonly status: number;
  readonly message: string;
}

/** The recipient-side subset of Altinn Correspondence's error table (code, HTTP status and text as the service sends them). */
export const CORRESPONDENCE_ERRORS = {
  notFound: { errorCode: 1001, status: 404, message: 'The requested correspondence was not found' },
  alreadyPurged: { errorCode: 1014, status: 400, message: 'Correspondence has already been purged' },
  couldNotRetrieveStatus: {
    errorCode: 1015,
    status: 400,
    message: 'Could not retrieve highest status for correspondence',
  },
  readBeforeFetched: { errorCode: 1024, status: 400, message: 'Correspondence must be fetched before it can be read' },
  confirmBeforeFetched: {
    errorCode: 1025,
    status: 400,
    message: 'Correspondence must be fetched before it can be confirmed',
  },
  purgeBeforeConfirmed: {
    errorCode: 1026,
    status: 400,
    message: 'Cannot archive or delete a correspondence which has not been confirmed when confirmation is required',
  },
  invalidDateRange: { errorCode: 1027, status: 400, message: 'From date cannot be after to date' },
  alreadyRead: { errorCode: 1040, status: 400, message: 'Correspondence is already marked as read' },
  alreadyConfirmed: { errorCode: 1041, status: 400, message: 'Correspondence has already been confirmed' },
  attachmentNotFound: { errorCode: 2001, status: 404, message: 'The requested attachment was not found' },
  noAccessToResource: {
    errorCode: 4001,
    status: 401,
    message:
      'You must use an Altinn token, DialogToken or log in to IDPorten as someone with access to the resource and organization in Altinn Authorization',
  },
  couldNotDetermineCaller: { errorCode: 4006, status: 401, message: 'Could not determine caller' },
} as const satisfies Record<string, CorrespondenceError>;

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Answers like Correspondence's ProblemDetailsHelper: RFC 9457 body with `code` (CORR-0nnnn), `errorCode` and `traceId`. */
export function sendCorrespondenceError(res: ServerResponse, error: CorrespondenceError): void {
  sendProblem(res, {
    status: error.status,
    title: TITLES[error.status] ?? 'Error',
    detail: error.message,
    code: `CORR-${String(error.errorCode).padStart(5, '0')}`,
    errorCode: error.errorCode,
  });
}

/** ASP.NET model-binding failure (missing/invalid query parameter), in Correspondence's validation problem shape. */
export function sendValidationProblem(res: ServerResponse, errors: Record<string, string[]>): void {
  sendProblem(res, {
    status: 400,
    title: 'Bad Request',
    detail: 'One or more validation errors occurred.',
    code: 'STD-00000',
    validationErrors: Object.entries(errors).flatMap(([field, messages]) =>
      messages.map((m) => ({ code: 'CORR-00000', title: m, paths: [`/${field}`] })),
    ),
    errors,
  });
}
