import * as vscode from 'vscode';
import {
  buildScopeRequestEmail,
  comesWithRegistrationForm,
  REGISTRATION_FORM_PAGE,
  type DraftEnvironment,
} from '../../platform/drafts';
import type { MaskinportenProfile } from '../profiles/profile';
import type { Prompts } from '../prompts';
import type { ExtensionServices } from '../services';
import {
  askContact,
  askEnvironment,
  askLanguage,
  askOrganisationNumber,
  askText,
  checks,
  recall,
  remember,
  Steps,
  uiLanguage,
} from './draftPrompts';
import type { EmailDraftDocuments } from './emailDraftDocuments';
import { parseClientIds } from './onboardingMemory';
import { missingScopes, parseTypedScopes, scopeChoiceGroups } from './scopeChoices';

/** Arguments from other views (the Connections view passes the scopes a feature misses). */
export interface DraftScopeRequestArgs {
  readonly scopes?: readonly string[];
}

interface ScopeItem extends vscode.QuickPickItem {
  readonly id: string;
}

const OTHER_SCOPES = '__other__';

function scopesFromArgs(args: unknown): string[] | undefined {
  const scopes = (args as DraftScopeRequestArgs | undefined)?.scopes;
  return Array.isArray(scopes)
    ? scopes.filter((scope): scope is string => typeof scope === 'string' && scope.trim() !== '')
    : undefined;
}

/** What the active profile's last token carried (empty when no token was fetched yet). */
function grantedScopes(services: ExtensionServices): { granted: string[]; known: boolean } {
  const profile = services.connections.activeProfile;
  if (!profile) return { granted: [], known: false };
  const state = services.connections.tokenState(profile.id);
  return state.status === 'valid' ? { granted: [...state.scopes], known: true } : { granted: [], known: false };
}

/**
 * Whether the vendor's own organisation exists in tt02. Altinn recommends registering the system with the
 * vendor's real organisation number in tt02, and servicedesk creates it there (altinn-studio-docs,
 * content/authorization/guides/system-vendor/system-user/systemregistration/_index.nb.md, "Forutsetninger").
 */
async function askOrganisationInTt02(prompts: Prompts, title: string, organisationNumber: string): Promise<boolean> {
  const items: (vscode.QuickPickItem & { id: 'exists' | 'create' })[] = [
    {
      id: 'exists',
      label: vscode.l10n.t('$(pass) It exists in tt02 already'),
      description: vscode.l10n.t('e.g. you have logged in to af.tt02.altinn.no for it'),
    },
    {
      id: 'create',
      label: vscode.l10n.t('$(add) Ask servicedesk to create it in tt02'),
      description: vscode.l10n.t('needed to register your system with your real organisation number'),
    },
  ];
  return (
    (
      await prompts.pick(items, {
        title,
        placeHolder: vscode.l10n.t(
          'Does your organisation {0} exist in the test environment tt02?',
          organisationNumber,
        ),
      })
    ).id === 'create'
  );
}

/** Client ids of the Maskinporten profiles in this environment, the active profile's first. */
function profileClientIds(services: ExtensionServices, environment: DraftEnvironment): string[] {
  const active = services.connections.activeProfile?.id;
  const profiles = services.connections.profiles
    .filter(
      (profile): profile is MaskinportenProfile =>
        profile.kind === 'maskinporten' && profile.environment === environment,
    )
    .sort((a, b) => Number(b.id === active) - Number(a.id === active));
  return parseClientIds(profiles.map((profile) => profile.clientId).join(',')).ids;
}

/**
 * Says that the system-user scopes come with the vendor registration form, not from servicedesk
 * (altinn-studio-docs, content/authorization/getting-started/systemuser/_index.nb.md), offering its page.
 */
function tellRegistrationForm(services: ExtensionServices, scopes: readonly string[]): void {
  const open = vscode.l10n.t('Open Registration Form Page');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t(
        '{0}: these system-user scopes come with Digdir\'s registration form for end-user system vendors (tick "systembruker"), not from servicedesk, so the e-mail leaves them out.',
        scopes.join(', '),
      ),
      open,
    )
    .then((choice) => {
      if (choice !== open) return;
      services.log.info(`[onboarding] opening ${REGISTRATION_FORM_PAGE}`);
      void vscode.env.openExternal(vscode.Uri.parse(REGISTRATION_FORM_PAGE));
    });
}

/**
 * Asks for the scopes, environment, organisation (and for tt02 whether servicedesk should create it there),
 * Maskinporten client ids, system and contact person, and opens the e-mail to servicedesk as an untitled
 * document with copy / mail-client actions.
 */
