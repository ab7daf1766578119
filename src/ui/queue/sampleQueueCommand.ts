/**
 * "Create Sample Queue": writes a realistic queue so the extension can be tried with no ticket
 * system. An existing queue is never overwritten silently: the user confirms, and the old file is
 * kept beside it as a backup.
 */
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../providers/local/atomicWrite';
import { readSampleQueue } from '../../providers/local/sampleQueue';
import { VIEWS } from '../common/contributionIds';
import { log } from '../common/log';
import { resolveLocalQueueFile } from '../sources/sourceFactory';
import { fileExists } from '../common/fileExists';

// This code runs from dist/extension.js: the extension's root, where the sample's data is, is the folder above.
const EXTENSION_ROOT = join(__dirname, '..');

/** Returns the path written, or undefined when nothing was written. */
export async function createSampleQueue(queueFileSetting: string, afterWrite: () => Promise<void>): Promise<string | undefined> {
  const file = await resolveLocalQueueFile(queueFileSetting);
  if (!file) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: the sample queue is written into the workspace.'));
    return undefined;
  }
  // Read before anything is moved: should the data be unreadable, the current queue stays as it is.
  const sample = await readSampleQueue(EXTENSION_ROOT, new Date());
  const path = file.uri.fsPath;
  const replace = vscode.l10n.t('Replace (keep a backup)');
  if (await fileExists(path)) {
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it with the sample queue?', file.display),
      { modal: true, detail: vscode.l10n.t('The current file is renamed to a backup in the same folder first.') },
      replace,
    );
    if (answer !== replace) return undefined;
    const backup = join(dirname(path), `${basename(path, '.json')}.backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await rename(path, backup);
    log().info(`Kept the previous queue as ${backup}`);
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(sample, null, 2)}\n`);
  log().info(`Wrote the sample queue to ${path}`);
  await afterWrite();
  await vscode.commands.executeCommand(`${VIEWS.queue}.focus`);
  return path;
}
