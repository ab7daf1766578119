/**
 * The activity journal lives in the editor's global storage: a rotation is one person's, whichever
 * window or workspace they worked in. Recording runs at every confirmed write, whether or not a
 * handover is ever made, so it lives in the bundle loaded at activation; reading it for a handover
 * does not.
 */
import type * as vscode from 'vscode';
import { appendEntry, JOURNAL_STORAGE_KEY } from '../../core/journal/journal';
import { journalEntryFor } from '../../core/journal/journalWrites';
import type { TicketSource } from '../../providers/ticketSource';
import { log } from '../common/log';
import { journaledSource, type WriteRecorder } from './journaledSource';

/** The built sources, each recording its confirmed writes in the journal. */
export function journaled<T extends { readonly sources: TicketSource[] }>(built: T, storage: vscode.Memento): T {
  const record: WriteRecorder = (method, argument, ticket) => {
    const entries = appendEntry(storage.get(JOURNAL_STORAGE_KEY), journalEntryFor(method, argument, ticket, new Date()));
    // The memento holds the new value at once, so two quick writes never lose each other's entry; only saving it is asynchronous.
    storage.update(JOURNAL_STORAGE_KEY, entries).then(undefined, (error: unknown) => log().warn(`Journal not saved: ${String(error)}`));
  };
  return { ...built, sources: built.sources.map((source) => journaledSource(source, record)) };
}
