/**
 * Turns the settings into live sources. This is the one place that knows every kind: the local
 * queue, GitLab, Zendesk, GitHub and Jira. Remote sources come from their own
 * bundle, loaded the first time one is configured.
 */
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { gitUserEmail } from '../../git/gitUserEmail';
import { LocalSource } from '../../providers/local/localSource';
import type { GitlabSource } from '../../providers/gitlab/gitlabSource';
import type { GithubSource } from '../../providers/github/githubSource';
import type { ZendeskSource } from '../../providers/zendesk/zendeskSource';
import type { GithubSourceConfig, GitlabSourceConfig, LocalSourceConfig, ZendeskSourceConfig } from '../../shared/sourceConfig';
import type { TicketSource } from '../../providers/ticketSource';
import { gitlabSourceLabel, type GitlabAccounts } from './gitlabAccounts';
import { jiraBundle } from './jiraBundleLoader';
import { githubSourceLabel, type GithubAccounts } from './githubAccounts';
import type { SourceAccounts } from './register';
import { remoteSources } from './remoteBundle';
import { zendeskOrigin, zendeskSourceLabel, type ZendeskAccounts } from './zendeskAccounts';
import type { Settings } from '../common/settings';
import { fileExists } from '../common/fileExists';

export interface BuiltSources {
  readonly sources: TicketSource[];
  /** Local queue files, to watch for changes made outside the editor. */
  readonly localFiles: vscode.Uri[];
  /** Local sources that could not be placed because no folder is open. */
  readonly needsFolder: boolean;
}

export async function buildSources(settings: Settings, accounts: SourceAccounts): Promise<BuiltSources> {
  const sources: TicketSource[] = [];
  const localFiles: vscode.Uri[] = [];
  let needsFolder = false;
  for (const config of settings.sources.sources) {
    if (config.kind === 'gitlab') {
      sources.push(gitlabSource(config, accounts.gitlab));
      continue;
    }
    if (config.kind === 'zendesk') {
      sources.push(zendeskSource(config, accounts.zendesk));
      continue;
    }
    if (config.kind === 'github') {
      sources.push(githubSource(config, accounts.github));
      continue;
    }
    if (config.kind === 'jira') {
      sources.push(jiraBundle().jiraSource(config, accounts.jira()));
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

function gitlabSource(config: GitlabSourceConfig, accounts: GitlabAccounts): GitlabSource {
  const { GitlabSource } = remoteSources();
  return new GitlabSource(accounts.client(config), {
    id: config.id,
    label: gitlabSourceLabel(config),
    scope: config.group ? { group: config.group } : { project: config.project ?? '' },
    queueLabels: config.labels,
    scheme: {
      severityPrefix: config.severityPrefix,
      severityLabels: config.severityLabels,
      regionPrefix: config.regionPrefix,
      teamPrefix: config.teamPrefix,
      statusPrefix: config.statusPrefix,
    },
    me: accounts.user(config.id),
  });
}

function zendeskSource(config: ZendeskSourceConfig, accounts: ZendeskAccounts): ZendeskSource {
  const { ZendeskSource } = remoteSources();
  return new ZendeskSource(accounts.client(config), {
    id: config.id,
    label: zendeskSourceLabel(config),
    origin: zendeskOrigin(config),
    scope: config.view !== undefined ? { view: config.view } : { query: config.query ?? '' },
    mapping: {
      severityField: config.severityField,
      severityValues: config.severityValues,
      regionField: config.regionField,
      organizationRegionField: config.organizationRegionField,
    },
    me: accounts.user(config.id),
    credential: accounts.describeCredential(config.id),
    linkTag: config.linkTag,
  });
}

function githubSource(config: GithubSourceConfig, accounts: GithubAccounts): GithubSource {
  const { GithubSource, graphqlUrl } = remoteSources();
  return new GithubSource(accounts.client(config), {
    id: config.id,
    label: githubSourceLabel(config),
    scope: config.query !== undefined ? { query: config.query } : { repository: config.repository ?? '' },
    queueLabels: config.labels,
    scheme: { severityLabels: config.severityLabels, regionPrefix: config.regionPrefix, teamPrefix: config.teamPrefix },
    me: () => accounts.login(config.id),
    notesRepository: config.notesRepository,
    graphqlUrl: graphqlUrl(config.baseUrl ?? 'https://api.github.com'),
  });
}

async function localSource(config: LocalSourceConfig, settings: Settings, file: ResolvedFile): Promise<LocalSource> {
  const me = config.me ?? settings.localMe ?? (await gitUserEmail(file.folder));
  return new LocalSource({ id: config.id, label: config.label, queueFile: file.uri.fsPath, displayPath: file.display, me });
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
