import * as vscode from 'vscode';
import type { VendorSystemUser } from '../../platform/systemUsers';
import type { ConnectionProfile, MaskinportenProfile, SandboxProfile } from '../profiles/profile';
import type { SecretKind } from '../profiles/profileStore';
import type { ExtensionServices } from '../services';
import { asSystemsArg, pickSystem, vendorFor } from './systemsCommon';

/**
 * Use This System User: a connection profile that acts as the system user (the vendor's client, with
 * `authorization_details` naming the customer as systemuser_org and the external reference when it is not the
 * default), created or updated, then made active so the Inbox shows that customer. For an agent system user the
 * customer is the facilitator (the owner), never one of its clients (Altinn's MP-303 troubleshooting page).
 */
export async function useSystemUser(services: ExtensionServices, rawArg: unknown): Promise<ConnectionProfile> {
  const arg = asSystemsArg(rawArg);
  const title = vscode.l10n.t('Use a system user');
  const { profile: vendor, clients } = await vendorFor(services, arg, title);
  let user: VendorSystemUser | undefined = arg.systemUser;
  if (!user && arg.systemId && arg.organisation) {
    user = await clients.systemUsers.byQuery({
      systemId: arg.systemId,
      customerOrganisationNumber: arg.organisation,
      externalRef: arg.externalRef,
    });
    if (!user)
      throw new Error(
        vscode.l10n.t(
          '{0} has no system user of {1} (yet): has the customer approved the request?',
          arg.organisation,
          arg.systemId,
        ),
      );
  }
  if (!user) {
    const systemId = arg.systemId ?? (await pickSystem(services, clients, arg, title));
    const users = (await clients.systemUsers.listBySystem(systemId)).filter(
      (u) => !arg.organisation || u.reporteeOrgNo === arg.organisation,
    );
    if (users.length === 0)
      throw new Error(
        vscode.l10n.t('{0} has no system users yet: request one and have the customer approve it.', systemId),
      );
    user = (
      await services.prompts().pick(
        users.map((u) => ({
          id: u.id,
          user: u,
          label: u.reporteeOrgNo,
          description: `${u.userType} · ${u.externalRef ?? ''}`,
        })),
        { title, placeHolder: vscode.l10n.t('System user') },
      )
    ).user;
  }
  const organisation = user.reporteeOrgNo;
  const externalRef = user.externalRef && user.externalRef !== organisation ? user.externalRef : undefined;
  const profile =
    vendor.kind === 'sandbox'
      ? await sandboxProfileFor(services, organisation, user.externalRef ?? organisation)
      : vendor.kind === 'maskinporten'
        ? await maskinportenProfileFor(
            services,
            vendor,
            organisation,
            externalRef,
            user.integrationTitle ?? user.systemId,
          )
        : undefined;
  if (!profile) throw new Error(vscode.l10n.t('"{0}" cannot act as a system user.', vendor.label));
  await services.profiles.setActive(profile.id);
  services.log.info(`[systems] using system user ${user.id} for ${organisation} as "${profile.label}"`);
  return profile;
}

async function sandboxProfileFor(
  services: ExtensionServices,
  organisationNumber: string,
  externalRef: string,
): Promise<ConnectionProfile> {
  const existing = services.profiles
    .list()
    .find(
      (p): p is SandboxProfile =>
        p.kind === 'sandbox' &&
        p.identity.type === 'systemUser' &&
        p.identity.organisationNumber === organisationNumber &&
        p.identity.externalRef === externalRef,
    );
  if (existing) return existing;
  return services.profiles.add({
    kind: 'sandbox',
    environment: 'sandbox',
    label:
      externalRef !== organisationNumber
        ? vscode.l10n.t('Sandbox system user for {0} ({1})', organisationNumber, externalRef)
        : vscode.l10n.t('Sandbox system user for {0}', organisationNumber),
    identity: { type: 'systemUser', organisationNumber, externalRef },
  });
}

async function maskinportenProfileFor(
  services: ExtensionServices,
  vendor: MaskinportenProfile,
  organisationNumber: string,
  externalRef: string | undefined,
  systemTitle: string,
): Promise<ConnectionProfile> {
  const existing = services.profiles
    .list()
    .find(
      (p): p is MaskinportenProfile =>
        p.kind === 'maskinporten' &&
        p.environment === vendor.environment &&
        p.clientId === vendor.clientId &&
        p.systemUserOrg === organisationNumber,
    );
  if (existing) {
    if (existing.externalRef === externalRef) return existing;
    return services.profiles.update(existing.id, { externalRef } as Partial<MaskinportenProfile>);
  }
  const secrets: Partial<Record<SecretKind, string>> = {};
  for (const kind of ['key', 'certificate-password'] as SecretKind[]) {
    const value = await services.profiles.getSecret(vendor.id, kind);
    if (value !== undefined) secrets[kind] = value;
  }
  const { id: _id, createdAt: _createdAt, ...metadata } = vendor;
  return services.profiles.add(
    {
      ...metadata,
      label: vscode.l10n.t('{0} for {1}', systemTitle, organisationNumber),
      systemUserOrg: organisationNumber,
      externalRef,
    },
    secrets,
  );
}
