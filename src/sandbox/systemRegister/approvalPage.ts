// The customer's side at the confirm URL: a stand-in for Altinn's portal pages (Altinn/altinn-access-management-frontend
// src/features/amUI/systemUser/SystemUser{Request,AgentRequest,ChangeRequest}Page.tsx) on the sandbox's own base URL.
// The customer "logs in" by picking one of the sandbox persons linked to the organisation; access managers approve
// or reject, others may only escalate. Afterwards the page links to the request's redirect URL instead of sending the
// browser there (the vendor's URL is usually not reachable from a test).
import type { SandboxContext } from '../context';
import type { RequestContext, Router } from '../core/router';
import { decideChangeRequest, decideRequest, personsFor, type Decision, type DecisionOutcome } from './approvalActions';
import { escapeHtml, sendPage } from './html';
import { AUTH_PROBLEMS } from './problems';
import { systemRegisterOf, type SystemRegisterStore } from './store';
import type { StoredChangeRequest, StoredRequest, StoredRight } from './types';

const PAGES = ['request', 'agentrequest', 'changerequest'] as const;
type PageKind = (typeof PAGES)[number];
const DECISIONS: readonly Decision[] = ['approve', 'reject', 'escalate'];

export function registerApprovalPages(router: Router, context: SandboxContext): void {
  const store = systemRegisterOf(context);
  for (const page of PAGES) {
    const path = `/accessmanagement/ui/systemuser/${page}`;
    router.get(path, (request) => show(request, context, store, page, request.query.get('id') ?? ''));
    router.post(path, async (request) => {
      const form = new URLSearchParams((await request.body()).toString('utf8'));
      const id = form.get('id') ?? '';
      const decision = form.get('decision') as Decision;
      const person = form.get('person') ?? '';
      if (!DECISIONS.includes(decision) || !person)
        return show(request, context, store, page, id, 400, 'Pick who you are and what you answer.');
      const outcome = decide(context, store, page, id, person, decision, form.getAll('client'));
      if (!outcome) return show(request, context, store, page, id);
      if (!outcome.ok)
        return show(
          request,
          context,
          store,
          page,
          id,
          AUTH_PROBLEMS[outcome.code][0],
          `AUTH-${outcome.code}: ${AUTH_PROBLEMS[outcome.code][1]}`,
        );
      show(request, context, store, page, id, 200, undefined, decision);
    });
  }
}

function decide(
  context: SandboxContext,
  store: SystemRegisterStore,
  page: PageKind,
  id: string,
  person: string,
  decision: Decision,
  clients: string[],
): DecisionOutcome | undefined {
  if (page === 'changerequest') {
    const change = liveChange(store, id);
    return change && decideChangeRequest(context, store, change, person, decision);
  }
  const request = liveRequest(store, page, id);
  return request && decideRequest(context, store, request, person, decision, clients);
}

function liveRequest(store: SystemRegisterStore, page: PageKind, id: string): StoredRequest | undefined {
  const request = store.requests.get(id.toLowerCase());
  const kind = page === 'agentrequest' ? 'agent' : 'standard';
  return request && !request.isDeleted && request.kind === kind ? request : undefined;
}

function liveChange(store: SystemRegisterStore, id: string): StoredChangeRequest | undefined {
  const change = store.changeRequests.get(id.toLowerCase());
  return change && !change.isDeleted ? change : undefined;
}

