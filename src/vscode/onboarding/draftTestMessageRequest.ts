import * as vscode from 'vscode';
import {
  buildTestMessageRequestEmail,
  type SystemUserReference,
  type TestMessageContentWishes,
} from '../../platform/drafts';
import { ONBOARDING_LINKS } from '../../platform/links';
import { identityFromClaims } from '../../platform/auth/tokenIdentity';
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
} from './draftPrompts';
import type { EmailDraftDocuments } from './emailDraftDocuments';
import { fetchCustomerRecipients } from './customerRecipients';
import { fetchPartyRecipients } from './partyRecipients';
import {
  describeRecipient,
  isSynthetic,
  organisationRecipients,
  parseRecipientList,
  parseServiceResourceAnswer,
  parseSystemUserAnswer,
  recipientKindLabel,
  recipientListProblem,
  type ParsedRecipient,
} from './recipients';

type SourceId = 'type' | 'parties' | 'customers' | 'tenor';
type WishId = 'attachments' | 'markdown' | 'transmissions' | 'serviceResource' | 'notes';

interface IdItem<T extends string> extends vscode.QuickPickItem {
  readonly id: T;
}

interface RecipientItem extends vscode.QuickPickItem {
  readonly id: string;
  readonly recipient?: ParsedRecipient;
}

const TYPE_MORE = '__type__';

async function typeRecipients(prompts: Prompts, title: string): Promise<ParsedRecipient[]> {
  const text = await prompts.input({
    title,
    prompt: vscode.l10n.t(
      'Test recipients: synthetic national identity numbers from Tenor (month + 80), D-numbers or organisation numbers, separated by commas',
    ),
    placeHolder: vscode.l10n.t('e.g. 07877100744, 313 234 142'),
    validateInput: (value) => recipientListProblem(value, vscode.l10n),
  });
  return [...parseRecipientList(text, vscode.l10n).recipients];
}

async function askRecipients(services: ExtensionServices, prompts: Prompts, steps: Steps): Promise<ParsedRecipient[]> {
  const profile = services.connections.activeProfile;
  const title = steps.next();
  const listTitle = steps.next();
  for (;;) {
    const sources: IdItem<SourceId>[] = [
      {
        id: 'type',
        label: vscode.l10n.t('$(keyboard) Type national identity or organisation numbers'),
        detail: vscode.l10n.t('Tenor test persons and organisations, checked for valid check digits'),
      },
      ...(profile
        ? [
            {
              id: 'parties' as const,
              label: vscode.l10n.t('$(organization) Pick from the parties of "{0}"', profile.label),
              detail: vscode.l10n.t('The parties this connection may act for, fetched from Dialogporten'),
            },
            {
              id: 'customers' as const,
              label: vscode.l10n.t('$(person) Pick from the customers of your accepted system users'),
              detail: vscode.l10n.t('Organisations that approved a system user of your systems'),
            },
          ]
        : []),
      {
        id: 'tenor',
        label: vscode.l10n.t('$(link-external) Find test recipients in Tenor test data…'),
        detail: ONBOARDING_LINKS.tenorTestData,
      },
    ];
    const source = (
      await prompts.pick(sources, {
        title,
        placeHolder: vscode.l10n.t('Who should servicedesk send the test messages to?'),
      })
    ).id;
    if (source === 'tenor') {
      await vscode.commands.executeCommand('altinnInbox.openTenorTestData');
      continue;
    }
    if (source === 'type' || !profile) return typeRecipients(prompts, listTitle);

    let parties;
    try {
      parties =
        source === 'customers'
          ? await fetchCustomerRecipients(services, profile)
          : await fetchPartyRecipients(services, profile);
    } catch (error) {
      if (error instanceof vscode.CancellationError) throw error;
      services.log.warn(`[onboarding] parties of "${profile.label}": ${(error as Error).message}`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Could not fetch the parties of "{0}": {1} Type the recipients instead.',
          profile.label,
          (error as Error).message,
        ),
      );
      return typeRecipients(prompts, listTitle);
    }
    if (parties.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('"{0}" has no parties in Dialogporten yet. Type the recipients instead.', profile.label),
      );
      return typeRecipients(prompts, listTitle);
    }
    const items: RecipientItem[] = parties.map((party) => ({
      id: party.value,
      label: `${isSynthetic(party.kind) ? '$(beaker) ' : ''}${party.name}`,
      description: `${party.value} · ${recipientKindLabel(party.kind, vscode.l10n)}${party.isDeleted ? ` · ${vscode.l10n.t('deleted')}` : ''}`,
      detail: party.parentName ? vscode.l10n.t('Sub-unit of {0}', party.parentName) : undefined,
      recipient: { value: party.value, kind: party.kind },
    }));
    items.push({ id: TYPE_MORE, label: vscode.l10n.t('$(keyboard) Type more numbers…') });
    const picked = await prompts.pickMany(items, {
      title: listTitle,
      placeHolder: vscode.l10n.t('Recipients of the test messages'),
      matchOnDescription: true,
    });
    const recipients = picked.flatMap((item) => (item.recipient ? [item.recipient] : []));
    if (picked.some((item) => item.id === TYPE_MORE)) {
      for (const typed of await typeRecipients(prompts, listTitle))
        if (!recipients.some((known) => known.value === typed.value)) recipients.push(typed);
    }
    if (recipients.length === 0) throw new Error(vscode.l10n.t('Choose at least one recipient for the test messages.'));
    return recipients;
  }
}

