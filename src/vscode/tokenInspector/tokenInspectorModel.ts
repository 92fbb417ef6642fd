// What the token inspector shows, and its HTML: no `vscode` import (unit-tested in Node).
// The model holds the decoded header and claims only: never the token text or its signature.
import { inspectJwt, isEndUser, tokenUserType, type TokenKind, type VerificationVerdict } from '../../platform/auth';
import { CLAIM_MEANINGS, DIALOG_TOKEN_CLAIM_MEANINGS } from '../../platform/auth';
import { describeScope, featureChecklist, featureDefinition } from '../../platform/scopes';
import { identityFromClaims, type TokenIdentity } from '../../platform/auth/tokenIdentity';
import { escapeHtml } from '../webview/webviewHtml';
import type { VerdictView } from './protocol';

export interface ClaimRow {
  readonly name: string;
  /** Display text: strings as they are, timestamps with their ISO date, objects as indented JSON. */
  readonly value: string;
  readonly meaning?: string;
}

export interface InspectorModel {
  readonly kind: TokenKind;
  readonly kindLabel: string;
  /** Where the token came from, e.g. 'Active profile "tt02 client"'. */
  readonly source: string;
  readonly header: readonly ClaimRow[];
  readonly claims: readonly ClaimRow[];
  readonly expiry: {
    readonly expMs?: number;
    readonly iatMs?: number;
    readonly nbfMs?: number;
    readonly state: string;
    readonly text: string;
  };
  readonly scopes: readonly { readonly scope: string; readonly purpose?: string }[];
  /** `needsEndUser`: the feature's API serves only a person or a system user, and this token is neither. */
  readonly features: readonly {
    readonly label: string;
    readonly satisfied: boolean;
    readonly missing: readonly string[];
    readonly needsEndUser: boolean;
  }[];
  readonly identity: TokenIdentity;
  /** Decoded header and claims, as "Copy as JSON" gives them. */
  readonly json: string;
  readonly verdict: VerdictView;
}

const KIND_LABELS: Readonly<Record<TokenKind, string>> = {
  maskinporten: 'Maskinporten access token',
  altinn: 'Altinn token',
  'altinn-test-tools': 'Altinn test token',
  'dialog-token': 'Dialogporten dialog token',
  'id-porten': 'ID-porten token',
  unknown: 'JWT',
};

const HEADER_MEANINGS: Readonly<Record<string, string>> = {
  alg: 'Signing algorithm.',
  kid: "Id of the issuer's key that signed the token (looked up in its JWKS).",
  typ: 'Token type.',
  x5c: 'Certificate chain of the signer.',
  x5t: "Thumbprint of the signer's certificate.",
};

/** Decodes (without trusting) and explains a token; throws JwtDecodeError for text that is not a JWT. */
export function buildInspectorModel(token: string, options: { source: string; nowMs?: number }): InspectorModel {
  const inspection = inspectJwt(token, { nowMs: options.nowMs });
  const meanings =
    inspection.kind === 'dialog-token' ? { ...CLAIM_MEANINGS, ...DIALOG_TOKEN_CLAIM_MEANINGS } : CLAIM_MEANINGS;
  const claims = inspection.claims;
  const num = (value: unknown): number | undefined => (typeof value === 'number' ? value * 1000 : undefined);
  return {
    kind: inspection.kind,
    kindLabel: KIND_LABELS[inspection.kind],
    source: options.source,
    header: Object.entries(inspection.header).map(([name, value]) => ({
      name,
      value: display(name, value),
      meaning: HEADER_MEANINGS[name],
    })),
    claims: Object.entries(claims).map(([name, value]) => ({
      name,
      value: display(name, value),
      meaning: meanings[name],
    })),
    expiry: {
      expMs: num(claims.exp),
      iatMs: num(claims.iat),
      nbfMs: num(claims.nbf),
      state: inspection.expiry.state,
      text: inspection.expiry.text,
    },
    scopes: inspection.scopes.map((scope) => ({ scope, purpose: describeScope(scope)?.purpose.en })),
    features:
      inspection.kind === 'dialog-token' || inspection.scopes.length === 0
        ? []
        : featureChecklist(inspection.scopes, { endUser: isEndUser(tokenUserType(claims)) }).map((f) => ({
            label: featureDefinition(f.feature).label.en,
            satisfied: f.satisfied,
            missing: f.missing,
            needsEndUser: f.needsEndUser,
          })),
    identity: identityFromClaims(claims),
    json: `${JSON.stringify({ header: inspection.header, claims }, null, 2)}\n`,
    verdict: { state: 'checking', text: "Checking the signature against the issuer's published keys…" },
  };
}

