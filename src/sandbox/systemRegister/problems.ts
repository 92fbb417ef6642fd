// The three error shapes of Altinn Authentication (SYSTEM-USERS reference §0): Altinn.Authorization.ProblemDetails
// problems (Altinn/altinn-authentication src/Core/Problems/Problem.cs), validation problems STD-00000 with
// AUTH.VLD codes (src/Core/Errors/ValidationErrors.cs, paths from src/Authentication/Constants/ErrorPathConstant.cs),
// and plain ASP.NET answers (Forbid(), NotFound("text"), an empty 401).
import type { ServerResponse } from 'node:http';
import { PROBLEM_JSON, send, traceId } from '../core/respond';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
};

/** AUTH codes the sandbox answers with: status and Altinn's title. */
export const AUTH_PROBLEMS = {
  '00000': [400, "Can't resolve the Organisation Number from the logged in Reportee PartyId."],
  '00001': [400, 'One or more Right not found or not delegable.'],
  '00004': [400, 'Failed to create new SystemUser, existing SystemUser tied to the given System-Id.'],
  '00010': [404, 'The Id does not refer to a Request in our system.'],
  '00011': [404, 'The Id does not refer to a Registered System.'],
  '00013': [409, 'The Status of the Request is not New.'],
  '00015': [404, 'The SystemUser was not found.'],
  '00017': [404, 'The SystemName was not found.'],
  '00021': [400, 'The RedirectUri was not found or not valid.'],
  '00023': [401, "Can't resolve the Organisation Number for the Vendor from the Token."],
  '00025': [400, 'The request id is valid but its not a valid request for creating an agent system user'],
  '00026': [400, 'No redirect uris are set for the system'],
  '00030': [404, 'The Id does not refer to an AgentRequest in our system.'],
  '00058': [400, 'No AccessPackages found, an Agent SystemUser must have at least one'],
  '00059': [400, 'No AccessPackages or Single Rights found, a SystemUser must have at least one'],
  '00061': [409, 'The Status of the Request is not New. Please generate a new CorrellationId for a new Change Request'],
  '00063': [400, 'One or more accesspackage is not found in the referenced system in the System Register.'],
  '00064': [
    400,
    'One or more access packages cannot be delegated. Either they are intended for clients or they cannot be delegated further.',
  ],
  '00065': [
    400,
    'One or more access packages cannot be delegated because they are not intended for client relationships',
  ],
  '00066': [403, 'The request requires logged in user to have accessmanager write.'],
} as const satisfies Record<string, readonly [number, string]>;

export type AuthProblemCode = keyof typeof AUTH_PROBLEMS;

export function sendAuthProblem(
  res: ServerResponse,
  code: AuthProblemCode,
  extensions: Record<string, unknown> = {},
): void {
  const [status, title] = AUTH_PROBLEMS[code];
  const body = {
    type: `urn:altinn:error:AUTH-${code}`,
    title,
    status,
    code: `AUTH-${code}`,
    statusDescription: STATUS_TEXT[status],
    ...extensions,
    traceId: traceId(),
  };
  send(res, status, JSON.stringify(body), { 'content-type': PROBLEM_JSON });
}

export const VALIDATION_TITLES = {
  '00000': 'the org number identifier is not valid ISO6523 identifier',
  '00001': 'The system id does not match the format orgnumber_xxxx...',
  '00002': 'The system id already exists',
  '00003': "One or more resources specified in rights were not found in Altinn's resource register.",
  '00004': 'One of the client id is already tagged with an existing system',
  '00005': 'One or more of the redirect urls format is not valid. The valid format is https://xxx.xx',
  '00006': 'One or more duplicate rights found',
  '00007': 'One or more duplicate access package(s) found',
  '00008': "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
  '00009': 'One or more resource id is in wrong format. The valid format is urn:altinn:resource',
  '00011': 'Request contains duplicate client ids',
  '00012': 'The system ID in the request body does not match the system ID in the URL',
  '00013': 'System ID cannot have spaces in id (leading, trailing or in between the id)',
  '00017': 'One or more resources specified in rights is of resource type which is not delegable.',
  '00018':
    "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true",
} as const;

export type ValidationCode = keyof typeof VALIDATION_TITLES;

export const PATHS = {
  vendorId: '/registersystemrequest/vendor/id',
  systemId: '/registersystemrequest/systemid',
  redirectUrls: '/registersystemrequest/allowedredirecturls',
  clientId: '/registersystemrequest/clientid',
  accessPackages: '/registersystemrequest/accesspackages',
  rights: '/registersystemrequest/rights/resource',
} as const;

export interface ValidationFailure {
  readonly code: ValidationCode;
  readonly path: string;
}

export function sendValidationProblem(res: ServerResponse, failures: readonly ValidationFailure[]): void {
  const body = {
    type: 'urn:altinn:error:STD-00000',
    title: 'One or more validation errors occurred.',
    status: 400,
    code: 'STD-00000',
    statusDescription: STATUS_TEXT[400],
    validationErrors: failures.map((f) => ({
      code: `AUTH.VLD-${f.code}`,
      title: VALIDATION_TITLES[f.code],
      paths: [f.path],
    })),
    traceId: traceId(),
  };
  send(res, 400, JSON.stringify(body), { 'content-type': PROBLEM_JSON });
}

/** An ASP.NET result without a problem body: `Forbid()`, `Unauthorized()`, `NotFound("text")`, `BadRequest("text")`. */
export function sendPlain(res: ServerResponse, status: number, text?: string): void {
  if (text === undefined) {
    res.writeHead(status, status === 401 ? { 'www-authenticate': 'Bearer' } : {});
    res.end();
    return;
  }
  send(res, status, text, { 'content-type': 'text/plain; charset=utf-8' });
}

/** An ASP.NET model-binding failure (a non-GUID id, a body that is not JSON). */
export function sendModelBindingProblem(res: ServerResponse, field: string, message: string): void {
  const body = {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: { [field]: [message] },
    traceId: traceId(),
  };
  send(res, 400, JSON.stringify(body), { 'content-type': PROBLEM_JSON });
}