/**
 * The system user the active profile's token carries (its `authorization_details`): its id when the one
 * recipient organisation is the system user's, else the system id, else nothing.
 */
function suggestedSystemUser(
  services: ExtensionServices,
  organisations: readonly ParsedRecipient[],
): string | undefined {
  const profile = services.connections.activeProfile;
  if (!profile) return undefined;
  const state = services.connections.tokenState(profile.id);
  if (state.status !== 'valid') return undefined;
  const identity = identityFromClaims(state.claims);
  if (
    identity.systemUserId &&
    organisations.length === 1 &&
    identity.systemUserOrganisationNumber === organisations[0].value
  )
    return identity.systemUserId;
  return identity.systemId;
}

/**
 * Which system user at the recipient organisation(s) reads the messages. Dialogporten lists only dialogs whose
 * service the system user has been delegated, so servicedesk must send from that resource (altinn-studio-docs,
 * content/authorization/guides/system-vendor/system-user/dialogporten/_index.nb.md).
 */
async function askSystemUser(
  services: ExtensionServices,
  prompts: Prompts,
  title: string,
  organisations: readonly ParsedRecipient[],
): Promise<SystemUserReference> {
  const answer = await prompts.input({
    title,
    prompt:
      organisations.length === 1
        ? vscode.l10n.t(
            "The system user at {0} that reads the messages through the API: its id (a UUID) or your system's id in the system register (organisation number_name)",
            organisations[0].value,
          )
        : vscode.l10n.t(
            "The system users at the {0} recipient organisations that read the messages through the API: your system's id in the system register (organisation number_name)",
            organisations.length,
          ),
    value: suggestedSystemUser(services, organisations),
    placeHolder: vscode.l10n.t('e.g. 991825827_regnskap or 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b'),
    validateInput: (text) => {
      const parsed = parseSystemUserAnswer(text, vscode.l10n);
      if ('problem' in parsed) return parsed.problem;
      return parsed.value.id && organisations.length > 1
        ? vscode.l10n.t(
            "A system user id belongs to one organisation; give your system's id (organisation number_name) for several.",
          )
        : undefined;
    },
  });
  const parsed = parseSystemUserAnswer(answer, vscode.l10n);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.value;
}

async function askServiceResource(prompts: Prompts, title: string, prompt: string): Promise<string> {
  const answer = await prompts.input({
    title,
    prompt,
    placeHolder: 'urn:altinn:resource:ttd-correspondence-test',
    validateInput: (text) => {
      const parsed = parseServiceResourceAnswer(text, vscode.l10n);
      return 'problem' in parsed ? parsed.problem : undefined;
    },
  });
  const parsed = parseServiceResourceAnswer(answer, vscode.l10n);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.value;
}

/**
 * Asks for recipients (typed or from the active profile's parties), how many messages, the recipient
 * organisations' system user and the service resource delegated to it, content wishes, environment,
 * organisation and contact, and opens the e-mail to servicedesk as an untitled document with copy /
 * mail-client actions.
 */
