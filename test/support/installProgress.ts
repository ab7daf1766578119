/**
 * What a long npm install is doing, told while it runs: npm itself is silent for minutes at
 * `--loglevel=error`, and its own output (code-server builds native modules) is a wall of compiler
 * lines. So the install writes to a log file, and every few seconds one line says how long it has
 * taken and how much has arrived.
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface Arrived {
  readonly bytes: number;
  readonly files: number;
}

/** "1 min 05 s: 212.4 MB in 8,431 files so far"; before the first file, npm is still downloading. */
export function progressLine(elapsedMs: number, arrived: Arrived): string {
  const seconds = Math.floor(elapsedMs / 1000);
  const time = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  if (arrived.files === 0) return `${time}: downloading`;
  const megabytes = (arrived.bytes / 1_000_000).toFixed(1);
  return `${time}: ${megabytes} MB in ${arrived.files.toLocaleString('en-US')} files so far`;
}

/** Sizes of the files under `dir` now; files that vanish while npm moves them are skipped. */
export function arrivedIn(dir: string): Arrived {
  let bytes = 0;
  let files = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return { bytes, files };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    try {
      bytes += lstatSync(join(entry.parentPath, entry.name)).size;
      files += 1;
    } catch {
      // Moved or removed by npm since the listing.
    }
  }
  return { bytes, files };
}
