import { lazySchema } from '../loadPayloadSchemas';
import { organisationNumber, systemId } from './inputs';
import { allPages, pageQuery } from './paging';
import type { Page, VendorSystemUser } from './schemas';
import { isBareNotFound, segment, VendorApi, type CallOptions, type SystemUserClientOptions } from './vendorApi';

const systemUserSchema = lazySchema((s) => s.systemUserSchemas.vendorSystemUserSchema);
const systemUserPageSchema = lazySchema((s) => s.systemUserSchemas.vendorSystemUserPageSchema);

/**
 * The system users of the vendor's systems (`/authentication/api/v1/systemuser/vendor`), after
 * Altinn/altinn-authentication src/Authentication/Controllers/SystemUserController.cs. The vendor cannot delete a
 * system user; only the customer can, in the Altinn portal.
 */
export class VendorSystemUsersClient {
  private readonly api: VendorApi;

  constructor(options: SystemUserClientOptions) {
    this.api = new VendorApi(options);
  }

  /** One page of a system's system users, standard and agent (needs the register scope, not a request scope). */
  async listBySystemPage(id: string, token?: string, options?: CallOptions): Promise<Page<VendorSystemUser>> {
    const answer = await this.api.send(
      {
        call: 'systemUsers.bySystem',
        method: 'GET',
        path: `systemuser/vendor/bysystem/${segment(systemId(id))}${pageQuery(token)}`,
        payload: 'System user page',
        schema: systemUserPageSchema,
      },
      options,
    );
    return answer.value;
  }

  listBySystem(id: string, options?: CallOptions): Promise<VendorSystemUser[]> {
    return allPages('System user page', (token) => this.listBySystemPage(id, token, options));
  }

  /**
   * The system user for (system, customer, external reference), or undefined: Altinn answers an empty 404 both when
   * there is none and when it belongs to another vendor. Needs the request *write* scope.
   */
  async byQuery(
    key: { systemId: string; customerOrganisationNumber: string; externalRef?: string },
    options?: CallOptions,
  ): Promise<VendorSystemUser | undefined> {
    const query = new URLSearchParams({
      'system-id': systemId(key.systemId),
      orgno: organisationNumber(key.customerOrganisationNumber, 'customerOrganisationNumber'),
    });
    if (key.externalRef?.trim()) query.set('external-ref', key.externalRef.trim());
    try {
      const answer = await this.api.send(
        {
          call: 'systemUsers.byQuery',
          method: 'GET',
          path: `systemuser/vendor/byquery?${query}`,
          payload: 'System user',
          schema: systemUserSchema,
        },
        options,
      );
      return answer.value;
    } catch (error) {
      if (isBareNotFound(error)) return undefined;
      throw error;
    }
  }
}