export async function draftScopeRequest(
  services: ExtensionServices,
  documents: EmailDraftDocuments,
  args?: unknown,
): Promise<vscode.TextDocument> {
  const prompts = services.prompts();
  const memory = recall(services);
  const steps = new Steps(vscode.l10n.t('Draft scope request'), 12);
  const { granted, known } = grantedScopes(services);
  const passed = scopesFromArgs(args);
  if (passed && passed.length > 0 && passed.every(comesWithRegistrationForm)) {
    tellRegistrationForm(services, passed);
    throw new vscode.CancellationError();
  }
  const preselected = passed ?? (known ? missingScopes(granted) : []);

  const ui = uiLanguage();
  const items: ScopeItem[] = [];
  for (const group of scopeChoiceGroups({ preselected, granted })) {
    items.push({ id: `group:${group.product}`, label: group.label[ui], kind: vscode.QuickPickItemKind.Separator });
    for (const choice of group.choices) {
      items.push({
        id: choice.scope,
        label: choice.scope,
        description:
          [
            choice.granted ? vscode.l10n.t('$(pass-filled) on your token') : undefined,
            !choice.forVendors ? vscode.l10n.t('$(warning) for service owners / Altinn, not vendors') : undefined,
            choice.viaRegistrationForm
              ? vscode.l10n.t('$(link-external) comes with the vendor registration form, not servicedesk')
              : undefined,
          ]
            .filter(Boolean)
            .join(' · ') || undefined,
        detail: choice.purpose?.[ui] ?? vscode.l10n.t('Not in the scope catalogue.'),
        picked: choice.picked,
      });
    }
  }
  items.push({ id: 'group:other', label: vscode.l10n.t('Not listed'), kind: vscode.QuickPickItemKind.Separator });
  items.push({
    id: OTHER_SCOPES,
    label: vscode.l10n.t('$(edit) Other scopes…'),
    description: vscode.l10n.t('Type scopes the list does not have'),
  });

  const picked = await prompts.pickMany(items, {
    title: steps.next(),
    placeHolder:
      preselected.length > 0
        ? vscode.l10n.t('Scopes to ask servicedesk for: the ones your token lacks are selected')
        : vscode.l10n.t('Scopes to ask servicedesk for'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  let scopes = picked
    .filter((item) => item.id !== OTHER_SCOPES && !item.id.startsWith('group:'))
    .map((item) => item.id);
  if (picked.some((item) => item.id === OTHER_SCOPES)) {
    const typed = await prompts.input({
      title: steps.next(),
      prompt: vscode.l10n.t('More scopes, separated by spaces or commas'),
      placeHolder: 'altinn:example.read',
      validateInput: (text) => parseTypedScopes(text).problem,
    });
    scopes = [...new Set([...scopes, ...parseTypedScopes(typed).scopes])];
  } else {
    steps.next();
  }
  const viaForm = scopes.filter(comesWithRegistrationForm);
  if (viaForm.length > 0) {
    tellRegistrationForm(services, viaForm);
    scopes = scopes.filter((scope) => !comesWithRegistrationForm(scope));
    if (scopes.length === 0) throw new vscode.CancellationError();
  }
  if (scopes.length === 0) throw new Error(vscode.l10n.t('Choose at least one scope to ask for.'));

  const environment = await askEnvironment(prompts, steps.next(), vscode.l10n.t('Where the scopes are needed'));
  const organisationNumber = await askOrganisationNumber(prompts, steps.next(), memory.organisationNumber, false);
  let createOrganisationInTt02 = false;
  if (environment === 'tt02')
    createOrganisationInTt02 = await askOrganisationInTt02(prompts, steps.next(), organisationNumber);
  else steps.next();
  const organisationName = await askText(prompts, {
    title: steps.next(),
    prompt: vscode.l10n.t("Your organisation's name (the system vendor)"),
    value: memory.organisationName,
    placeHolder: 'Regnskapshjelp AS',
    what: vscode.l10n.t("the organisation's name"),
  });
  const suggestedIds = profileClientIds(services, environment);
  const clientIdText = await prompts.input({
    title: steps.next(),
    prompt:
      suggestedIds.length > 0
        ? vscode.l10n.t(
            'Maskinporten client id(s) to put the scopes on, separated by commas (from your {0} connection profiles)',
            environment,
          )
        : vscode.l10n.t(
            "Maskinporten client id(s) to put the scopes on, separated by commas (from Digdir's self-service portal)",
          ),
    value: (suggestedIds.length > 0 ? suggestedIds : (memory.clientIds ?? [])).join(', '),
    placeHolder: '2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
    validateInput: (text) => checks.clientIds(text),
  });
  const clientIds = parseClientIds(clientIdText).ids;
  const systemName = await askText(prompts, {
    title: steps.next(),
    prompt: vscode.l10n.t('The name of your end-user system (sluttbrukersystem)'),
    value: memory.systemName,
    placeHolder: 'Regnskapshjelp Innboks',
    what: vscode.l10n.t("the system's name"),
  });
  const contact = await askContact(prompts, steps, memory);
  const language = await askLanguage(prompts, steps.next(), memory.language);

  const draft = buildScopeRequestEmail(
    {
      organisationNumber,
      organisationName,
      environment,
      scopes,
      maskinportenClientIds: clientIds,
      systemName,
      contact,
      createOrganisationInTt02,
    },
    language,
  );
  await remember(services, {
    organisationNumber,
    organisationName,
    systemName,
    clientIds,
    language,
    environment,
    contactName: contact.name,
    contactEmail: contact.email,
    contactPhone: contact.phone ?? '',
  });
  return documents.open(draft, 'scopeRequest', language, environment);
}
