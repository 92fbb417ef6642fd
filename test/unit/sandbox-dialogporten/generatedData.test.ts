import assert from 'node:assert/strict';
import { ACTIVITY_TYPES, DIALOG_STATUSES, SYSTEM_LABELS, TRANSMISSION_TYPES } from '../../../src/platform/dialogporten';
import {
  parsePartyUrn,
  validateNationalIdentityNumber,
  validateOrganisationNumber,
} from '../../../src/platform/identifiers';
import { useSandbox } from '../helpers/sandbox';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { defaultPersonParty, type Json } from './dialogportenHttp';

describe('sandbox Dialogporten: the generated inbox has every kind of thing a client must handle', function () {
  this.timeout(30_000);
  const sandbox = useSandbox();

  it('covers every status, label, transmission and activity type, content format, language mix and action kind', () => {
    const store = dialogStoreOf(sandbox().context);
    const dialogs = store.dialogsOf(defaultPersonParty(sandbox()));
    const bodies = dialogs.map((d) => d.body() as Json);
    const values = (pick: (b: Json) => unknown[]): Set<unknown> => new Set(bodies.flatMap(pick));
    assert.deepEqual(
      values((b) => [b.status]),
      new Set(DIALOG_STATUSES),
    );
    assert.deepEqual(new Set(dialogs.flatMap((d) => d.state.systemLabels)), new Set(SYSTEM_LABELS));
    assert.deepEqual(
      values((b) => b.transmissions.map((t: Json) => t.type)),
      new Set(TRANSMISSION_TYPES),
    );
    assert.deepEqual(
      values((b) => b.activities.map((a: Json) => a.type)),
      new Set(ACTIVITY_TYPES),
    );
    assert.ok(
      bodies.some((b) => b.transmissions.some((t: Json) => t.relatedTransmissionId)),
      'related transmissions',
    );
    assert.ok(
      bodies.some((b) => b.transmissions.some((t: Json) => !t.isAuthorized)),
      'unauthorized transmissions',
    );
    const additional = values((b) => [b.content.additionalInfo?.mediaType]);
    for (const type of ['text/plain', 'text/markdown', 'text/html']) assert.ok(additional.has(type), type);
    const main = values((b) => [b.content.mainContentReference?.mediaType]);
    for (const type of [
      'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
      'application/vnd.dialogporten.frontchannelembed-url;type=text/html',
      'application/vnd.dialogporten.frontchannelembed+json;type=markdown',
    ]) {
      assert.ok(main.has(type), type);
    }
    const languageSets = values((b) => [b.content.title.value.map((l: Json) => l.languageCode).join(',')]);
    for (const set of ['nb', 'nb,en', 'nb,nn,en', 'nn', 'en']) assert.ok(languageSets.has(set), set);
    assert.deepEqual(
      values((b) => b.guiActions.map((a: Json) => a.priority)),
      new Set(['Primary', 'Secondary', 'Tertiary']),
    );
    assert.ok(values((b) => b.guiActions.map((a: Json) => a.httpMethod)).has('DELETE'));
    assert.ok(bodies.some((b) => b.guiActions.some((a: Json) => a.isDeleteDialogAction && a.prompt)));
    assert.ok(bodies.some((b) => b.guiActions.some((a: Json) => a.url === 'urn:dialogporten:unauthorized')));
    assert.ok(
      bodies.some((b) => b.apiActions.some((a: Json) => a.endpoints.some((e: Json) => e.deprecated && e.sunsetAt))),
    );
    assert.ok(
      bodies.some((b) => b.attachments.some((a: Json) => a.expiresAt && Date.parse(a.expiresAt) < Date.now())),
      'expired attachments',
    );
    assert.ok(
      bodies.some((b) => b.attachments.some((a: Json) => a.urls.some((u: Json) => u.consumerType === 'Api'))),
      'API attachment URLs',
    );
    assert.ok(
      bodies.some((b) =>
        b.transmissions.some((t: Json) =>
          t.navigationalActions.some((n: Json) => n.url === 'urn:dialogporten:expired'),
        ),
      ),
      'expired navigational actions',
    );
    for (const field of [
      'dueAt',
      'expiresAt',
      'extendedStatus',
      'externalReference',
      'process',
      'precedingProcess',
      'progress',
    ]) {
      assert.ok(bodies.some((b) => b[field] !== null) && bodies.some((b) => b[field] === null), field);
    }
    assert.ok(bodies.some((b) => b.isApiOnly));
    assert.ok(
      bodies.some(
        (b) =>
          b.serviceResourceType === 'correspondenceservice' &&
          b.content.mainContentReference.value[0].value.includes('/correspondence/api/v1/correspondence/'),
      ),
      'a dialog made by Correspondence',
    );
    assert.ok(new Set(bodies.map((b) => b.org)).size >= 3, 'several service owners');
  });

  it('uses parties whose numbers pass their check digits, with generated dialogs for persons, organisations and sub-units', () => {
    const store = dialogStoreOf(sandbox().context);
    const parties = store.partyUrns();
    for (const party of parties) {
      const parsed = parsePartyUrn(party)!;
      const valid =
        parsed.kind === 'person'
          ? validateNationalIdentityNumber(parsed.nationalIdentityNumber)
          : validateOrganisationNumber(parsed.organisationNumber);
      assert.ok(valid.ok, party);
      assert.ok(store.dialogsOf(party).length > 0, party);
    }
    const { world } = sandbox().context;
    assert.equal(parties.length, world.persons.length + world.organisations.length);
    assert.equal(
      store
        .dialogsOf(defaultPersonParty(sandbox()))
        .filter((d) => d.source === 'generated' && !(d as Json).plan.correspondenceId).length,
      sandbox().context.options.dialogs,
    );
  });
});
