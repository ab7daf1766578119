/** Adding a confirmed write to the journal, in the editor's global storage. */
import type * as vscode from 'vscode';
import { appendEntry, type JournaledWrite } from '../../core/journal/journal';
import { journalEntryFor } from '../../core/journal/journalWrites';
import type { Ticket } from '../../core/ticket';

export const JOURNAL_KEY = 'supportRotation.journal';

export function recordWrite(storage: vscode.Memento, method: JournaledWrite, argument: unknown, ticket: Ticket): Thenable<void> {
  // The memento holds the new value at once, so two quick writes never lose each other's entry; only saving it is asynchronous.
  return storage.update(JOURNAL_KEY, appendEntry(storage.get(JOURNAL_KEY), journalEntryFor(method, argument, ticket, new Date())));
}
