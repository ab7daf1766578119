/**
 * The entry point of `dist/jira.js`: Jira's sign-in and the building of its sources, loaded (with
 * `jiraBundleLoader.ts`) the first time a Jira source is configured or signed in to, so that the
 * bundle loaded at activation carries none of it.
 */
export { JiraAccounts } from './jiraAccounts';
export { JiraSignInCommands } from './jiraSignInCommands';
export { jiraSource } from './jiraSourceBuilder';
