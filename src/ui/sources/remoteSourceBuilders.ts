/** Remote sources from their settings, with the account each signs in with: inside `dist/remote.js`. */
import { GitlabSource } from '../../providers/gitlab/gitlabSource';
import { GithubSource } from '../../providers/github/githubSource';
import { graphqlUrl } from '../../providers/github/githubTransfer';
import type { TicketSource } from '../../providers/ticketSource';
import { ZendeskSource } from '../../providers/zendesk/zendeskSource';
import type { GithubSourceConfig, GitlabSourceConfig, JiraSourceConfig, ZendeskSourceConfig } from '../../shared/sourceConfig';
import { githubSourceLabel, type GithubAccounts } from './githubAccounts';
import { gitlabSourceLabel, type GitlabAccounts } from './gitlabAccounts';
import { jiraSource } from './jiraSourceBuilder';
import type { SourceAccounts } from './sourceAccounts';
import { zendeskOrigin, zendeskSourceLabel, type ZendeskAccounts } from './zendeskAccounts';

export type RemoteSourceConfig = GitlabSourceConfig | ZendeskSourceConfig | GithubSourceConfig | JiraSourceConfig;

export function buildRemoteSource(config: RemoteSourceConfig, accounts: SourceAccounts): TicketSource {
  switch (config.kind) {
    case 'gitlab':
      return gitlabSource(config, accounts.gitlab);
    case 'zendesk':
      return zendeskSource(config, accounts.zendesk);
    case 'github':
      return githubSource(config, accounts.github);
    case 'jira':
      return jiraSource(config, accounts.jira);
  }
}

function gitlabSource(config: GitlabSourceConfig, accounts: GitlabAccounts): GitlabSource {
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
