/**
 * Turns the settings into live sources. This is the one place that knows every kind: the local
 * queue, GitLab, Zendesk and GitHub now; Jira joins here. Remote sources come from their own
 * bundle, loaded the first time one is configured.
 */
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { gitUserEmail } from '../../git/gitUserEmail';
import { LocalSource } from '../../providers/local/localSource';
import type { LocalSourceConfig } from '../../shared/sourceConfig';
import type { TicketSource } from '../../providers/ticketSource';
import { jsonSyntax } from './jsonSyntaxBundle';
import { remoteSources } from './remoteBundle';
import type { SourceAccounts } from './sourceAccounts';
import type { Settings } from '../common/settings';
import { fileExists } from '../common/fileExists';

export interface BuiltSources {
  readonly sources: TicketSource[];
  /** Local queue files, to watch for changes made outside the editor. */
  readonly localFiles: vscode.Uri[];
  /** Local sources that could not be placed because no folder is open. */
  readonly needsFolder: boolean;
}

/** `accounts` is asked only when a remote source is configured: it loads `dist/remote.js`. */
export async function buildSources(settings: Settings, accounts: () => SourceAccounts): Promise<BuiltSources> {
  const sources: TicketSource[] = [];
  const localFiles: vscode.Uri[] = [];
  let needsFolder = false;
  for (const config of settings.sources.sources) {
    if (config.kind !== 'local') {
      sources.push(remoteSources().buildRemoteSource(config, accounts()));
      continue;
    }
    const file = await resolveLocalQueueFile(config.queueFile ?? settings.localQueueFile);
    if (!file) {
      needsFolder = true;
      continue;
    }
    sources.push(await localSource(config, settings, file));
    localFiles.push(file.uri);
  }
  return { sources, localFiles, needsFolder };
}

async function localSource(config: LocalSourceConfig, settings: Settings, file: ResolvedFile): Promise<LocalSource> {
  const me = config.me ?? settings.localMe ?? (await gitUserEmail(file.folder));
  return new LocalSource({
    id: config.id,
    label: config.label,
    queueFile: file.uri.fsPath,
    displayPath: file.display,
    me,
    locateSyntaxError: (text) => jsonSyntax().firstSyntaxError(text),
  });
}

interface ResolvedFile {
  readonly uri: vscode.Uri;
  /** The folder whose git identity is "me". */
  readonly folder: string;
  readonly display: string;
}

/**
 * A relative path belongs to the first workspace folder that has the file, or to the first folder
 * when none has it yet (where "Create Sample Queue" writes it).
 */
export async function resolveLocalQueueFile(setting: string): Promise<ResolvedFile | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (isAbsolute(setting)) {
    return { uri: vscode.Uri.file(setting), folder: folders[0]?.uri.fsPath ?? join(setting, '..'), display: setting };
  }
  for (const folder of folders) {
    const candidate = join(folder.uri.fsPath, setting);
    if (await fileExists(candidate)) return { uri: vscode.Uri.file(candidate), folder: folder.uri.fsPath, display: setting };
  }
  const first = folders[0];
  return first ? { uri: vscode.Uri.file(join(first.uri.fsPath, setting)), folder: first.uri.fsPath, display: setting } : undefined;
}
