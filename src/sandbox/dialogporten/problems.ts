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
