/** A sign-in the server refused: said as an error with Sign In (again) / Open Settings / Show Log. */
import * as vscode from 'vscode';
import { COMMANDS } from '../common/contributionIds';

export async function offerAfterRefusal(
  message: string,
  signIn: { readonly command: string; readonly sourceId: string },
  log: vscode.LogOutputChannel,
): Promise<void> {
  const again = vscode.l10n.t('Sign In');
  const settings = vscode.l10n.t('Open Settings');
  const showLog = vscode.l10n.t('Show Log');
  const picked = await vscode.window.showErrorMessage(message, again, settings, showLog);
  if (picked === again) await vscode.commands.executeCommand(signIn.command, signIn.sourceId);
  else if (picked === settings) await vscode.commands.executeCommand(COMMANDS.openSettings);
  else if (picked === showLog) log.show(true);
}
