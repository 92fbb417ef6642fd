import { InvalidInputError } from '../errors';
import { validateOrganisationNumber } from '../identifiers';
import type { AccessPackage, Right } from './schemas';

/** A right on a system or in a request: `{"resource":[{"id":"urn:altinn:resource","value":"<resource id>"}]}`. */
export interface RightInput {
  readonly resource: readonly { readonly id: string; readonly value: string }[];
  readonly action?: string;
}

export interface AccessPackageInput {
  readonly urn: string;
}

/** What a vendor sends to register or replace a system (PUT replaces everything, client ids included). */
export interface SystemDefinition {
  /** `<vendor orgno>_<name>`, no spaces. */
  readonly id: string;
  /** The vendor's organisation number; must be the token's `consumer`. */
  readonly vendorOrganisationNumber: string;
  /** `nb` is required by approval (AUTH-00017); `nn`, `en` optional. */
  readonly name: Readonly<Record<string, string>>;
  readonly description: Readonly<Record<string, string>>;
  readonly rights?: readonly RightInput[];
  readonly accessPackages?: readonly AccessPackageInput[];
  /** Maskinporten client ids; a token for a system user is issued only to a client listed here. */
  readonly clientIds?: readonly string[];
  readonly isVisible?: boolean;
  /** Absolute https URLs a request may redirect the customer to. */
  readonly allowedRedirectUrls?: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `urn:altinn:resource` with a bare resource id: the one right shape the register accepts (VLD-00009). */
export function resourceRight(resourceId: string): RightInput {
  return { resource: [{ id: 'urn:altinn:resource', value: resourceId.replace(/^urn:altinn:resource:/, '') }] };
}

export function organisationNumber(value: string, field: string): string {
  const result = validateOrganisationNumber(value);
  if (!result.ok) throw new InvalidInputError(field, `${field}: ${result.reason}`);
  return result.value;
}

export function guid(value: string, field: string): string {
  if (!GUID.test(value.trim()))
    throw new InvalidInputError(
      field,
      `${field} must be a UUID like 505f8488-3d48-4c15-8e21-35cb9432f815; got "${value}".`,
    );
  return value.trim().toLowerCase();
}

/** The checks Altinn makes on a system id (VLD-00001, VLD-00013), made before the call so the message is local. */
export function systemId(value: string, vendorOrganisationNumber?: string): string {
  const id = value.trim();
  if (!id) throw new InvalidInputError('systemId', 'A system id is required ("<vendor orgno>_<name>").');
  if (/\s/.test(id)) throw new InvalidInputError('systemId', `The system id "${id}" may not contain spaces.`);
  const prefix = id.split('_')[0];
  if (!id.includes('_') || (vendorOrganisationNumber !== undefined && prefix !== vendorOrganisationNumber))
    throw new InvalidInputError(
      'systemId',
      `The system id must be "<vendor orgno>_<name>"${vendorOrganisationNumber ? `, starting with ${vendorOrganisationNumber}_` : ''}; got "${id}".`,
    );
  return id;
}

/** The body of POST/PUT systemregister/vendor. */
export function systemBody(definition: SystemDefinition): Record<string, unknown> {
  const vendor = organisationNumber(definition.vendorOrganisationNumber, 'vendorOrganisationNumber');
  const body: Record<string, unknown> = {
    id: systemId(definition.id, vendor),
    vendor: { ID: `0192:${vendor}` },
    name: definition.name,
    description: definition.description,
    rights: definition.rights ?? [],
    accessPackages: definition.accessPackages ?? [],
    clientId: definition.clientIds ?? [],
    isVisible: definition.isVisible ?? true,
  };
  if (definition.allowedRedirectUrls) body.allowedRedirectUrls = definition.allowedRedirectUrls;
  return body;
}

/** Rights as read back, for sending again unchanged. */
export function rightInputs(rights: readonly Right[]): RightInput[] {
  return rights.map((r) => ({
    resource: r.resource.map(({ id, value }) => ({ id, value })),
    action: r.action ?? undefined,
  }));
}

export function packageInputs(packages: readonly AccessPackage[]): AccessPackageInput[] {
  return packages.map(({ urn }) => ({ urn }));
}
