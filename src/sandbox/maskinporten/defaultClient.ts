import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { SeededRandom } from '../core/random';
import type { SandboxContext, SandboxDefaultClient } from '../context';
import type { SandboxMaskinportenClient, SandboxOrganisation, SandboxSystemUser } from '../world/types';
import { ACCOUNTANT_CLIENT_PACKAGES, MAIL_PACKAGE } from '../world/policies';
import { VENDOR_SCOPES } from './scopes';

export const SANDBOX_SYSTEM_NAME = 'altinn_inbox_inspector';
/** The externalRef of the system user whose request was made with a non-default one. */
export const SANDBOX_EXTERNAL_REF = 'inbox-inspector-customer-2';

/**
 * Registers the ready-made Maskinporten client (fresh UUID and RSA-2048 key per sandbox start) owned by a vendor
 * organisation of the world, and system users for three customers: all resources delegated, a non-default
 * externalRef, and one with no delegations (sees empty lists, as in tt02 before delegation); and, when the world has a
 * fourth organisation, one that holds only an access package (the usual case in tt02: its rights reach resources
 * through the package, so Access Management lists no authorizedResources for it).
 */
export async function registerDefaultClient(context: SandboxContext): Promise<SandboxDefaultClient> {
  const { world } = context;
  const mainUnits = world.organisations.filter((o) => !o.parentOrganisationNumber && !o.isDeleted);
  if (mainUnits.length < 3) throw new Error('the sandbox world needs at least three active organisations');
  const vendor = mainUnits[0];
  const clientId = randomUUID();
  const kid = `sandbox-client-${clientId.slice(0, 8)}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const client: SandboxMaskinportenClient = {
    clientId,
    name: 'Altinn Inbox Inspector (sandbox)',
    ownerOrganisationNumber: vendor.organisationNumber,
    scopes: VENDOR_SCOPES,
    publicJwks: [publicJwk],
    certificateOrganisationNumbers: [vendor.organisationNumber],
  };
  world.clients.push(client);
  world.systemUsers.push(...systemUsersFor(context, client, vendor, mainUnits.slice(0, 4)));
  return { clientId, privateJwk, scopes: VENDOR_SCOPES };
}

function systemUsersFor(
  context: SandboxContext,
  client: SandboxMaskinportenClient,
  vendor: SandboxOrganisation,
  customers: readonly SandboxOrganisation[],
): SandboxSystemUser[] {
  const random = new SeededRandom(context.world.seed ^ 0x5f3759df);
  const systemId = `${vendor.organisationNumber}_${SANDBOX_SYSTEM_NAME}`;
  const allResources = context.world.serviceOwners.flatMap((o) => o.resources);
  const [full, withExternalRef, empty, withPackage] = customers;
  const users: SandboxSystemUser[] = [
    {
      id: random.uuid(),
      systemId,
      clientIds: [client.clientId],
      organisationNumber: full.organisationNumber,
      delegatedResources: allResources,
    },
    {
      id: random.uuid(),
      systemId,
      clientIds: [client.clientId],
      organisationNumber: withExternalRef.organisationNumber,
      externalRef: SANDBOX_EXTERNAL_REF,
      delegatedResources: allResources.slice(0, Math.ceil(allResources.length / 2)),
    },
    {
      id: random.uuid(),
      systemId,
      clientIds: [client.clientId],
      organisationNumber: empty.organisationNumber,
      delegatedResources: [],
    },
  ];
  if (withPackage) {
    users.push({
      id: random.uuid(),
      systemId,
      clientIds: [client.clientId],
      organisationNumber: withPackage.organisationNumber,
      delegatedResources: [],
      accessPackages: [MAIL_PACKAGE],
    });
  }
  const firm = context.world.accountingFirm;
  if (firm) {
    // An agent system user of the accounting firm; its clients are delegated to it with the accountant's packages
    // (resolved in accessManagement/callerAccess.ts).
    users.push({
      id: random.uuid(),
      systemId,
      clientIds: [client.clientId],
      organisationNumber: firm.organisationNumber,
      delegatedResources: [],
      accessPackages: ACCOUNTANT_CLIENT_PACKAGES,
      userType: 'agent',
      clientOrganisations: firm.clientOrganisations,
    });
  }
  return users;
}
