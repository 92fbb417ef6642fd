// Figures of issue 17 for the Inbox's party level with an agent system user acting for 5,000 client organisations:
// the first render of the party level (GET /parties, validation, nesting, grouping, row labels) and the quick filter
// narrowing it to one party, each against its floor.
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { AuthorizedParty } from '../src/platform/dialogporten/schemas/parties';
import { filterParties, partyLevel, type PartyRow } from '../src/platform/parties/partyLevel';
import { nestParties, orderParties, partyIdentifierLabel, type PartyEntry } from '../src/vscode/inbox/partyTree';
import { startAccountantSandbox } from './accountantSandbox';
import { ratioFigure, round, timeAgainstFloor, type Figure } from './measure';

const CLIENTS = 5_000;

/** What the tree shows of a level: each row's label and description (the provider makes TreeItems from these). */
function rowTexts(rows: readonly PartyRow<PartyEntry>[]): string[] {
  return rows.map((row) =>
    row.kind === 'group'
      ? `${row.group.prefix ?? row.group.category} ${row.group.count}`
      : `${row.entry.party.name} ${partyIdentifierLabel(row.entry.party.party)}`,
  );
}

export async function benchPartyLevel(figures: Figure[], log: (text: string) => void): Promise<void> {
  const started = performance.now();
  const { firm, environment, client, ...setUp } = await startAccountantSandbox({ clients: CLIENTS });
  log(`party level: sandbox with ${CLIENTS} clients ready in ${(performance.now() - started).toFixed(0)} ms`);
  const token = await setUp.token();
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const partiesUrl = `${environment.dialogportenBase}/api/v1/enduser/parties`;
  const bareParties = async (): Promise<{ authorizedParties: AuthorizedParty[] }> => {
    const response = await request(partiesUrl, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    return JSON.parse(await response.body.text()) as { authorizedParties: AuthorizedParty[] };
  };

  // First render: the Inbox's path (cached token, HTTP, zod, nesting, groups, the labels of the rows shown).
  const firstRender = async (): Promise<string[]> => {
    const parties = await client.getParties();
    const forest = nestParties(parties.authorizedParties ?? [], { showDeleted: false });
    return rowTexts(partyLevel(forest.roots, { order: orderParties }));
  };
  const count = (await bareParties()).authorizedParties.length;
  const render = await timeAgainstFloor(firstRender, bareParties, { repeat: 30 });
  figures.push(
    ratioFigure(`party level, ${count.toLocaleString('en')} parties: first render`, render.ours, render.floor, 1.25),
  );
  log(
    `party level first render: ours ${round(render.ours)} ms, floor ${round(render.floor)} ms (GET /parties + JSON.parse)`,
  );

  // Quick filter: GET /parties takes no filter (GetPartiesEndpoint.cs), so typing narrows the response the Inbox
  // holds, with no request. Ours: the response again from the network (as the floor) plus matching and regrouping;
  // the floor: the same GET made bare plus a bare scan for the number.
  const wanted = firm.clientOrganisations[Math.floor(firm.clientOrganisations.length / 2)];
  const spaced = `${wanted.slice(0, 3)} ${wanted.slice(3, 6)} ${wanted.slice(6)}`;
  const narrowed = async (): Promise<string[]> => {
    const parties = await client.getParties();
    const forest = nestParties(parties.authorizedParties ?? [], { showDeleted: false });
    const rows = partyLevel(filterParties(forest.roots, spaced), { order: orderParties });
    if (rows.length !== 1) throw new Error(`the quick filter found ${rows.length} rows for ${spaced}`);
    return rowTexts(rows);
  };
  const bareNarrowed = async (): Promise<AuthorizedParty[]> =>
    (await bareParties()).authorizedParties.filter((p) => p.party.endsWith(wanted));
  const quick = await timeAgainstFloor(narrowed, bareNarrowed, { repeat: 30 });
  figures.push(
    ratioFigure('party quick filter to one party (with the parties fetched)', quick.ours, quick.floor, 1.25),
  );
  // Typing itself: matching and regrouping the held response, no request.
  const held = nestParties((await client.getParties()).authorizedParties ?? [], { showDeleted: false }).roots;
  const typing = await timeAgainstFloor(
    async () => rowTexts(partyLevel(filterParties(held, spaced), { order: orderParties })),
    async () => held.filter((p) => p.party.party.endsWith(wanted)),
    { repeat: 50 },
  );
  log(
    `quick filter: with the fetch ours ${round(quick.ours)} ms vs floor ${round(quick.floor)} ms; a keystroke on the held parties ${round(typing.ours, 3)} ms (bare scan ${round(typing.floor, 3)} ms)`,
  );
  figures.push({
    name: 'party quick filter, one keystroke (no request)',
    value: round(typing.ours, 3),
    unit: 'ms',
    target: '≤ 16 ms (one frame)',
    pass: typing.ours <= 16,
    floor: round(typing.floor, 3),
    ratio: round(typing.ours / typing.floor, 1),
    note: 'the floor is a bare scan of the parsed array for the number; ours also folds names and regroups',
  });
  await agent.close();
  await setUp.close();
}
