import { isAbsolute, resolve } from 'node:path';
import type { EnvironmentOverrides } from '../../platform/environments';
import { plainLocalizer, type Localizer } from '../../platform/presentation';

// Reads the extension's settings defensively: settings.json is edited by hand, so a value may have any type.
// Each reader returns what to use and, when the value was not usable as written, a message saying what was
// wrong and what is used instead. Plain (no vscode) so it can be unit-tested.

export interface SettingValue<T> {
  readonly value: T;
  /** Set when the setting was not used as written: names the setting, the problem and the fallback. */
  readonly problem?: string;
}

export const DEFAULT_PAGE_SIZE = 100;
const MIN_PAGE_SIZE = 1;
const MAX_PAGE_SIZE = 1000;

/** `altinnInbox.inbox.pageSize`: Dialogporten accepts 1–1000 per page. */
export function readPageSize(raw: unknown, l10n: Localizer = plainLocalizer): SettingValue<number> {
  if (raw === undefined || raw === null) return { value: DEFAULT_PAGE_SIZE };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return {
      value: DEFAULT_PAGE_SIZE,
      problem: l10n.t(
        'altinnInbox.inbox.pageSize must be a number from {0} to {1}, not {2}; using {3}.',
        MIN_PAGE_SIZE,
        MAX_PAGE_SIZE,
        describe(raw),
        DEFAULT_PAGE_SIZE,
      ),
    };
  }
  const value = Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, Math.round(raw)));
  if (value !== raw)
    return {
      value,
      problem: l10n.t(
        'altinnInbox.inbox.pageSize is {0}, but Dialogporten allows {1} to {2} dialogs per page; using {3}.',
        raw,
        MIN_PAGE_SIZE,
        MAX_PAGE_SIZE,
        value,
      ),
    };
  return { value };
}

export const DEFAULT_HTTP_TIMEOUT_SECONDS = 30;
const MIN_HTTP_TIMEOUT_SECONDS = 1;
const MAX_HTTP_TIMEOUT_SECONDS = 300;

/** `altinnInbox.http.timeoutSeconds`: how long one attempt of a request may take before it counts as timed out. */
export function readHttpTimeoutSeconds(raw: unknown, l10n: Localizer = plainLocalizer): SettingValue<number> {
  if (raw === undefined || raw === null) return { value: DEFAULT_HTTP_TIMEOUT_SECONDS };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return {
      value: DEFAULT_HTTP_TIMEOUT_SECONDS,
      problem: l10n.t(
        'altinnInbox.http.timeoutSeconds must be a number of seconds from {0} to {1}, not {2}; using {3}.',
        MIN_HTTP_TIMEOUT_SECONDS,
        MAX_HTTP_TIMEOUT_SECONDS,
        describe(raw),
        DEFAULT_HTTP_TIMEOUT_SECONDS,
      ),
    };
  }
  const value = Math.min(MAX_HTTP_TIMEOUT_SECONDS, Math.max(MIN_HTTP_TIMEOUT_SECONDS, raw));
  if (value !== raw)
    return {
      value,
      problem: l10n.t(
        'altinnInbox.http.timeoutSeconds is {0}, but it must be from {1} to {2} seconds; using {3}.',
        raw,
        MIN_HTTP_TIMEOUT_SECONDS,
        MAX_HTTP_TIMEOUT_SECONDS,
        value,
      ),
    };
  return { value };
}

const RESOURCE_ID = /^(urn:altinn:resource:)?[a-z0-9][a-z0-9_-]*$/;

/** `altinnInbox.correspondence.resources`: resource ids, with or without `urn:altinn:resource:`. */
export function readCorrespondenceResources(raw: unknown, l10n: Localizer = plainLocalizer): SettingValue<string[]> {
  if (raw === undefined || raw === null) return { value: [] };
  if (!Array.isArray(raw)) {
    return {
      value: [],
      problem: l10n.t(
        'altinnInbox.correspondence.resources must be a list of resource ids, not {0}; it is ignored, so only the resources the Inbox finds itself are listed.',
        describe(raw),
      ),
    };
  }
  const ids = raw
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.trim())
    .filter((r) => RESOURCE_ID.test(r))
    .map((r) => r.replace(/^urn:altinn:resource:/, ''));
  const unique = [...new Set(ids)];
  const refused = raw.filter((r) => typeof r !== 'string' || !RESOURCE_ID.test(r.trim()));
  if (refused.length) {
    return {
      value: unique,
      problem: l10n.t(
        'altinnInbox.correspondence.resources has entries that are not resource ids ({0}); they are ignored.',
        refused.map(describe).join(', '),
      ),
    };
  }
  return { value: unique };
}

