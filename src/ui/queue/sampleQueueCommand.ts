/**
 * "Create Sample Queue": writes a realistic queue so the extension can be tried with no ticket
 * system. An existing queue is never overwritten silently: the user confirms, and the old file is
 * kept beside it as a backup.
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../providers/local/atomicWrite';
import { buildSampleQueue } from '../../providers/local/sampleQueue';
import { VIEWS } from '../common/contributionIds';
import { log } from '../common/log';
import { resolveLocalQueueFile } from '../sources/sourceFactory';

const REPLACE = 'Replace (keep a backup)';

/** Returns the path written, or undefined when nothing was written. */
export async function createSampleQueue(queueFileSetting: string, afterWrite: () => Promise<void>): Promise<string | undefined> {
  const file = await resolveLocalQueueFile(queueFileSetting);
  if (!file) {
    void vscode.window.showErrorMessage('Open a folder first: the sample queue is written into the workspace.');
    return undefined;
  }
  const path = file.uri.fsPath;
  if (await exists(path)) {
    const answer = await vscode.window.showWarningMessage(
      `${file.display} already exists. Replace it with the sample queue?`,
      { modal: true, detail: 'The current file is renamed to a backup in the same folder first.' },
      REPLACE,
    );
    if (answer !== REPLACE) return undefined;
    const backup = join(dirname(path), `${basename(path, '.json')}.backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await rename(path, backup);
    log().info(`Kept the previous queue as ${backup}`);
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(buildSampleQueue(new Date()), null, 2)}\n`);
  log().info(`Wrote the sample queue to ${path}`);
  await afterWrite();
  await vscode.commands.executeCommand(`${VIEWS.queue}.focus`);
  return path;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
