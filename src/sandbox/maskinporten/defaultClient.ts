import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { SeededRandom } from '../core/random';
import type { SandboxContext, SandboxDefaultClient } from '../context';
import type { SandboxMaskinportenClient, SandboxOrganisation, SandboxSystemUser } from '../world/types';
import { MAIL_PACKAGE } from '../world/policies';
import { VENDOR_SCOPES } from './scopes';

export const SANDBOX_SYSTEM_NAME = 'altinn_inbox_inspector';
/** The externalRef of the system user whose request was made with a non-default one. */
export const SANDBOX_EXTERNAL_REF = 'inbox-inspector-customer-2';
/** The externalRef of the seeded agent system user (an accounting firm's, with client delegations). */
export const SANDBOX_AGENT_EXTERNAL_REF = 'inbox-inspector-accountant';
/** The access package the seeded agent system user holds for its clients. */
export const SANDBOX_AGENT_PACKAGE = 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet';
const AGENT_CLIENTS = 5;

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
  world.systemUsers.push(agentSystemUserFor(context, client, vendor, mainUnits[1]));
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
  return users;
}

/**
 * An accounting firm's agent system user: owned by the firm (the facilitator, the `systemuser_org` of its tokens), with
 * the accountant package delegated for a handful of client organisations (the other active organisations and
 * sub-units), as the customer's client administration in the portal would have done.
 */
function agentSystemUserFor(
  context: SandboxContext,
  client: SandboxMaskinportenClient,
  vendor: SandboxOrganisation,
  firm: SandboxOrganisation,
): SandboxSystemUser {
  const random = new SeededRandom(context.world.seed ^ 0x0a6e17);
  const clients = context.world.organisations
    .filter((o) => !o.isDeleted && o.organisationNumber !== firm.organisationNumber)
    .slice(0, AGENT_CLIENTS)
    .map((o) => o.organisationNumber);
  return {
    id: random.uuid(),
    systemId: `${vendor.organisationNumber}_${SANDBOX_SYSTEM_NAME}`,
    clientIds: [client.clientId],
    organisationNumber: firm.organisationNumber,
    externalRef: SANDBOX_AGENT_EXTERNAL_REF,
    delegatedResources: [],
    accessPackages: [SANDBOX_AGENT_PACKAGE],
    userType: 'agent',
    clientOrganisations: clients,
  };
}
