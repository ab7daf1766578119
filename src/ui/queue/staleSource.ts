/**
 * A source shown from its last good load: said in the view's message, which wraps and so reads whole
 * at any sidebar width, and in a row at the top of the tree that retries when clicked.
 */
import * as vscode from 'vscode';
import { formatDuration } from '../../core/duration';
import { COMMANDS } from '../common/contributionIds';
import type { SourceStatus } from './queueModel';

/** One sentence per source that could not be loaded; undefined when every source loaded. */
export function staleSourcesMessage(statuses: readonly SourceStatus[], now: Date): string | undefined {
  const sentences = statuses.flatMap((status) => (status.failure ? [staleSentence(status, now)] : []));
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

function staleSentence(status: SourceStatus, now: Date): string {
  const label = status.source.label;
  if (!status.loadedAt) return vscode.l10n.t('{0} could not be loaded; none of its tickets are shown.', label);
  const age = formatDuration(now.getTime() - status.loadedAt.getTime());
  return status.failure?.kind === 'offline'
    ? vscode.l10n.t('{0} is offline; its tickets are shown as loaded {1} ago.', label, age)
    : vscode.l10n.t('{0} could not be loaded; its tickets are shown as loaded {1} ago.', label, age);
}

export function staleItem(status: SourceStatus, now: Date): vscode.TreeItem {
  const age = status.loadedAt ? vscode.l10n.t('loaded {0} ago', formatDuration(now.getTime() - status.loadedAt.getTime())) : vscode.l10n.t('nothing loaded');
  const item = new vscode.TreeItem(`${status.source.label}: ${age}`, vscode.TreeItemCollapsibleState.None);
  item.id = `stale/${status.source.id}`;
  item.description = status.failure?.message;
  item.tooltip = `${staleSentence(status, now)}\n${status.failure?.message ?? ''}\n${vscode.l10n.t('Click to retry.')}`;
  const offline = status.failure?.kind === 'offline';
  item.iconPath = new vscode.ThemeIcon(offline ? 'debug-disconnect' : 'warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.command = { command: COMMANDS.refresh, title: vscode.l10n.t('Retry') };
  return item;
}
