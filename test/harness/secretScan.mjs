// After a test tier: reads the secret ledger (every token and key the run made, see src/platform/secretLedger.ts)
// and searches every file the run left behind for each of them: settings, global and workspace state, the
// extension's storage folders, logs and output channels, the browser profile and the screenshots' DOM text.
import { createPrivateKey } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the issue asks to be scanned, counted by file so the summary shows each was there. */
const CATEGORIES = [
  ['settings', /(^|\/)settings\.json$/],
  ['state databases', /\.vscdb$|(^|\/)IndexedDB\/|(^|\/)Local Storage\//],
  ['extension storage', /(^|\/)(globalStorage|workspaceStorage)\/[^/]*altinn-inbox-inspector/i],
  ['logs and output channels', /\.log$/],
  ['DOM snapshots', /\.dom\.html$/],
];

/** Shorter runs could match by chance; every secret of interest has a longer random part. */
const MIN_NEEDLE = 24;
const PREFIX = 16;
const PRIVATE_JWK_FIELDS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

/** @returns {{ kind: string, value: string }[]} */
function readLedger(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/**
 * The parts of a secret that give it away if found: a token's signature, a private JWK's private fields, the
 * base64 lines of a PEM private key (and its JWK form), slices of a PKCS#12 blob, or the value itself.
 * @returns {string[]}
 */
export function needlesOf(value) {
  const text = value.trim();
  const jwt = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.([A-Za-z0-9_-]{20,})$/.exec(text);
  if (jwt) return [jwt[1]];
  if (text.startsWith('{')) {
    try {
      return unique(stringsIn(JSON.parse(text)).flatMap((s) => needlesOf(s)));
    } catch {
      /* not JSON: fall through */
    }
  }
  if (text.includes('-----BEGIN')) return unique(pemNeedles(text));
  if (/^[A-Za-z0-9+/=\s]{200,}$/.test(text)) {
    const flat = text.replace(/\s+/g, '');
    return unique([0, Math.floor(flat.length / 2), flat.length - 70].map((at) => flat.slice(at, at + 64)));
  }
  return text.length >= MIN_NEEDLE ? [text] : [];
}

function stringsIn(value) {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  // A private JWK: its private fields are the secret; the public ones (n, e, x) may be shown anywhere.
  if (typeof value.kty === 'string')
    return PRIVATE_JWK_FIELDS.map((field) => value[field]).filter((s) => typeof s === 'string');
  return Object.values(value).flatMap(stringsIn);
}

function pemNeedles(text) {
  const needles = [];
  for (const block of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)) {
    if (!block[1].includes('PRIVATE KEY')) continue;
    const lines = block[2]
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length >= 60 && !l.includes(':'));
    needles.push(...[lines[1], lines[Math.floor(lines.length / 2)], lines[lines.length - 2]].filter(Boolean));
    try {
      const jwk = createPrivateKey(block[0]).export({ format: 'jwk' });
      needles.push(
        ...PRIVATE_JWK_FIELDS.map((f) => jwk[f]).filter((s) => typeof s === 'string' && s.length >= MIN_NEEDLE),
      );
    } catch {
      /* encrypted: the lines are enough */
    }
  }
  return needles;
}

function unique(values) {
  return [...new Set(values.filter((v) => typeof v === 'string' && v.length >= MIN_NEEDLE))];
}

function listFiles(path, exclude, found = []) {
  if (!existsSync(path) || exclude.some((skip) => path === skip || path.startsWith(`${skip}/`))) return found;
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return found;
  if (stat.isFile()) {
    found.push(path);
    return found;
  }
  if (stat.isDirectory()) for (const name of readdirSync(path)) listFiles(join(path, name), exclude, found);
  return found;
}

/** Finds needles in text, in one pass over its base64-like runs (a secret is always inside such a run). */
function findIn(text, byPrefix) {
  const found = new Set();
  for (const run of text.matchAll(/[A-Za-z0-9+/_=-]{24,}/g)) {
    const start = run.index;
    const word = run[0];
    for (let i = 0; i + MIN_NEEDLE <= word.length; i++) {
      const candidates = byPrefix.get(word.slice(i, i + PREFIX));
      if (!candidates) continue;
      for (const candidate of candidates) if (text.startsWith(candidate.needle, start + i)) found.add(candidate);
    }
  }
  return found;
}

/**
 * @param {{ ledgerFile: string, roots: { label: string, path: string, exclude?: string[] }[] }} options
 */
