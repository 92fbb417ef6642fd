// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Common/IDialogTokenGenerator.cs
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, createLocalJWKSet, type JWTPayload } from 'jose';
import { noteSecret } from '../../platform/secretLedger';
import type { SandboxContext } from '../context';
import type { StoredDialog } from '../data/dialogTypes';
import type { DialogportenCaller } from './caller';

export const DIALOG_TOKEN_LIFETIME_SECONDS = 600;

/** The dialog token's issuer: `<dialogporten base>/api/v1`, as in tt02. */
export function dialogTokenIssuer(context: SandboxContext): string {
  return `${context.urls().dialogportenBase}/api/v1`;
}

/** `a`: the actions the caller may perform, `;`-separated, with `,<resource>` for sub-resource actions. */
function authorizedActions(dialog: StoredDialog): string {
  const actions = new Set<string>(['read']);
  for (const action of (dialog.body().guiActions as
    { action?: string; isAuthorized?: boolean; authorizationAttribute?: string | null }[] | null | undefined) ?? []) {
    if (!action.action || action.isAuthorized === false) continue;
    actions.add(action.authorizationAttribute ? `${action.action},${action.authorizationAttribute}` : action.action);
  }
  return [...actions].join(';');
}

/** Signs a dialog token (EdDSA, Ed25519) with Dialogporten's one-letter claims. */
export async function mintDialogToken(
  context: SandboxContext,
  caller: DialogportenCaller,
  dialog: StoredDialog,
): Promise<string> {
  const key = context.keys.dialogporten;
  const now = context.clock.nowSeconds();
  const claims: JWTPayload = {
    jti: randomUUID(),
    c: caller.authenticatedParty,
    l: caller.authenticationLevel,
    p: dialog.fields.party,
    s: dialog.fields.serviceResource,
    i: dialog.fields.id,
    a: authorizedActions(dialog),
  };
  if (caller.systemUser) {
    claims.y = `urn:altinn:systemuser:uuid:${caller.systemUser.id}`;
    claims.o = `urn:altinn:organization:identifier-no:${caller.systemUser.organisationNumber}`;
  }
  const supplier = caller.principal.claims.supplier as { ID?: string } | undefined;
  if (supplier?.ID) claims.u = `urn:altinn:organization:identifier-no:${supplier.ID.replace(/^0192:/, '')}`;
  return noteSecret(
    'dialog-token',
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })
      .setIssuer(dialogTokenIssuer(context))
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + DIALOG_TOKEN_LIFETIME_SECONDS)
      .sign(key.privateKey),
  );
}

/** Verifies a bearer dialog token from the request; undefined when missing, forged or expired. */
export async function verifyDialogToken(
  context: SandboxContext,
  authorization: string | undefined,
): Promise<JWTPayload | undefined> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [context.keys.dialogporten.publicJwk] }), {
      issuer: dialogTokenIssuer(context),
      algorithms: ['EdDSA'],
      currentDate: new Date(context.clock.nowMs()),
      clockTolerance: 2,
    });
    return payload;
  } catch {
    return undefined;
  }
}
