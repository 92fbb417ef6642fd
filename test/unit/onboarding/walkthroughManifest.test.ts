import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ONBOARDING_LINKS } from '../../../src/platform/links';
import { ONBOARDING_COMMANDS } from '../../../src/vscode/onboarding/commandIds';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const localize = (value: string): string =>
  value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? `<missing ${key}>`);

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents: string[];
}

const walkthrough = (pkg.contributes.walkthroughs as { id: string; title: string; steps: Step[] }[]).find(
  (w) => w.id === 'onboarding',
)!;
const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
const views = new Set(
  Object.values(pkg.contributes.views as Record<string, { id: string }[]>)
    .flat()
    .map((v) => v.id),
);
/** Commands VS Code makes for every view (`<viewId>.focus`), besides the contributed ones. */
const known = (command: string) =>
  contributed.has(command) || (command.endsWith('.focus') && views.has(command.slice(0, -'.focus'.length)));

describe('onboarding: the walkthrough in the manifest', () => {
  it("follows the seed page's steps in order, then contact", () => {
    assert.ok(walkthrough, 'a walkthrough with id "onboarding"');
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      [
        'onboardingProcess',
        'serviceIntegration',
        'scopes',
        'maskinporten',
        'systemUser',
        'testSystem',
        'readInbox',
        'contact',
      ],
    );
    assert.deepEqual(
      walkthrough.steps.map((step) => localize(step.title)),
      [
        'Follow the onboarding process',
        'Choose services to integrate',
        'Get access to scopes',
        'Maskinporten client and key',
        'Register your system and get a system user',
        'Test your end-user system',
        'Read the inbox',
        'Ask for help',
      ],
    );
  });

  it('has the buttons the issue asks for, each pointing at a contributed command or a view', () => {
    const buttons = (step: Step) =>
      [...localize(step.description).matchAll(/^\[([^\]]+)\]\(command:([\w.]+)\)$/gm)].map((m) => m[2]);
    const byStep = Object.fromEntries(walkthrough.steps.map((step) => [step.id, buttons(step)]));
    assert.deepEqual(byStep, {
      onboardingProcess: ['altinnInbox.openOnboardingProcess'],
      serviceIntegration: ['altinnInbox.openServiceIntegration'],
      scopes: ['altinnInbox.draftScopeRequest', 'altinnInbox.openScopeOverview'],
      maskinporten: ['altinnInbox.generateKeyPair', 'altinnInbox.addMaskinportenClient'],
      systemUser: ['altinnInbox.registerSystem', 'altinnInbox.requestSystemUser', 'altinnInbox.systems.focus'],
      testSystem: ['altinnInbox.draftTestMessageRequest', 'altinnInbox.openTenorTestData'],
      readInbox: ['altinnInbox.inbox.focus', 'altinnInbox.useSandbox'],
      contact: ['altinnInbox.contact'],
    });
    for (const command of Object.values(byStep).flat()) assert.ok(known(command), `${command} is contributed`);
  });

  it('completes each step when its command ran, its link was opened or its view was shown', () => {
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes itself`);
      for (const event of step.completionEvents) {
        const [kind, target] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(known(target), `${step.id}: ${target} is contributed`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: view ${target} exists`);
        else if (kind === 'onLink')
          assert.ok(
            (Object.values(ONBOARDING_LINKS) as string[]).includes(target),
            `${step.id}: ${target} is in links.ts`,
          );
        else if (kind === 'onContext')
          // The Systems view sets it when it sees an Accepted request (src/vscode/systems/systemsTree.ts).
          assert.equal(target, 'altinnInbox:systemUserAccepted', `${step.id}: a context key the extension sets`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('has media that ships in the VSIX, and texts in package.nls.json', () => {
    const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    assert.match(vscodeignore, /^!media\/walkthrough\/\*\*$/m);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media?.startsWith('media/walkthrough/'), `${step.id}: media under media/walkthrough`);
      assert.ok(media && existsSync(join(root, media)), `${media} exists`);
      assert.ok(
        !localize(step.title).startsWith('<missing') && !localize(step.description).startsWith('<missing'),
        `${step.id} texts are in package.nls.json`,
      );
    }
    assert.equal(localize(walkthrough.title), 'Altinn for end-user system vendors');
  });

  it('contributes every onboarding command with the Altinn category, an icon and a title in package.nls.json', () => {
    for (const command of ONBOARDING_COMMANDS) {
      const entry = (
        pkg.contributes.commands as { command: string; category?: string; icon?: string; title: string }[]
      ).find((c) => c.command === command);
      assert.ok(entry, `${command} is contributed`);
      assert.equal(entry.category, 'Altinn');
      assert.match(entry.icon ?? '', /^\$\([\w-]+\)$/);
      assert.ok(nls[entry.title.slice(1, -1)], `${command} has a title in package.nls.json`);
    }
  });
});
