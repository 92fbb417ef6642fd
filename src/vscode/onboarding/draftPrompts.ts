import * as vscode from 'vscode';
import type { ContactPerson, DraftEnvironment, DraftLanguage } from '../../platform/drafts';
import type { Prompts } from '../prompts';
import type { ExtensionServices } from '../services';
import { createChecks, MEMORY_KEY, mergeMemory, readMemory, type OnboardingMemory } from './onboardingMemory';

export const checks = createChecks(vscode.l10n);

/** Bokmål texts from the platform (scope purposes, product names) when VS Code runs in Norwegian. */
export function uiLanguage(): DraftLanguage {
  return /^(nb|nn|no)\b/i.test(vscode.env.language) ? 'nb' : 'en';
}

/** Numbers the steps of a multi-step flow in the prompt titles: "Draft scope request (3/10)". */
export class Steps {
  private step = 0;

  constructor(
    private readonly name: string,
    private readonly total: number,
  ) {}

  next(): string {
    this.step++;
    return vscode.l10n.t('{0} ({1}/{2})', this.name, this.step, this.total);
  }
}

export function recall(services: ExtensionServices): OnboardingMemory {
  return readMemory(services.context.globalState.get(MEMORY_KEY));
}

/** Remembers the non-secret answers for the next draft (global state; see OnboardingMemory). */
export async function remember(services: ExtensionServices, patch: OnboardingMemory): Promise<void> {
  await services.context.globalState.update(MEMORY_KEY, mergeMemory(recall(services), patch));
}

interface IdItem<T extends string> extends vscode.QuickPickItem {
  readonly id: T;
}

/** tt02 first (where every vendor starts), then production. */
export async function askEnvironment(prompts: Prompts, title: string, placeHolder: string): Promise<DraftEnvironment> {
  const items: IdItem<DraftEnvironment>[] = [
    {
      id: 'tt02',
      label: 'tt02',
      description: vscode.l10n.t('Test environment, with Maskinporten test and Tenor test data'),
      iconPath: new vscode.ThemeIcon('beaker'),
    },
    {
      id: 'production',
      label: vscode.l10n.t('Production'),
      description: vscode.l10n.t("Real people's and companies' data; needs an approved test first"),
      iconPath: new vscode.ThemeIcon('globe'),
    },
  ];
  return (await prompts.pick(items, { title, placeHolder })).id;
}

/** Norwegian bokmål by default; the language chosen last time comes first. */
export async function askLanguage(
  prompts: Prompts,
  title: string,
  last: DraftLanguage | undefined,
): Promise<DraftLanguage> {
  const items: IdItem<DraftLanguage>[] = [
    { id: 'nb', label: 'Norsk bokmål', description: vscode.l10n.t('Norwegian, the usual language for servicedesk') },
    { id: 'en', label: 'English', description: vscode.l10n.t('English') },
  ];
  if (last === 'en') items.reverse();
  return (await prompts.pick(items, { title, placeHolder: vscode.l10n.t('Language of the e-mail') })).id;
}

export async function askText(
  prompts: Prompts,
  options: { title: string; prompt: string; value?: string; placeHolder?: string; what: string },
): Promise<string> {
  const value = await prompts.input({
    title: options.title,
    prompt: options.prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    validateInput: (text) => checks.requiredText(text, options.what),
  });
  return value.trim();
}

/** Name, e-mail and (optional) phone of the person servicedesk answers. */
export async function askContact(prompts: Prompts, steps: Steps, memory: OnboardingMemory): Promise<ContactPerson> {
  const name = await askText(prompts, {
    title: steps.next(),
    prompt: vscode.l10n.t('Contact person: the name servicedesk answers to'),
    value: memory.contactName,
    placeHolder: 'Kari Nordmann',
    what: vscode.l10n.t("the contact person's name"),
  });
  const email = (
    await prompts.input({
      title: steps.next(),
      prompt: vscode.l10n.t("Contact person's e-mail address"),
      value: memory.contactEmail,
      placeHolder: 'kari.nordmann@example.no',
      validateInput: (text) => checks.email(text),
    })
  ).trim();
  const phone = (
    await prompts.input({
      title: steps.next(),
      prompt: vscode.l10n.t("Contact person's phone number (optional: leave empty to leave it out)"),
      value: memory.contactPhone,
      placeHolder: '+47 …',
      validateInput: (text) => checks.phone(text),
    })
  ).trim();
  return { name, email, phone: phone || undefined };
}

export async function askOrganisationNumber(
  prompts: Prompts,
  title: string,
  value: string | undefined,
  optional: boolean,
): Promise<string> {
  const answer = await prompts.input({
    title,
    prompt: optional
      ? vscode.l10n.t('Your organisation number (9 digits; optional: leave empty to leave it out)')
      : vscode.l10n.t("Your organisation number (9 digits, the vendor's, as registered in Enhetsregisteret)"),
    value,
    placeHolder: '991825827',
    validateInput: (text) => (optional ? checks.optionalOrganisationNumber(text) : checks.organisationNumber(text)),
  });
  return answer.replace(/\s+/g, '');
}
