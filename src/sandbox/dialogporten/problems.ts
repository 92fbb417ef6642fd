// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.WebApi/Common/Extensions/ErrorResponseBuilderExtensions.cs
import type { ServerResponse } from 'node:http';
import { sendProblem } from '../core/respond';
import type { AuthenticationFailure } from '../core/principal';

/** Dialogporten's path inside its own host (without the `/dialogporten` prefix), as it appears in `instance`. */
export function instanceOf(pathname: string): string {
  return pathname.replace(/^\/dialogporten/i, '') || '/';
}

export function sendValidationProblem(res: ServerResponse, pathname: string, errors: Record<string, string[]>): void {
  sendProblem(res, {
    status: 400,
    title: 'One or more validation errors occurred.',
    instance: instanceOf(pathname),
    errors,
  });
}

export function sendNotFound(res: ServerResponse, pathname: string, entity: string, key: string): void {
  sendProblem(res, {
    status: 404,
    title: 'Resource not found',
    instance: instanceOf(pathname),
    detail: `Entity '${entity}' with the following key(s) was not found: (${key}).`,
    errors: { [entity]: [`Entity '${entity}' with the following key(s) was not found: (${key}).`] },
  });
}

export function sendGone(res: ServerResponse, pathname: string, entity: string, key: string): void {
  sendProblem(res, {
    status: 410,
    title: 'Resource is removed',
    instance: instanceOf(pathname),
    detail: `Entity '${entity}' with the following key(s) is removed: (${key}).`,
    errors: { [entity]: [`Entity '${entity}' with the following key(s) is removed: (${key}).`] },
  });
}

/** 401 like ASP.NET's JwtBearer (empty body, reason in WWW-Authenticate); 403 as ProblemDetails naming the scope. */
export function sendAuthenticationFailure(res: ServerResponse, pathname: string, failure: AuthenticationFailure): void {
  if (failure.status === 401) {
    const header =
      failure.error === 'missing_token'
        ? 'Bearer'
        : `Bearer error="invalid_token", error_description="${failure.description.replace(/"/g, "'")}"`;
    res.writeHead(401, { 'www-authenticate': header, 'content-length': '0' });
    res.end();
    return;
  }
  sendProblem(res, { status: 403, title: 'Forbidden', instance: instanceOf(pathname), detail: failure.description });
}

/** The titles and types ErrorResponseBuilderExtensions.ResponseBuilder gives the statuses it builds with `errors`. */
const VALIDATION_PROBLEMS: Readonly<Record<number, { title: string; type: string }>> = {
  400: {
    title: 'One or more validation errors occurred.',
    type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1',
  },
  403: { title: 'Forbidden.', type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3' },
  404: { title: 'Resource not found.', type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4' },
};

/**
 * What Dialogporten's endpoints send through EndpointExtensions (BadRequestAsync, ForbiddenAsync, NotFoundAsync):
 * FastEndpoints' SendErrorsAsync with the failures grouped by property name into a ValidationProblemDetails.
 */
export function sendValidationFailures(
  res: ServerResponse,
  pathname: string,
  status: 400 | 403 | 404,
  failures: readonly { readonly property: string; readonly message: string }[],
): void {
  const errors: Record<string, string[]> = {};
  for (const failure of failures) (errors[failure.property] ??= []).push(failure.message);
  sendProblem(res, { ...VALIDATION_PROBLEMS[status], status, instance: instanceOf(pathname), errors });
}
