/** Ticket sources that need an account: signing in and out. The sources themselves are built by sourceFactory. */
import type * as vscode from 'vscode';
import { registerCommand } from '../common/commandRegistration';
import { COMMANDS } from '../common/contributionIds';
import type { Settings } from '../common/settings';
import { GithubAccounts } from './githubAccounts';
import { GitlabAccounts } from './gitlabAccounts';
import { GitlabSignInCommands } from './gitlabSignInCommands';
import type { JiraAccounts } from './jiraAccounts';
import { jiraBundle } from './jiraBundleLoader';
import { githubSignIn } from './githubSignInCommand';
import { ZendeskAccounts } from './zendeskAccounts';
import { ZendeskSignInCommands } from './zendeskSignInCommands';

export interface SourceAccounts {
  readonly gitlab: GitlabAccounts;
  readonly zendesk: ZendeskAccounts;
  readonly github: GithubAccounts;
  /** Made on first use, from the bundle that holds Jira's sign-in. */
  readonly jira: () => JiraAccounts;
}

/** `reload` rebuilds the sources after a sign-in or sign-out. */
export function registerSources(context: vscode.ExtensionContext, settings: () => Settings, userAgent: string, reload: () => Promise<void>): SourceAccounts {
  const gitlab = new GitlabAccounts(context.secrets, context.globalState, userAgent);
  const signIn = new GitlabSignInCommands(gitlab, settings, reload);
  registerCommand(context, COMMANDS.signInGitlab, (sourceId) => signIn.signIn(sourceId));
  registerCommand(context, COMMANDS.signOutGitlab, (sourceId) => signIn.signOut(sourceId));
  const zendesk = new ZendeskAccounts(context.secrets, context.globalState, userAgent);
  const zendeskSignIn = new ZendeskSignInCommands(zendesk, settings, reload);
  registerCommand(context, COMMANDS.signInZendesk, (sourceId) => zendeskSignIn.signIn(sourceId));
  registerCommand(context, COMMANDS.signOutZendesk, (sourceId) => zendeskSignIn.signOut(sourceId));
  const github = new GithubAccounts(userAgent);
  registerCommand(context, COMMANDS.signInGithub, (sourceId) => githubSignIn(github, settings, reload, sourceId));
  let jiraAccounts: JiraAccounts | undefined;
  const jira = (): JiraAccounts => (jiraAccounts ??= new (jiraBundle().JiraAccounts)(context.secrets, context.globalState, userAgent));
  const jiraSignIn = (): InstanceType<ReturnType<typeof jiraBundle>['JiraSignInCommands']> => new (jiraBundle().JiraSignInCommands)(jira(), settings, reload);
  registerCommand(context, COMMANDS.signInJira, (sourceId) => jiraSignIn().signIn(sourceId));
  registerCommand(context, COMMANDS.signOutJira, (sourceId) => jiraSignIn().signOut(sourceId));
  return { gitlab, zendesk, github, jira };
}
