import { lazySchema } from '../loadPayloadSchemas';
import { systemBody, systemId, type AccessPackageInput, type RightInput, type SystemDefinition } from './inputs';
import type { RegisteredSystem, VendorSystemSummary } from './schemas';
import { segment, VendorApi, type CallOptions, type SystemUserClientOptions } from './vendorApi';

const registeredSystemSchema = lazySchema((s) => s.systemUserSchemas.registeredSystemSchema);
const vendorSystemListSchema = lazySchema((s) => s.systemUserSchemas.vendorSystemListSchema);
const createdSystemIdSchema = lazySchema((s) => s.systemUserSchemas.createdSystemIdSchema);
const succeededSchema = lazySchema((s) => s.systemUserSchemas.succeededSchema);

/**
 * The vendor's side of Altinn's system register (`/authentication/api/v1/systemregister/vendor`, scope
 * `altinn:authentication/systemregister.write`), after Altinn/altinn-authentication
 * src/Authentication/Controllers/SystemRegisterController.cs. The vendor is the organisation in the token's `consumer`.
 */
export class SystemRegisterClient {
  private readonly api: VendorApi;

  constructor(options: SystemUserClientOptions) {
    this.api = new VendorApi(options);
  }

  /** The vendor's own systems, deleted ones left out. A shorter DTO than `get` (no client ids or redirect URLs). */
  async list(options?: CallOptions): Promise<VendorSystemSummary[]> {
    const answer = await this.api.send(
      {
        call: 'systemRegister.list',
        method: 'GET',
        path: 'systemregister/vendor',
        payload: 'System list',
        schema: vendorSystemListSchema,
      },
      options,
    );
    return answer.value;
  }

  /** One system with everything; a deleted system still comes back (`isDeleted: true`). */
  async get(id: string, options?: CallOptions): Promise<RegisteredSystem> {
    const answer = await this.api.send(
      {
        call: 'systemRegister.get',
        method: 'GET',
        path: `systemregister/vendor/${segment(systemId(id))}`,
        payload: 'Registered system',
        schema: registeredSystemSchema,
      },
      options,
    );
    return answer.value;
  }

  /** Registers a system; Altinn answers its internal GUID. */
  async create(definition: SystemDefinition, options?: CallOptions): Promise<{ internalId: string }> {
    const answer = await this.api.send(
      {
        call: 'systemRegister.create',
        method: 'POST',
        path: 'systemregister/vendor',
        body: systemBody(definition),
        payload: 'Created system id',
        schema: createdSystemIdSchema,
      },
      options,
    );
    return { internalId: answer.value };
  }

  /** Replaces the whole system: what the definition leaves out (client ids included) is removed. */
  async update(definition: SystemDefinition, options?: CallOptions): Promise<void> {
    await this.api.send(
      {
        call: 'systemRegister.update',
        method: 'PUT',
        path: `systemregister/vendor/${segment(systemId(definition.id))}`,
        body: systemBody(definition),
        payload: 'Update result',
        schema: succeededSchema,
      },
      options,
    );
  }

  /** Replaces the system's rights. */
  async updateRights(id: string, rights: readonly RightInput[], options?: CallOptions): Promise<void> {
    await this.api.send(
      {
        call: 'systemRegister.updateRights',
        method: 'PUT',
        path: `systemregister/vendor/${segment(systemId(id))}/rights`,
        body: rights,
        payload: 'Update result',
        schema: succeededSchema,
      },
      options,
    );
  }

  /** Replaces the system's access packages. */
  async updateAccessPackages(
    id: string,
    packages: readonly AccessPackageInput[],
    options?: CallOptions,
  ): Promise<void> {
    await this.api.send(
      {
        call: 'systemRegister.updateAccessPackages',
        method: 'PUT',
        path: `systemregister/vendor/${segment(systemId(id))}/accesspackages`,
        body: packages,
        payload: 'Update result',
        schema: succeededSchema,
      },
      options,
    );
  }

  /** Soft delete: the system's client ids are freed, its id stays taken. */
  async delete(id: string, options?: CallOptions): Promise<void> {
    await this.api.send(
      {
        call: 'systemRegister.delete',
        method: 'DELETE',
        path: `systemregister/vendor/${segment(systemId(id))}`,
        payload: 'Delete result',
        schema: succeededSchema,
      },
      options,
    );
  }
}
