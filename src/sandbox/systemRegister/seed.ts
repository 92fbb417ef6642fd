import type { SandboxContext } from '../context';
import { knownAccessPackages } from '../world/policies';
import { allResourceIds } from '../world/policies';
import { RESOURCE_ATTRIBUTE } from './systemValidation';
import { systemRegisterOf } from './store';

/** Where the seeded system lets a request send the customer after approval. */
export const SEEDED_REDIRECT_URL = 'https://inbox-inspector.example/systemuser/receipt';

/**
 * Registers a system for every system id the world's seeded system users name, owned by the organisation that owns
 * their Maskinporten client and listing those client ids, so the register is what Maskinporten's system-user check
 * reads. The system offers every resource and access package of the sandbox (client packages included, so it is
 * not visible in the portal: VLD-00018), and gives the seeded users their sequence numbers in seeding order.
 */
export function seedRegisteredSystems(context: SandboxContext): void {
  const store = systemRegisterOf(context);
  const { world } = context;
  for (const user of world.systemUsers) {
    if (!store.system(user.systemId)) {
      const users = world.systemUsers.filter((u) => u.systemId === user.systemId);
      const clientIds = [...new Set(users.flatMap((u) => u.clientIds))];
      const owner = world.clients.find((c) => clientIds.includes(c.clientId))?.ownerOrganisationNumber;
      if (!owner) continue;
      store.addSystem({
        id: user.systemId,
        vendorOrganisationNumber: owner,
        name: {
          nb: 'Altinn Inbox Inspector (sandkasse)',
          nn: 'Altinn Inbox Inspector (sandkasse)',
          en: 'Altinn Inbox Inspector (sandbox)',
        },
        description: {
          nb: 'Leser innboksen til kunden gjennom Dialogporten og Altinn Melding.',
          nn: 'Les innboksen til kunden gjennom Dialogporten og Altinn Melding.',
          en: "Reads the customer's inbox through Dialogporten and Altinn Correspondence.",
        },
        rights: allResourceIds(world).map((id) => ({ resource: [{ id: RESOURCE_ATTRIBUTE, value: id }] })),
        accessPackages: knownAccessPackages().map((urn) => ({ urn })),
        clientIds,
        isVisible: false,
        allowedRedirectUrls: [SEEDED_REDIRECT_URL],
      });
    }
    store.record(user);
  }
}