export function verdictView(verdict: VerificationVerdict): VerdictView {
  switch (verdict.verdict) {
    case 'verified':
      return {
        state: 'verified',
        text: `Signature verified: signed by ${verdict.issuer} with ${verdict.alg}${verdict.kid ? ` (kid ${verdict.kid})` : ''}.`,
      };
    case 'bad-signature':
      return { state: 'bad-signature', text: `Signature NOT valid: ${verdict.reason}` };
    case 'unknown-issuer':
      return { state: 'unknown-issuer', text: `Signature not checked: ${verdict.reason}` };
    case 'unreachable':
      return {
        state: 'unreachable',
        text: `Signature not checked: the issuer is unreachable from here. ${verdict.reason}`,
      };
  }
}

function display(name: string, value: unknown): string {
  if ((name === 'exp' || name === 'iat' || name === 'nbf' || name === 'auth_time') && typeof value === 'number')
    return `${value} (${new Date(value * 1000).toISOString()})`;
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

function rows(list: readonly ClaimRow[], id: string): string {
  return `<table class="claims" id="${id}"><thead><tr><th scope="col">Claim</th><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead><tbody>${list.map((row) => `<tr><th scope="row"><code>${escapeHtml(row.name)}</code></th><td><pre>${escapeHtml(row.value)}</pre></td><td>${row.meaning ? escapeHtml(row.meaning) : '<span class="muted">—</span>'}</td></tr>`).join('')}</tbody></table>`;
}

function identityList(identity: TokenIdentity): string {
  const items: [string, string | undefined][] = [
    ['Person', identity.person],
    ['System user for', identity.systemUserOrganisationNumber],
    ['System user id', identity.systemUserId],
    ['System', identity.systemId],
    ['Consumer organisation', identity.consumerOrganisationNumber],
    ['Client', identity.clientId],
    ['Altinn party id', identity.partyId],
  ];
  const present = items.filter(([, value]) => value);
  if (present.length === 0)
    return '<p class="muted">No identity claims (consumer, pid, system user) in this token.</p>';
  return `<dl class="identity">${present.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd><code>${escapeHtml(value!)}</code></dd>`).join('')}</dl>`;
}

/** Why a feature is not ready, as HTML: the end user it needs, then the scopes it lacks. */
function featureShortfall(feature: InspectorModel['features'][number]): string {
  const parts = feature.needsEndUser ? ['needs a system user (or a person): this token is neither'] : [];
  if (feature.missing.length)
    parts.push(`missing ${feature.missing.map((m) => `<code>${escapeHtml(m)}</code>`).join(', ')}`);
  return parts.join('; ');
}

/** The panel's body: every value escaped; the live countdown and the verdict are filled in by the script. */
export function renderInspectorBody(model: InspectorModel): string {
  const expiry = model.expiry;
  const scopes = model.scopes.length
    ? `<ul class="scopes">${model.scopes.map((s) => `<li><code>${escapeHtml(s.scope)}</code>${s.purpose ? ` — ${escapeHtml(s.purpose)}` : ' <span class="muted">(not in the catalogue)</span>'}</li>`).join('')}</ul>`
    : '<p class="muted">No scope claim.</p>';
  const features = model.features.length
    ? `<ul class="features">${model.features.map((f) => `<li class="${f.satisfied ? 'ok' : 'missing'}"><span class="mark" aria-hidden="true">${f.satisfied ? '✓' : '✗'}</span> ${escapeHtml(f.label)}${f.satisfied ? '' : ` <span class="muted">— ${featureShortfall(f)}</span>`}</li>`).join('')}</ul>`
    : '';
  return `<main>
<header class="summary">
  <h1>${escapeHtml(model.kindLabel)}</h1>
  <p class="source">${escapeHtml(model.source)}</p>
  <p id="expiry" class="expiry ${escapeHtml(expiry.state)}" role="timer" aria-live="off"${expiry.expMs !== undefined ? ` data-exp-ms="${expiry.expMs}"` : ''}${expiry.nbfMs !== undefined ? ` data-nbf-ms="${expiry.nbfMs}"` : ''}>${escapeHtml(capitalise(expiry.text))}</p>
  <p id="verdict" class="verdict ${escapeHtml(model.verdict.state)}" role="status">${escapeHtml(model.verdict.text)}</p>
  <div class="actions">
    <button type="button" id="copyJson" title="Copies the decoded header and claims (not the token)">Copy as JSON</button>
    <button type="button" id="openJson" class="secondary" title="Opens the decoded header and claims in an editor">Open as JSON</button>
  </div>
</header>
<section aria-labelledby="identity-title"><h2 id="identity-title">Identity</h2>${identityList(model.identity)}</section>
<section aria-labelledby="scopes-title"><h2 id="scopes-title">Scopes</h2>${scopes}${features}</section>
<section aria-labelledby="claims-title"><h2 id="claims-title">Claims</h2>${rows(model.claims, 'claims')}</section>
<section aria-labelledby="header-title"><h2 id="header-title">Header</h2>${rows(model.header, 'header')}</section>
<p class="muted note">Decoded in VS Code. The token itself is not shown here and is never sent anywhere by this view.</p>
</main>`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
