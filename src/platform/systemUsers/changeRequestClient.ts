import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../errors';
import { lazySchema } from '../loadPayloadSchemas';
import { guid, organisationNumber, systemId, type AccessPackageInput, type RightInput } from './inputs';
import { distinctPages, pageQuery, type PagedList } from './paging';
import type { ChangeRequest, Page } from './schemas';
import { segment, VendorApi, type CallOptions, type SystemUserClientOptions } from './vendorApi';

const changeRequestSchema = lazySchema((s) => s.systemUserSchemas.changeRequestSchema);
const changeRequestPageSchema = lazySchema((s) => s.systemUserSchemas.changeRequestPageSchema);

export interface ChangeRequestInput {
  /** The standard system user to change (agent system users cannot be changed). */
  readonly systemUserId: string;
  /** A new UUID per change; it becomes the change request's id. Generated when left out. */
  readonly correlationId?: string;
  readonly requiredRights?: readonly RightInput[];
  readonly unwantedRights?: readonly RightInput[];
  readonly requiredAccessPackages?: readonly AccessPackageInput[];
  readonly unwantedAccessPackages?: readonly AccessPackageInput[];
  readonly redirectUrl?: string;
}

export interface CreatedChangeRequest {
  readonly changeRequest: ChangeRequest;
  /** False for 200: nothing to change (`NoChangeNeeded`, nothing stored) or a change request with this id existed. */
  readonly created: boolean;
}

/**
 * Change requests: more (or fewer) rights for an existing standard system user, approved by the customer
 * (`/authentication/api/v1/systemuser/changerequest/vendor`), after Altinn/altinn-authentication
 * src/Authentication/Controllers/ChangeRequestSystemUserController.cs.
 */
export class ChangeRequestClient {
  private readonly api: VendorApi;

  constructor(options: SystemUserClientOptions) {
    this.api = new VendorApi(options);
  }

  async create(input: ChangeRequestInput, options?: CallOptions): Promise<CreatedChangeRequest> {
    const systemUserId = guid(input.systemUserId, 'systemUserId');
    const correlationId = guid(input.correlationId ?? randomUUID(), 'correlationId');
    if (correlationId === systemUserId)
      throw new InvalidInputError('correlationId', 'The correlation id must be a new UUID, not the system user id.');
    const query = new URLSearchParams({ 'correlation-id': correlationId, 'system-user-id': systemUserId });
    const body: Record<string, unknown> = {
      requiredRights: input.requiredRights ?? [],
      unwantedRights: input.unwantedRights ?? [],
      requiredAccessPackages: input.requiredAccessPackages ?? [],
      unwantedAccessPackages: input.unwantedAccessPackages ?? [],
    };
    if (input.redirectUrl?.trim()) body.redirectUrl = input.redirectUrl.trim();
    const answer = await this.api.send(
      {
        call: 'changeRequests.create',
        method: 'POST',
        path: `systemuser/changerequest/vendor?${query}`,
        body,
        payload: 'Change request',
        schema: changeRequestSchema,
      },
      options,
    );
    return { changeRequest: answer.value, created: answer.status === 201 };
  }

  async get(changeRequestId: string, options?: CallOptions): Promise<ChangeRequest> {
    const answer = await this.api.send(
      {
        call: 'changeRequests.get',
        method: 'GET',
        path: `systemuser/changerequest/vendor/${guid(changeRequestId, 'changeRequestId')}`,
        payload: 'Change request',
        schema: changeRequestSchema,
      },
      options,
    );
    return answer.value;
  }

  /** By the system user's triple. This answer leaves the package lists out, so they read as empty. */
  async getByExternalRef(
    key: { systemId: string; customerOrganisationNumber: string; externalRef?: string },
    options?: CallOptions,
  ): Promise<ChangeRequest> {
    const orgNo = organisationNumber(key.customerOrganisationNumber, 'customerOrganisationNumber');
    const ref = key.externalRef?.trim() || orgNo;
    const answer = await this.api.send(
      {
        call: 'changeRequests.byExternalRef',
        method: 'GET',
        path: `systemuser/changerequest/vendor/byexternalref/${segment(systemId(key.systemId))}/${orgNo}/${segment(ref)}`,
        payload: 'Change request',
        schema: changeRequestSchema,
      },
      options,
    );
    return answer.value;
  }

  async listBySystemPage(id: string, token?: string, options?: CallOptions): Promise<Page<ChangeRequest>> {
    const answer = await this.api.send(
      {
        call: 'changeRequests.bySystem',
        method: 'GET',
        path: `systemuser/changerequest/vendor/bysystem/${segment(systemId(id))}${pageQuery(token)}`,
        payload: 'Change request page',
        schema: changeRequestPageSchema,
      },
      options,
    );
    return answer.value;
  }

  /**
   * Every change request of a system, as far as Altinn lets one page: its list answers the first page for any token,
   * so `complete` is false when there are more than one page holds.
   */
  listBySystem(id: string, options?: CallOptions): Promise<PagedList<ChangeRequest>> {
    return distinctPages(
      'Change request page',
      (token) => this.listBySystemPage(id, token, options),
      (c) => c.id,
    );
  }

  /** Soft delete; Altinn answers 202. */
  async delete(changeRequestId: string, options?: CallOptions): Promise<void> {
    await this.api.send(
      {
        call: 'changeRequests.delete',
        method: 'DELETE',
        path: `systemuser/changerequest/vendor/${guid(changeRequestId, 'changeRequestId')}`,
        payload: 'Delete result',
      },
      options,
    );
  }
}