export async function draftTestMessageRequest(
  services: ExtensionServices,
  documents: EmailDraftDocuments,
): Promise<vscode.TextDocument> {
  const prompts = services.prompts();
  const memory = recall(services);
  const steps = new Steps(vscode.l10n.t('Draft test-message request'), 15);

  const recipients = await askRecipients(services, prompts, steps);
  const nonSynthetic = recipients.filter((recipient) => recipient.kind === 'fnr' || recipient.kind === 'dnr');
  if (nonSynthetic.length > 0) {
    await prompts.confirm(
      vscode.l10n.t('{0} is not a synthetic test number', describeRecipient(nonSynthetic[0], vscode.l10n)),
      vscode.l10n.t(
        "Test messages in tt02 usually go to synthetic test people from Tenor (their birth month has 80 added). Go on if this is a tt02 test person; a real person's national identity number should not be sent to servicedesk.",
      ),
      vscode.l10n.t('Use It Anyway'),
    );
  }

  const numberOfMessages = Number(
    (
      await prompts.input({
        title: steps.next(),
        prompt:
          recipients.length === 1
            ? vscode.l10n.t('How many test messages?')
            : vscode.l10n.t('How many test messages to each recipient?'),
        value: String(memory.numberOfMessages ?? 3),
        validateInput: (text) => checks.numberOfMessages(text),
      })
    ).trim(),
  );

  const organisations = organisationRecipients(recipients);
  let systemUser: SystemUserReference | undefined;
  if (organisations.length > 0) systemUser = await askSystemUser(services, prompts, steps.next(), organisations);
  else steps.next();

  const wishItems: IdItem<WishId>[] = [
    {
      id: 'attachments',
      label: vscode.l10n.t('$(file-zip) Attachments'),
      description: vscode.l10n.t('to test downloads'),
    },
    {
      id: 'markdown',
      label: vscode.l10n.t('$(markdown) Markdown content'),
      description: vscode.l10n.t('headings, lists and links in the message text'),
    },
    {
      id: 'transmissions',
      label: vscode.l10n.t('$(git-pull-request-go-to-changes) Transmissions'),
      description: vscode.l10n.t('a reply or a new message in the same dialog'),
    },
    ...(systemUser
      ? []
      : [
          {
            id: 'serviceResource' as const,
            label: vscode.l10n.t('$(symbol-namespace) A specific service resource…'),
            description: vscode.l10n.t('e.g. the service your customers receive from'),
          },
        ]),
    { id: 'notes', label: vscode.l10n.t('$(note) Other wishes…'), description: vscode.l10n.t('in your own words') },
  ];
  const wishes = new Set(
    (
      await prompts.pickMany(wishItems, {
        title: steps.next(),
        placeHolder: vscode.l10n.t('What should the test messages contain? (none: servicedesk chooses)'),
      })
    ).map((item) => item.id),
  );
  const content: { -readonly [K in keyof TestMessageContentWishes]: TestMessageContentWishes[K] } = {
    attachments: wishes.has('attachments'),
    markdown: wishes.has('markdown'),
    transmissions: wishes.has('transmissions'),
  };
  let serviceResource: string | undefined;
  if (systemUser) {
    serviceResource = await askServiceResource(
      prompts,
      steps.next(),
      vscode.l10n.t(
        'The service resource delegated to that system user: servicedesk sends from it, or the messages are not visible through the API',
      ),
    );
  } else if (wishes.has('serviceResource')) {
    serviceResource = await askServiceResource(
      prompts,
      steps.next(),
      vscode.l10n.t('The service resource to send from'),
    );
  } else steps.next();
  if (wishes.has('notes')) {
    content.notes = await askText(prompts, {
      title: steps.next(),
      prompt: vscode.l10n.t('Other wishes for the content (one line)'),
      what: vscode.l10n.t('your wishes'),
    });
  } else steps.next();

  const environment = await askEnvironment(
    prompts,
    steps.next(),
    vscode.l10n.t('Where the test messages should be sent'),
  );
  const organisationName = await askText(prompts, {
    title: steps.next(),
    prompt: vscode.l10n.t("Your organisation's name (the system vendor)"),
    value: memory.organisationName,
    placeHolder: 'Regnskapshjelp AS',
    what: vscode.l10n.t("the organisation's name"),
  });
  const organisationNumber = await askOrganisationNumber(
    prompts,
    steps.next(),
    systemUser?.systemId?.split('_')[0] ?? memory.organisationNumber,
    true,
  );
  const systemName = (
    await prompts.input({
      title: steps.next(),
      prompt: vscode.l10n.t('The name of your end-user system (optional: leave empty to leave it out)'),
      value: memory.systemName,
      validateInput: (text) =>
        text.trim() === '' ? undefined : checks.requiredText(text, vscode.l10n.t("the system's name")),
    })
  ).trim();
  const contact = await askContact(prompts, steps, memory);
  const language = await askLanguage(prompts, steps.next(), memory.language);

  const draft = buildTestMessageRequestEmail(
    {
      recipients: recipients.map((recipient) => recipient.value),
      numberOfMessages,
      content,
      serviceResource,
      systemUser,
      environment,
      organisationName,
      organisationNumber: organisationNumber || undefined,
      systemName: systemName || undefined,
      contact,
    },
    language,
  );
  await remember(services, {
    organisationName,
    organisationNumber: organisationNumber || undefined,
    systemName: systemName || undefined,
    language,
    numberOfMessages,
    contactName: contact.name,
    contactEmail: contact.email,
    contactPhone: contact.phone ?? '',
  });
  const synthetic = recipients.filter((recipient) => isSynthetic(recipient.kind)).length;
  services.log.info(`[onboarding] test-message request for ${recipients.length} recipient(s), ${synthetic} synthetic`);
  return documents.open(draft, 'testMessageRequest', language, environment);
}
