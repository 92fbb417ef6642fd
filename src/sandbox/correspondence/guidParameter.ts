import type { RequestContext } from '../core/router';
import { sendValidationProblem } from './correspondenceErrors';

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Route values typed Guid in the API: anything else fails ASP.NET model binding with a 400. */
export function guidParametersValid(ctx: RequestContext, ...names: string[]): boolean {
  const errors: Record<string, string[]> = {};
  for (const name of names) {
    const value = ctx.params[name];
    if (!GUID.test(value)) errors[name] = [`The value '${value}' is not valid.`];
  }
  if (Object.keys(errors).length === 0) return true;
  sendValidationProblem(ctx.res, errors);
  return false;
}
