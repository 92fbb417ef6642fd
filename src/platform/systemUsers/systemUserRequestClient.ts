import { InvalidInputError } from '../errors';
import { lazySchema } from '../loadPayloadSchemas';
import { guid, organisationNumber, systemId, type AccessPackageInput, type RightInput } from './inputs';
import { allPages, pageQuery } from './paging';
import type { Page, SystemUserRequest } from './schemas';
import { segment, VendorApi, type CallOptions, type SystemUserClientOptions } from './vendorApi';

const requestSchema = lazySchema((s) => s.systemUserSchemas.systemUserRequestSchema);
const requestPageSchema = lazySchema((s) => s.systemUserSchemas.systemUserRequestPageSchema);

export type RequestKind = 'standard' | 'agent';

export interface SystemUserRequestInput {
  readonly systemId: string;
  /** The customer's organisation number. */
  readonly customerOrganisationNumber: string;
  /** Defaults (server side) to the customer's organisation number; give one to hold several system users per customer. */
  readonly externalRef?: string;
  /** Defaults (server side) to the system's `name.nb`. */
  readonly integrationTitle?: string;
  /** Standard requests only; must be a subset of the system's rights. */
  readonly rights?: readonly RightInput[];
  /** Required (non-empty) for agent requests; must be on the system. */
  readonly accessPackages?: readonly AccessPackageInput[];
  /** Must match one of the system's allowed redirect URLs (scheme, host, port, path). */
  readonly redirectUrl?: string;
}

export interface CreatedRequest {
  readonly request: SystemUserRequest;
  /**
   * False when Altinn answered 200 with a request that already existed for (system, customer, external reference):
   * whatever its status, the new body was ignored; delete it first to ask again.
   */
  readonly created: boolean;
}

/**
 * System-user requests the vendor creates for a customer to approve (`/authentication/api/v1/systemuser/request/vendor`),
 * after Altinn/altinn-authentication src/Authentication/Controllers/RequestSystemUserController.cs. No push when the
 * customer answers: poll `get` (then `VendorSystemUsersClient.byQuery`).
 */
export class SystemUserRequestClient {
  private readonly api: VendorApi;

  constructor(options: SystemUserClientOptions) {
    this.api = new VendorApi(options);
  }

  /** POST …/vendor (standard) or …/vendor/agent (agent: access packages, no rights). */
  async create(kind: RequestKind, input: SystemUserRequestInput, options?: CallOptions): Promise<CreatedRequest> {
    const answer = await this.api.send(
      {
        call: kind === 'agent' ? 'requests.createAgent' : 'requests.create',
        method: 'POST',
        path: `systemuser/request/vendor${kind === 'agent' ? '/agent' : ''}`,
        body: requestBody(kind, input),
        payload: 'System-user request',
        schema: requestSchema,
      },
      options,
    );
    return { request: answer.value, created: answer.status === 201 };
  }

  async get(kind: RequestKind, requestId: string, options?: CallOptions): Promise<SystemUserRequest> {
    const answer = await this.api.send(
      {
        call: kind === 'agent' ? 'requests.getAgent' : 'requests.get',
        method: 'GET',
        path: `systemuser/request/vendor${agent(kind)}/${guid(requestId, 'requestId')}`,
        payload: 'System-user request',
        schema: requestSchema,
      },
      options,
    );
    return answer.value;
  }

  /** By the triple; without an external reference the customer's organisation number is the reference. */
  async getByExternalRef(
    kind: RequestKind,
    key: { systemId: string; customerOrganisationNumber: string; externalRef?: string },
    options?: CallOptions,
  ): Promise<SystemUserRequest> {
    const orgNo = organisationNumber(key.customerOrganisationNumber, 'customerOrganisationNumber');
    const ref = key.externalRef?.trim() || orgNo;
    const answer = await this.api.send(
      {
        call: 'requests.byExternalRef',
        method: 'GET',
        path: `systemuser/request/vendor${agent(kind)}/byexternalref/${segment(systemId(key.systemId))}/${orgNo}/${segment(ref)}`,
        payload: 'System-user request',
        schema: requestSchema,
      },
      options,
    );
    return answer.value;
  }

  /** One page of the system's requests (all statuses, deleted left out); pass the previous page's `nextToken`. */
  async listBySystemPage(
    kind: RequestKind,
    id: string,
    token?: string,
    options?: CallOptions,
  ): Promise<Page<SystemUserRequest>> {
    const answer = await this.api.send(
      {
        call: 'requests.bySystem',
        method: 'GET',
        path: `systemuser/request/vendor${agent(kind)}/bysystem/${segment(systemId(id))}${pageQuery(token)}`,
        payload: 'System-user request page',
        schema: requestPageSchema,
      },
      options,
    );
    return answer.value;
  }

  /** Every page of the system's requests. */
  listBySystem(kind: RequestKind, id: string, options?: CallOptions): Promise<SystemUserRequest[]> {
    return allPages('System-user request page', (token) => this.listBySystemPage(kind, id, token, options));
  }

  /** Soft delete (standard or agent id); Altinn answers 202. The same triple can then be requested again. */
  async delete(requestId: string, options?: CallOptions): Promise<void> {
    await this.api.send(
      {
        call: 'requests.delete',
        method: 'DELETE',
        path: `systemuser/request/vendor/${guid(requestId, 'requestId')}`,
        payload: 'Delete result',
      },
      options,
    );
  }
}

function agent(kind: RequestKind): string {
  return kind === 'agent' ? '/agent' : '';
}

function requestBody(kind: RequestKind, input: SystemUserRequestInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    systemId: systemId(input.systemId),
    partyOrgNo: organisationNumber(input.customerOrganisationNumber, 'customerOrganisationNumber'),
  };
  if (input.externalRef?.trim()) body.externalRef = input.externalRef.trim();
  if (input.integrationTitle?.trim()) body.integrationTitle = input.integrationTitle.trim();
  if (input.redirectUrl?.trim()) body.redirectUrl = input.redirectUrl.trim();
  if (kind === 'agent') {
    if (input.rights?.length)
      throw new InvalidInputError('rights', 'An agent (client) request carries access packages only, not rights.');
    if (!input.accessPackages?.length)
      throw new InvalidInputError('accessPackages', 'An agent (client) request must name at least one access package.');
    body.accessPackages = input.accessPackages;
    return body;
  }
  if (!input.rights?.length && !input.accessPackages?.length)
    throw new InvalidInputError('rights', 'A request must ask for at least one right or access package.');
  body.rights = input.rights ?? [];
  body.accessPackages = input.accessPackages ?? [];
  return body;
}
