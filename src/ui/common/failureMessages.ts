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

/** A source that has a sign-in: the command that signs in to it, given the source's id. */
interface SignInTarget {
  readonly sourceId: string;
  readonly command: string;
}

/** Refusals waiting for a sign-in, per source id: calling one takes its notification away. */
const waitingForSignIn = new Map<string, () => void>();

/**
 * Shows the failure; resolves when the user has picked an action (or dismissed it). A refused
 * request where the source has a sign-in is shown until that source is signed in to instead.
 */
export async function showFailure(failure: SourceFailure, retry?: () => unknown, signIn?: SignInTarget): Promise<void> {
  log().warn(`${failure.kind}: ${failure.message}`);
  if (failure.kind === 'cancelled') return;
  const label = labels();
  if (failure.kind === 'unauthorised' && signIn) return showRefusal(failure.message, signIn, label);
  const actions = actionsFor(failure, retry !== undefined, label);
  const show = failure.kind === 'offline' || failure.kind === 'rateLimited' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const picked = await show(messageFor(failure), ...actions);
  if (picked === label.retry) await retry?.();
  else if (picked === label.openSettings) await vscode.commands.executeCommand(COMMANDS.openSettings);
  else if (picked === label.showLog) log().show(true);
}

/** Takes away the source's refusal, if one is shown: it was signed in to. */
export function withdrawRefusal(sourceId: string): void {
  waitingForSignIn.get(sourceId)?.();
}

/**
 * A message VS Code lets no one close from code, so the refusal is a progress notification, which
 * goes when its task ends: the task waits for the sign-in. Such a notification has no buttons, so
 * its actions are command links in the text.
 */
function showRefusal(message: string, signIn: SignInTarget, label: ReturnType<typeof labels>): Promise<void> {
  withdrawRefusal(signIn.sourceId);
  const actions = [
    commandLink(label.signIn, signIn.command, [signIn.sourceId]),
    commandLink(label.openSettings, COMMANDS.openSettings, []),
    commandLink(label.showLog, COMMANDS.showLog, []),
  ].join(' · ');
  const title = vscode.l10n.t('{0} Waiting for a sign-in: {1}', message, actions);
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title },
      () =>
        new Promise<void>((resolve) => {
          const done = (): void => {
            if (waitingForSignIn.get(signIn.sourceId) === done) waitingForSignIn.delete(signIn.sourceId);
            resolve();
          };
          waitingForSignIn.set(signIn.sourceId, done);
        }),
    ),
  );
}

/** `[label](command:id?args)`: a link VS Code's notifications run as a command. */
function commandLink(text: string, command: string, args: readonly unknown[]): string {
  const query = args.length > 0 ? `?${encodeURIComponent(JSON.stringify(args))}` : '';
  return `[${text}](command:${command}${query})`;
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
