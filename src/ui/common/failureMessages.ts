/**
 * Turns a source's failure into one clear message with the action that helps; everything goes to
 * the log too. No stack trace ever reaches the user.
 */
import * as vscode from 'vscode';
import type { SourceFailure } from '../../providers/sourceResult';
import { COMMANDS } from './contributionIds';
import { log } from './log';

const RETRY = 'Retry';
const OPEN_SETTINGS = 'Open Settings';
const SHOW_LOG = 'Show Log';
const SIGN_IN = 'Sign In';

/**
 * Shows the failure; resolves when the user has picked an action (or dismissed it). `signIn` is
 * offered for a refused request where the source has a sign-in.
 */
export async function showFailure(failure: SourceFailure, retry?: () => unknown, signIn?: () => unknown): Promise<void> {
  log().warn(`${failure.kind}: ${failure.message}`);
  if (failure.kind === 'cancelled') return;
  const actions = failure.kind === 'unauthorised' && signIn ? [SIGN_IN, ...actionsFor(failure, false)] : actionsFor(failure, retry !== undefined);
  const show = failure.kind === 'offline' || failure.kind === 'rateLimited' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const picked = await show(messageFor(failure), ...actions);
  if (picked === RETRY) await retry?.();
  else if (picked === SIGN_IN) await signIn?.();
  else if (picked === OPEN_SETTINGS) await vscode.commands.executeCommand(COMMANDS.openSettings);
  else if (picked === SHOW_LOG) log().show(true);
}

function messageFor(failure: SourceFailure): string {
  if (failure.kind === 'rateLimited') return `${failure.message} Try again after ${failure.retryAt.toLocaleTimeString()}.`;
  return failure.message;
}

function actionsFor(failure: SourceFailure, canRetry: boolean): string[] {
  switch (failure.kind) {
    case 'unauthorised':
      return [OPEN_SETTINGS, SHOW_LOG];
    case 'offline':
    case 'rateLimited':
    case 'conflict':
    case 'notFound':
      return canRetry ? [RETRY, SHOW_LOG] : [SHOW_LOG];
    default:
      return [SHOW_LOG];
  }
}

/** For unexpected exceptions at command boundaries: logged in full, shown in one line. */
export function reportUnexpected(action: string, error: unknown): void {
  log().error(`${action} failed`, error instanceof Error ? error : new Error(String(error)));
  void vscode.window.showErrorMessage(`${action} failed: ${error instanceof Error ? error.message : String(error)}`, SHOW_LOG).then((picked) => {
    if (picked === SHOW_LOG) log().show(true);
  });
}
