/** The accounts of the remote sources and their sign-in commands: built together, on first use, inside `dist/remote.js`. */
import type * as vscode from 'vscode';
import type { Settings } from '../common/settings';
import { GithubAccounts } from './githubAccounts';
import { githubSignIn } from './githubSignInCommand';
import { GitlabAccounts } from './gitlabAccounts';
import { gitlabSignInCommands } from './gitlabSignInCommands';
import { JiraAccounts } from './jiraAccounts';
import { jiraSignInCommands } from './jiraSignInCommands';
import { ZendeskAccounts } from './zendeskAccounts';
import { zendeskSignInCommands } from './zendeskSignInCommands';

export interface SourceAccounts {
  readonly gitlab: GitlabAccounts;
  readonly zendesk: ZendeskAccounts;
  readonly github: GithubAccounts;
  readonly jira: JiraAccounts;
}

/** What the accounts need from the extension: its storage, its output channel, and what to do after a sign-in or sign-out. */
export interface AccountServices {
  readonly secrets: vscode.SecretStorage;
  readonly state: vscode.Memento;
  readonly userAgent: string;
  readonly log: vscode.LogOutputChannel;
  readonly settings: () => Settings;
  /** After a sign-in: withdraw the refusal it answers, rebuild the sources. */
  readonly signedIn: (sourceId: string) => Promise<void>;
  /** After a sign-out: rebuild the sources. */
  readonly reload: () => Promise<void>;
}

export interface SignInCommands {
  signInGitlab(sourceId: unknown): Promise<unknown>;
  signOutGitlab(sourceId: unknown): Promise<unknown>;
  signInZendesk(sourceId: unknown): Promise<unknown>;
  signOutZendesk(sourceId: unknown): Promise<unknown>;
  signInGithub(sourceId: unknown): Promise<unknown>;
  signInJira(sourceId: unknown): Promise<unknown>;
  signOutJira(sourceId: unknown): Promise<unknown>;
}

export interface RemoteAccounts {
  readonly accounts: SourceAccounts;
  readonly commands: SignInCommands;
}

export function createAccounts(services: AccountServices): RemoteAccounts {
  const { secrets, state, userAgent, log, settings, signedIn, reload } = services;
  const accounts: SourceAccounts = {
    gitlab: new GitlabAccounts(secrets, state, userAgent),
    zendesk: new ZendeskAccounts({ secrets, state, log }, userAgent),
    github: new GithubAccounts(userAgent, log),
    jira: new JiraAccounts({ secrets, state, log }, userAgent),
  };
  const host = { settings, signedIn, reload };
  const gitlab = gitlabSignInCommands(accounts.gitlab, host);
  const zendesk = zendeskSignInCommands(accounts.zendesk, host);
  const jira = jiraSignInCommands(accounts.jira, host);
  const commands: SignInCommands = {
    signInGitlab: (sourceId) => gitlab.signIn(sourceId),
    signOutGitlab: (sourceId) => gitlab.signOut(sourceId),
    signInZendesk: (sourceId) => zendesk.signIn(sourceId),
    signOutZendesk: (sourceId) => zendesk.signOut(sourceId),
    signInGithub: (sourceId) => githubSignIn(accounts.github, settings, signedIn, sourceId),
    signInJira: (sourceId) => jira.signIn(sourceId),
    signOutJira: (sourceId) => jira.signOut(sourceId),
  };
  return { accounts, commands };
}