function show(
  request: RequestContext,
  context: SandboxContext,
  store: SystemRegisterStore,
  page: PageKind,
  id: string,
  status = 200,
  error?: string,
  done?: Decision,
): void {
  const item = page === 'changerequest' ? liveChange(store, id) : liveRequest(store, page, id);
  if (!item)
    return sendPage(
      request.res,
      404,
      'Request not found',
      `<h1>Request not found</h1><p class="error">No ${escapeHtml(page)} with id “${escapeHtml(id)}” exists (it may have been deleted).</p>`,
    );
  const system = store.system(item.systemId);
  const org = context.world.organisations.find((o) => o.organisationNumber === item.partyOrgNo);
  const vendor = context.world.organisations.find((o) => o.organisationNumber === system?.vendorOrganisationNumber);
  const kindText =
    page === 'agentrequest'
      ? 'an agent system user (for clients)'
      : page === 'changerequest'
        ? 'a change'
        : 'a system user';
  const parts: string[] = [
    `<h1>Altinn sandbox: ${escapeHtml(system?.name.en ?? system?.name.nb ?? item.systemId)} asks for ${kindText}</h1>`,
    `<p class="note">This page stands in for Altinn's portal. Nothing here is real.</p>`,
    `<dl><dt>For the organisation</dt><dd>${escapeHtml(org?.name ?? '')} (${escapeHtml(item.partyOrgNo)})</dd>`,
    `<dt>Vendor</dt><dd>${escapeHtml(vendor?.name ?? '')} (${escapeHtml(system?.vendorOrganisationNumber ?? '')})</dd>`,
    `<dt>System</dt><dd>${escapeHtml(item.systemId)}</dd>`,
    `<dt>Status</dt><dd id="status">${escapeHtml(item.status)}</dd></dl>`,
    whatIsAsked(item),
  ];
  if (store.isTimedOut(item.createdMs))
    parts.push(`<p class="warn">This request is older than the time limit and reads <code>timedOut: true</code>.</p>`);
  if (error) parts.push(`<p class="error" role="alert">${escapeHtml(error)}</p>`);
  if (done) parts.push(doneText(done, item));
  else if (item.status === 'New') parts.push(form(context, page, item));
  else parts.push(`<p class="note">This request is ${escapeHtml(item.status)}; it can no longer be answered.</p>`);
  sendPage(request.res, status, 'Altinn sandbox: system user', parts.join(''));
}

function whatIsAsked(item: StoredRequest | StoredChangeRequest): string {
  if ('requiredRights' in item) {
    return [
      list('Rights to add', rightIds(item.requiredRights)),
      list('Rights to remove', rightIds(item.unwantedRights)),
      list(
        'Access packages to add',
        item.requiredAccessPackages.map((p) => p.urn),
      ),
      list(
        'Access packages to remove',
        item.unwantedAccessPackages.map((p) => p.urn),
      ),
    ].join('');
  }
  return (
    list('Rights (services)', rightIds(item.rights)) +
    list(
      'Access packages',
      item.accessPackages.map((p) => p.urn),
    )
  );
}

function list(title: string, items: readonly string[]): string {
  if (!items.length) return '';
  return `<h2>${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

function rightIds(rights: readonly StoredRight[]): string[] {
  return rights.map((r) => r.resource.map((a) => a.value).join(', '));
}

function form(context: SandboxContext, page: PageKind, item: StoredRequest | StoredChangeRequest): string {
  const persons = personsFor(context, item.partyOrgNo);
  if (!persons.length)
    return `<p class="error">No sandbox person is linked to ${escapeHtml(item.partyOrgNo)}, so nobody can answer.</p>`;
  const people = persons
    .map(
      (p, i) =>
        `<label><input type="radio" name="person" value="${escapeHtml(p.person.nationalIdentityNumber)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(p.person.name)} (${escapeHtml(p.person.nationalIdentityNumber)}) — ${p.mayApprove ? 'access manager (daglig leder): may approve' : 'linked, not access manager: may only escalate'}</label>`,
    )
    .join('');
  const clients =
    page === 'agentrequest'
      ? `<fieldset><legend>Clients to delegate right away (the portal's client administration)</legend>${context.world.organisations
          .filter((o) => !o.isDeleted && o.organisationNumber !== item.partyOrgNo)
          .map(
            (o) =>
              `<label><input type="checkbox" name="client" value="${escapeHtml(o.organisationNumber)}"> ${escapeHtml(o.name)} (${escapeHtml(o.organisationNumber)})</label>`,
          )
          .join('')}</fieldset>`
      : '';
  return `<form method="post"><input type="hidden" name="id" value="${escapeHtml(item.id)}"><fieldset><legend>Log in as</legend>${people}</fieldset>${clients}<button type="submit" name="decision" value="approve">Approve</button><button type="submit" name="decision" value="reject">Reject</button><button type="submit" name="decision" value="escalate">Escalate to an access manager</button></form>`;
}

function doneText(decision: Decision, item: StoredRequest | StoredChangeRequest): string {
  const what =
    decision === 'approve'
      ? 'Approved: the system user has what was asked for.'
      : decision === 'reject'
        ? 'Rejected.'
        : 'Escalated: access managers of the organisation will see the request.';
  const back = item.redirectUrl
    ? ` <a id="redirect" href="${escapeHtml(item.redirectUrl)}">Back to the vendor</a> (Altinn would now log you out and send you there).`
    : '';
  return `<p class="note" role="status" id="outcome">${escapeHtml(what)}${back}</p>`;
}
