/** What the ticket panel asks of "Seen before?": kept in the activation bundle, the work itself is in `dist/similar.js`. */
import type * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { ToWebview } from '../../shared/panelMessages';

export interface SimilarTarget {
  readonly sourceId: string;
  readonly id: string;
  readonly url?: string;
}

export interface SeenBeforeAnswer {
  readonly message: Extract<ToWebview, { type: 'seenBefore' }>;
  /** The tickets of `message`, in its order: the page names them by position. */
  readonly targets: readonly SimilarTarget[];
}

export interface SeenBefore {
  /** Fires when the index has been built or brought up to date: panels ask again. */
  readonly onDidChange: vscode.Event<void>;
  answer(ticket: Ticket): Promise<SeenBeforeAnswer>;
  openTicket(target: SimilarTarget): Promise<void>;
  openCommit(hash: string): Promise<void>;
}