export function scanForSecrets(options) {
  const entries = readLedger(options.ledgerFile);
  const byPrefix = new Map();
  const kinds = {};
  let unscannable = 0;
  const seenValues = new Set();
  for (const entry of entries) {
    if (seenValues.has(entry.value)) continue;
    seenValues.add(entry.value);
    const parts = needlesOf(entry.value);
    if (!parts.length) {
      unscannable++;
      continue;
    }
    kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
    for (const needle of parts) {
      const key = needle.slice(0, PREFIX);
      if (!byPrefix.has(key)) byPrefix.set(key, []);
      byPrefix.get(key).push({ needle, kind: entry.kind });
    }
  }
  const hits = [];
  const perRoot = [];
  const categories = {};
  let files = 0;
  let bytes = 0;
  for (const root of options.roots) {
    const list = listFiles(root.path, root.exclude ?? []);
    let rootBytes = 0;
    for (const file of list) {
      const name = relative(root.path, file);
      for (const [category, pattern] of CATEGORIES)
        if (pattern.test(name)) categories[category] = (categories[category] ?? 0) + 1;
      const buffer = readFileSync(file);
      rootBytes += buffer.length;
      // Browsers keep strings as Latin-1 or UTF-16; search both readings (UTF-16 at either byte alignment).
      const readings = [buffer.toString('latin1'), buffer.toString('utf16le'), buffer.subarray(1).toString('utf16le')];
      const inFile = new Set();
      for (const text of readings) for (const hit of findIn(text, byPrefix)) inFile.add(hit.kind);
      for (const kind of inFile) hits.push({ file: join(root.label, name), kind });
    }
    files += list.length;
    bytes += rootBytes;
    perRoot.push({ label: root.label, files: list.length, bytes: rootBytes });
  }
  return { secrets: seenValues.size - unscannable, unscannable, kinds, files, bytes, perRoot, categories, hits };
}

/** One line for the test output; names kinds and files, never a secret. */
export function describeScan(tier, result) {
  const kinds = Object.entries(result.kinds)
    .sort()
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const roots = result.perRoot.map((r) => `${r.label} ${r.files}`).join(', ');
  const among = CATEGORIES.filter(([category]) => result.categories[category])
    .map(([category]) => `${result.categories[category]} ${category}`)
    .join(', ');
  return `[secrets] ${tier}: scanned ${result.files} files (${(result.bytes / 1e6).toFixed(1)} MB: ${roots}${among ? `; among them ${among}` : ''}) for ${result.secrets} secrets (${kinds}): ${result.hits.length} hits`;
}

/**
 * Scans and returns the summary line and what should fail the tier: each hit (file and kind, never the value),
 * or a ledger without tokens (then the scan would prove nothing).
 * @param {string} tier
 * @param {{ ledgerFile: string, roots: { label: string, path: string, exclude?: string[] }[] }} options
 * @returns {{ summary: string, failures: string[] }}
 */
export function secretScanVerdict(tier, options) {
  const result = scanForSecrets(options);
  const failures = result.hits.map((hit) => `a ${hit.kind} was found in ${hit.file}`);
  const tokens = Object.entries(result.kinds)
    .filter(([kind]) => kind.endsWith('-token'))
    .reduce((n, [, count]) => n + count, 0);
  if (tokens === 0)
    failures.push('the secret ledger holds no token: the run did not note its secrets, so the scan proves nothing');
  return { summary: describeScan(tier, result), failures };
}

/**
 * Ends a VS Code tier: closes the browser and stops code-server, keeping both profiles (so logs and state are
 * flushed to disk first), then scans them and the workspace, plus `extraRoots`. Removing the profiles is the
 * caller's.
 * @param {string} tier
 * @param {{ ledgerFile: string, server: { profile: string, stop(o?: { removeProfile?: boolean }): Promise<void> }, workbench: { profile: string, close(o?: { removeProfile?: boolean }): Promise<void> }, workspace: string, exclude?: string[], extraRoots?: { label: string, path: string }[] }} run
 */
export async function stopAndScanForSecrets(tier, run) {
  await run.workbench.close({ removeProfile: false });
  await run.server.stop({ removeProfile: false });
  return secretScanVerdict(tier, {
    ledgerFile: run.ledgerFile,
    roots: [
      { label: 'code-server profile', path: run.server.profile, exclude: run.exclude ?? [] },
      { label: 'browser profile', path: run.workbench.profile },
      { label: 'workspace', path: run.workspace },
      ...(run.extraRoots ?? []),
    ],
  });
}
