/**
 * Turns a source's failure into one clear message with the action that helps; everything goes to
 * the log too. No stack trace ever reaches the user.
 */
import * as vscode from 'vscode';
import type { SourceFailure } from '../../providers/sourceResult';
import { COMMANDS } from './contributionIds';
import { log } from './log';

/** The actions' labels, as the user's language says them. */
function labels(): Record<'retry' | 'openSettings' | 'showLog' | 'signIn', string> {
  return { retry: vscode.l10n.t('Retry'), openSettings: vscode.l10n.t('Open Settings'), showLog: vscode.l10n.t('Show Log'), signIn: vscode.l10n.t('Sign In') };
}

/**
 * Shows the failure; resolves when the user has picked an action (or dismissed it). `signIn` is
 * offered for a refused request where the source has a sign-in.
 */
export async function showFailure(failure: SourceFailure, retry?: () => unknown, signIn?: () => unknown): Promise<void> {
  log().warn(`${failure.kind}: ${failure.message}`);
  if (failure.kind === 'cancelled') return;
  const label = labels();
  const actions =
    failure.kind === 'unauthorised' && signIn ? [label.signIn, ...actionsFor(failure, false, label)] : actionsFor(failure, retry !== undefined, label);
  const show = failure.kind === 'offline' || failure.kind === 'rateLimited' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const picked = await show(messageFor(failure), ...actions);
  if (picked === label.retry) await retry?.();
  else if (picked === label.signIn) await signIn?.();
  else if (picked === label.openSettings) await vscode.commands.executeCommand(COMMANDS.openSettings);
  else if (picked === label.showLog) log().show(true);
}

function messageFor(failure: SourceFailure): string {
  if (failure.kind === 'rateLimited') return `${failure.message} ${vscode.l10n.t('Try again after {0}.', failure.retryAt.toLocaleTimeString())}`;
  return failure.message;
}

function actionsFor(failure: SourceFailure, canRetry: boolean, label: ReturnType<typeof labels>): string[] {
  switch (failure.kind) {
    case 'unauthorised':
      return [label.openSettings, label.showLog];
    case 'offline':
    case 'rateLimited':
    case 'conflict':
    case 'notFound':
      return canRetry ? [label.retry, label.showLog] : [label.showLog];
    default:
      return [label.showLog];
  }
}

/** For unexpected exceptions at command boundaries: logged in full, shown in one line naming what failed. */
export function reportUnexpected(commandTitle: string, error: unknown): void {
  log().error(`${commandTitle} failed`, error instanceof Error ? error : new Error(String(error)));
  const showLog = vscode.l10n.t('Show Log');
  const message = vscode.l10n.t('{0} failed: {1}', commandTitle, error instanceof Error ? error.message : String(error));
  void vscode.window.showErrorMessage(message, showLog).then((picked) => {
    if (picked === showLog) log().show(true);
  });
}
