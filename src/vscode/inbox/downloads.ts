import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as vscode from 'vscode';

/** Where the save dialog starts: the first workspace folder, else ~/Downloads, else the home folder. */
export function defaultDownloadUri(fileName: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder && folder.scheme === 'file') return vscode.Uri.joinPath(folder, fileName);
  const downloads = join(homedir(), 'Downloads');
  return vscode.Uri.file(join(existsSync(downloads) ? downloads : homedir(), fileName));
}

/** A file name safe on every OS (service owners choose attachment names). */
export function safeFileName(name: string | undefined, fallback: string): string {
  const cleaned = [...(name ?? '')]
    .map((c) => (c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return cleaned || fallback;
}

export interface WrittenFile {
  readonly bytes: number;
  readonly md5: string;
}

/**
 * Writes a stream to `target` through a temporary `.part` file that is renamed only when complete, so a cancelled
 * or failed download never leaves a truncated file under the chosen name. Reports progress per chunk.
 */
export async function writeStreamToFile(
  target: vscode.Uri,
  source: Readable,
  options: { signal: AbortSignal; onBytes?: (bytes: number) => void },
): Promise<WrittenFile> {
  const hash = createHash('md5');
  let bytes = 0;
  const meter = (): Transform =>
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        options.onBytes?.(bytes);
        callback(null, chunk);
      },
    });
  if (target.scheme !== 'file') {
    // A remote or virtual file system: collect in memory, then write through VS Code.
    const chunks: Buffer[] = [];
    const collector = new Transform({
      transform(chunk: Buffer, _e, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    await run(source, meter(), collector, options.signal);
    await vscode.workspace.fs.writeFile(target, Buffer.concat(chunks));
    return { bytes, md5: hash.digest('hex') };
  }
  const partial = `${target.fsPath}.part`;
  try {
    await run(source, meter(), createWriteStream(partial), options.signal);
    await rename(partial, target.fsPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes, md5: hash.digest('hex') };
}

async function run(source: Readable, meter: Transform, destination: Writable, signal: AbortSignal): Promise<void> {
  await pipeline(source, meter, destination, { signal });
}

/** An MD5 the service sent (hex or base64) compared with the one computed. */
export function checksumMatches(expected: string | null | undefined, md5Hex: string): boolean | undefined {
  if (!expected) return undefined;
  const trimmed = expected.trim();
  if (/^[0-9a-f]{32}$/i.test(trimmed)) return trimmed.toLowerCase() === md5Hex;
  return Buffer.from(md5Hex, 'hex').toString('base64') === trimmed;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
