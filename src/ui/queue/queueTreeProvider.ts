/**
 * The Queue tree. Everything it shows is computed from the loaded queue (no reload on expand); the
 * first time the view asks for its children is when the queue is loaded, so nothing is read before
 * the view is visible.
 */
import * as vscode from 'vscode';
import { filterQueue } from '../../core/queueFilter';
import { applyTicketFilter } from '../../core/ticketFilter';
import { groupQueue, type QueueGroup } from '../../core/queueGrouping';
import type { SlaTargets } from '../../core/sla';
import { ticketUid, type Ticket } from '../../core/ticket';
import type { QueueProblem } from '../../providers/ticketSource';
import { COMMANDS, ITEM_CONTEXT } from '../common/contributionIds';
import type { QueueModel, SourceStatus } from './queueModel';
import type { QueueViewState } from './queueViewState';
import { staleItem } from './staleSource';
import { groupItem, ticketItem } from './ticketTreeItem';

export type QueueNode =
  | { readonly type: 'group'; readonly group: QueueGroup; readonly parent?: QueueNode }
  | { readonly type: 'ticket'; readonly ticket: Ticket; readonly parent?: QueueNode }
  | { readonly type: 'problems'; readonly problems: readonly QueueProblem[] }
  | { readonly type: 'problem'; readonly problem: QueueProblem; readonly parent: QueueNode }
  | { readonly type: 'stale'; readonly status: SourceStatus };

export interface TreeSettings {
  readonly slaTargets: SlaTargets;
  readonly hiddenStatuses: readonly string[];
}

/** Groups open at first sight: what needs attention. The rest start collapsed. */
const EXPANDED_KINDS = new Set<QueueGroup['kind']>(['mine', 'unclaimed', 'severity', 'others', 'team']);

export class QueueTreeProvider implements vscode.TreeDataProvider<QueueNode> {
  private readonly changed = new vscode.EventEmitter<QueueNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: QueueModel,
    private readonly viewState: QueueViewState,
    private readonly settings: () => TreeSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.disposables.push(
      model.onDidChange(() => this.redraw()),
      viewState.onDidChange(() => this.redraw()),
    );
  }

  /** Redraw without reloading: the SLA clock moved, or the view's choices changed. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  /** The tickets the tree shows now. */
  visibleTickets(): Ticket[] {
    return applyTicketFilter(this.filterableTickets(), this.viewState.filter, this.settings().slaTargets, this.now());
  }

  /** The tickets the ticket filter chooses from: those the hidden statuses and the region filter leave. */
  filterableTickets(): Ticket[] {
    return filterQueue(this.model.tickets(), { regions: this.viewState.regions, hiddenStatuses: this.settings().hiddenStatuses });
  }

  getChildren(node?: QueueNode): QueueNode[] {
    if (!this.model.hasLoaded) {
      void this.model.refresh();
      return [];
    }
    if (!node) return this.roots();
    switch (node.type) {
      case 'group':
        return [
          ...node.group.children.map((group): QueueNode => ({ type: 'group', group, parent: node })),
          ...node.group.tickets.map((ticket): QueueNode => ({ type: 'ticket', ticket, parent: node })),
        ];
      case 'problems':
        return node.problems.map((problem): QueueNode => ({ type: 'problem', problem, parent: node }));
      default:
        return [];
    }
  }

  /** The node that shows a ticket now, for revealing it; undefined when filtered out. */
  ticketNode(uid: string): QueueNode | undefined {
    const search = (nodes: QueueNode[]): QueueNode | undefined => {
      for (const node of nodes) {
        if (node.type === 'ticket' && ticketUid(node.ticket) === uid) return node;
        const found = node.type === 'group' ? search(this.getChildren(node)) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    return search(this.getChildren());
  }

  getParent(node: QueueNode): QueueNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: QueueNode): vscode.TreeItem {
    switch (node.type) {
      case 'group':
        return groupItem(node.group, EXPANDED_KINDS.has(node.group.kind));
      case 'ticket': {
        const source = this.model.sourceOf(node.ticket);
        const several = this.model.statuses().length > 1;
        return ticketItem(node.ticket, {
          me: source?.me,
          targets: this.settings().slaTargets,
          now: this.now(),
          sourceLabel: several ? source?.label : undefined,
        });
      }
      case 'problems':
        return problemsItem(node.problems);
      case 'problem':
        return problemItem(node.problem);
      case 'stale':
        return staleItem(node.status, this.now());
    }
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private roots(): QueueNode[] {
    if (this.model.state !== 'ready') return [];
    const groups = groupQueue(this.visibleTickets(), { mode: this.viewState.mode, me: this.model.me(), targets: this.settings().slaTargets, now: this.now() });
    const stale = this.model.statuses().filter((s) => s.failure);
    const problems = this.model.problems();
    return [
      ...stale.map((status): QueueNode => ({ type: 'stale', status })),
      ...groups.map((group): QueueNode => ({ type: 'group', group })),
      ...(problems.length > 0 ? [{ type: 'problems', problems } as const] : []),
    ];
  }
}

function problemsItem(problems: readonly QueueProblem[]): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Tickets that could not be read'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = 'problems';
  item.description = String(problems.length);
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.tooltip = vscode.l10n.t('These tickets were skipped; the rest of the queue is shown. Open the queue file to fix them.');
  item.contextValue = ITEM_CONTEXT.problem;
  return item;
}

function problemItem(problem: QueueProblem): vscode.TreeItem {
  const item = new vscode.TreeItem(problem.location, vscode.TreeItemCollapsibleState.None);
  item.description = problem.message;
  item.tooltip = `${problem.location}\n${item.description}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.contextValue = ITEM_CONTEXT.problem;
  item.command = { command: COMMANDS.openQueueFile, title: vscode.l10n.t('Open Queue File'), arguments: [problem.sourceId] };
  return item;
}