const OVERRIDE_KEYS = [
  'tokenEndpoint',
  'maskinportenIssuer',
  'platformBase',
  'dialogportenBase',
  'dialogportenStreamUrl',
  'altinnIssuer',
  'inboxUrl',
] as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `altinnInbox.customBaseUrls[environment]`: only https URLs (plain http only to a loopback proxy) replace a
 * host, because tokens are sent to them. Anything else is left out and the environment's own host is used.
 */
export function readCustomBaseUrls(
  raw: unknown,
  environment: string,
  l10n: Localizer = plainLocalizer,
): SettingValue<EnvironmentOverrides> {
  if (raw === undefined || raw === null) return { value: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      value: {},
      problem: l10n.t(
        'altinnInbox.customBaseUrls must be an object of environments (tt02, at23, yt01, production), not {0}; the standard hosts are used.',
        describe(raw),
      ),
    };
  }
  const entry = (raw as Record<string, unknown>)[environment];
  if (entry === undefined || entry === null) return { value: {} };
  if (typeof entry !== 'object' || Array.isArray(entry)) {
    return {
      value: {},
      problem: l10n.t(
        'altinnInbox.customBaseUrls.{0} must be an object of host URLs, not {1}; the standard hosts of {0} are used.',
        environment,
        describe(entry),
      ),
    };
  }
  const value: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, url] of Object.entries(entry as Record<string, unknown>)) {
    if (!(OVERRIDE_KEYS as readonly string[]).includes(key)) {
      problems.push(l10n.t('"{0}" is not a host this extension knows (use {1})', key, OVERRIDE_KEYS.join(', ')));
      continue;
    }
    const problem = urlProblem(url, l10n);
    if (problem) problems.push(`${key}: ${problem}`);
    else value[key] = (url as string).trim();
  }
  if (problems.length) {
    return {
      value,
      problem: l10n.t(
        'altinnInbox.customBaseUrls.{0} was not used as written ({1}); the standard hosts are used instead of those entries.',
        environment,
        problems.join('; '),
      ),
    };
  }
  return { value };
}

function urlProblem(url: unknown, l10n: Localizer): string | undefined {
  if (typeof url !== 'string') return l10n.t('{0} is not a URL', describe(url));
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return l10n.t('"{0}" is not a URL', url.slice(0, 100));
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return undefined;
  return l10n.t('{0} is not https (tokens would travel unencrypted)', parsed.origin);
}

/** A short, safe rendering of a setting's value for a message (never the whole of a long string). */
function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 60)}${value.length > 60 ? '…' : ''}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * `altinnInbox.sandbox.dataFolder`: a folder of captured payloads for the embedded sandbox. Relative paths are
 * resolved against the first workspace folder; whether it can be read is for the sandbox's load report to say.
 */
export function readSandboxDataFolder(
  raw: unknown,
  workspaceFolder: string | undefined,
  l10n: Localizer = plainLocalizer,
): SettingValue<string | undefined> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: undefined };
  if (typeof raw !== 'string') {
    return {
      value: undefined,
      problem: l10n.t(
        'altinnInbox.sandbox.dataFolder must be the path of a folder, not {0}; the sandbox serves its generated data only.',
        describe(raw),
      ),
    };
  }
  const path = raw.trim();
  if (isAbsolute(path)) return { value: path };
  if (!workspaceFolder) {
    return {
      value: undefined,
      problem: l10n.t(
        'altinnInbox.sandbox.dataFolder is a relative path ({0}) but no folder is open; use an absolute path. The sandbox serves its generated data only.',
        path,
      ),
    };
  }
  return { value: resolve(workspaceFolder, path) };
}
