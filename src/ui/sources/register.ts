/** Ticket sources that need an account: signing in and out. The sources themselves are built by sourceFactory. */
import type * as vscode from 'vscode';
import { registerCommand } from '../common/commandRegistration';
import { COMMANDS } from '../common/contributionIds';
import { withdrawRefusal } from '../common/failureMessages';
import { log } from '../common/log';
import type { Settings } from '../common/settings';
import { remoteSources } from './remoteBundle';
import type { RemoteAccounts, SourceAccounts } from './sourceAccounts';

/**
 * The sign-in commands are registered now; the accounts behind them, like the sources, live in
 * `dist/remote.js` and are built on first use. `reload` rebuilds the sources after a sign-in or
 * sign-out. Returns the accounts, for the source factory.
 */
export function registerSources(
  context: vscode.ExtensionContext,
  settings: () => Settings,
  userAgent: string,
  reload: () => Promise<void>,
): () => SourceAccounts {
  let remote: RemoteAccounts | undefined;
  const accounts = (): RemoteAccounts =>
    (remote ??= remoteSources().createAccounts({
      secrets: context.secrets,
      state: context.globalState,
      userAgent,
      log: log(),
      settings,
      signedIn: async (sourceId) => {
        withdrawRefusal(sourceId);
        await reload();
      },
      reload,
    }));
  registerCommand(context, COMMANDS.signInGitlab, (sourceId) => accounts().commands.signInGitlab(sourceId));
  registerCommand(context, COMMANDS.signOutGitlab, (sourceId) => accounts().commands.signOutGitlab(sourceId));
  registerCommand(context, COMMANDS.signInZendesk, (sourceId) => accounts().commands.signInZendesk(sourceId));
  registerCommand(context, COMMANDS.signOutZendesk, (sourceId) => accounts().commands.signOutZendesk(sourceId));
  registerCommand(context, COMMANDS.signInGithub, (sourceId) => accounts().commands.signInGithub(sourceId));
  registerCommand(context, COMMANDS.signInJira, (sourceId) => accounts().commands.signInJira(sourceId));
  registerCommand(context, COMMANDS.signOutJira, (sourceId) => accounts().commands.signOutJira(sourceId));
  return () => accounts().accounts;
}
