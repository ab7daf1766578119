/** A configured Jira source, built with its account's client and identity. */
import { JiraSource } from '../../providers/jira/jiraSource';
import type { JiraSourceConfig } from '../../shared/sourceConfig';
import { jiraSourceLabel, type JiraAccounts } from './jiraAccounts';

export function jiraSource(config: JiraSourceConfig, accounts: JiraAccounts): JiraSource {
  const user = accounts.user(config.id);
  return new JiraSource(accounts.client(config), {
    id: config.id,
    label: jiraSourceLabel(config),
    siteUrl: config.baseUrl,
    scope: config.serviceDesk !== undefined ? { serviceDesk: config.serviceDesk, queue: config.queue ?? '' } : { jql: config.jql ?? '' },
    mapping: {
      severityField: config.severityField,
      severityValues: config.severityValues,
      regionField: config.regionField,
      organizationField: config.organizationField,
      organizationRegions: config.organizationRegions,
      teamField: config.teamField,
      teamFieldIsSelect: config.teamFieldIsSelect,
    },
    me: user ? { id: user.id, name: user.name } : undefined,
    site: user?.site,
    credential: accounts.describeCredential(config.id),
    internalVisibility: config.internalCommentVisibility,
    handoffTransition: config.handoffTransition,
    historyJql: config.historyJql,
  });
}
