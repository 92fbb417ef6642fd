import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  describeShapeProblems,
  parseDialogportenPayload,
  type AuthorizedParty,
} from '../../platform/dialogporten/schemas';
import { CapturedDialog } from './capturedDialog';
import { parseEmbedFileName, type CapturedEmbed } from './capturedEmbeds';
import type { DialogBody } from './dialogTypes';

/** What the loader made of a `--data` folder; every file appears once, in `loaded`, `skipped` or `problems`. */
export interface LoadReport {
  readonly dataDir?: string;
  readonly loaded: { file: string; kind: 'dialog' | 'parties' | 'content'; detail: string }[];
  /** Files that are fine but belong to another module (correspondence payloads) or are not JSON. */
  readonly skipped: { file: string; reason: string }[];
  /** Files that could not be used, with the reason. */
  readonly problems: { file: string; reason: string }[];
}

export interface CapturedData {
  readonly dialogs: CapturedDialog[];
  readonly parties: AuthorizedParty[];
  readonly report: LoadReport;
}

const MAX_FILES = 20_000;

export function emptyCapturedData(): CapturedData {
  return { dialogs: [], parties: [], report: { loaded: [], skipped: [], problems: [] } };
}

/**
 * Reads a folder (recursively) of payloads captured from the end-user API: `Dialog` details and parties responses,
 * and the main content (front-channel embed) of a dialog saved beside it as `<dialog>.main.<language>.md|html`.
 * `dialogportenBase` gives the sandbox's own address once it listens, for the embeds' URLs.
 */
export async function loadCapturedPayloads(dataDir: string, dialogportenBase: () => string): Promise<CapturedData> {
  const data: CapturedData = { dialogs: [], parties: [], report: { dataDir, loaded: [], skipped: [], problems: [] } };
  let files: string[];
  try {
    files = await listFiles(dataDir);
  } catch (error) {
    data.report.problems.push({
      file: dataDir,
      reason: `the data folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    });
    return data;
  }
  const seenIds = new Map<string, string>();
  const embeds = await readEmbeds(files.slice(0, MAX_FILES), dataDir);
  const context: ClassifyContext = { data, seenIds, embeds, dialogportenBase };
  for (const path of files.slice(0, MAX_FILES)) {
    const file = relative(dataDir, path) || path;
    if (parseEmbedFileName(path)) continue;
    if (!/\.json$/i.test(path)) {
      data.report.skipped.push({ file, reason: 'not a .json file' });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (error) {
      data.report.problems.push({ file, reason: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const items = Array.isArray(value)
      ? value.map((item, index) => ({ item, where: `${file}[${index}]` }))
      : [{ item: value, where: file }];
    for (const { item, where } of items) classify(item, where, file, context, Array.isArray(value) ? undefined : path);
  }
  for (const [dialogFile, byLanguage] of embeds) {
    for (const embed of byLanguage.values()) {
      data.report.problems.push({
        file: embed.file,
        reason: `main content without its dialog: ${relative(dataDir, dialogFile)} is missing or is not a single Dialog`,
      });
    }
  }
  if (files.length > MAX_FILES)
    data.report.problems.push({
      file: dataDir,
      reason: `only the first ${MAX_FILES} of ${files.length} files were read`,
    });
  return data;
}

interface ClassifyContext {
  readonly data: CapturedData;
  readonly seenIds: Map<string, string>;
  /** Embed files by the dialog file they belong to; taken out as their dialog is loaded. */
  readonly embeds: Map<string, Map<string, CapturedEmbed & { file: string }>>;
  readonly dialogportenBase: () => string;
}

function classify(
  value: unknown,
  where: string,
  file: string,
  context: ClassifyContext,
  path: string | undefined,
): void {
  const { data, seenIds } = context;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    data.report.problems.push({ file: where, reason: 'expected a JSON object (a Dialog or a parties response)' });
    return;
  }
  const record = value as Record<string, unknown>;
  if ('authorizedParties' in record) {
    const problems = describeShapeProblems('parties', record);
    if (problems.length) {
      data.report.problems.push({
        file: where,
        reason: `parties response with a wrong shape at ${problems[0].path || '(root)'}: ${problems[0].message}`,
      });
      return;
    }
    const parties = parseDialogportenPayload('parties', record).authorizedParties;
    data.parties.push(...parties);
    data.report.loaded.push({
      file: where,
      kind: 'parties',
      detail: `${parties.length} part${parties.length === 1 ? 'y' : 'ies'}`,
    });
    return;
  }
  if ('correspondenceId' in record || ('correspondences' in record && Array.isArray(record.correspondences))) {
    data.report.skipped.push({ file: where, reason: 'a Correspondence payload: read by the Correspondence emulator' });
    return;
  }
  if ('items' in record && 'hasNextPage' in record) {
    data.report.problems.push({
      file: where,
      reason:
        'a dialog search page holds list items, not whole dialogs; capture GET /api/v1/enduser/dialogs/{id} for each dialog instead',
    });
    return;
  }
  if (!('id' in record) || !('party' in record)) {
    data.report.problems.push({
      file: where,
      reason:
        'not a Dialogporten payload: expected a Dialog (GET /api/v1/enduser/dialogs/{id}) or a parties response ({"authorizedParties": […]})',
    });
    return;
  }
  const problems = describeShapeProblems('dialog', record);
  if (problems.length) {
    data.report.problems.push({
      file: where,
      reason: `Dialog with a wrong shape at ${problems[0].path || '(root)'}: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    });
    return;
  }
  const parsed = parseDialogportenPayload('dialog', record);
  const earlier = seenIds.get(parsed.id);
  if (earlier) {
    data.report.problems.push({ file: where, reason: `dialog ${parsed.id} was already loaded from ${earlier}` });
    return;
  }
  seenIds.set(parsed.id, where);
  const embeds = path ? context.embeds.get(path) : undefined;
  if (path) context.embeds.delete(path);
  data.dialogs.push(
    new CapturedDialog(file, record as DialogBody, parsed, {
      embeds: embeds ?? new Map(),
      dialogportenBase: context.dialogportenBase,
    }),
  );
  data.report.loaded.push({ file: where, kind: 'dialog', detail: `dialog ${parsed.id} for ${parsed.party}` });
  for (const [language, embed] of embeds ?? []) {
    data.report.loaded.push({
      file: embed.file,
      kind: 'content',
      detail: `main content (${language}, ${embed.mediaType}) of dialog ${parsed.id}`,
    });
  }
}

async function readEmbeds(files: string[], dataDir: string): Promise<ClassifyContext['embeds']> {
  const embeds: ClassifyContext['embeds'] = new Map();
  for (const path of files) {
    const name = parseEmbedFileName(path);
    if (!name) continue;
    const byLanguage = embeds.get(name.dialogFile) ?? new Map();
    embeds.set(name.dialogFile, byLanguage);
    byLanguage.set(name.language, {
      mediaType: name.mediaType,
      text: (await readFile(path, 'utf8')).replace(/^\uFEFF/, ''),
      file: relative(dataDir, path) || path,
    });
  }
  return embeds;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
