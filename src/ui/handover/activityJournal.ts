/**
 * The activity journal lives in the editor's global storage: a rotation is one person's, whichever
 * window or workspace they worked in. Writing an entry is done by the handover's bundle, loaded at
 * the first write, so the bundle loaded at activation carries only the wrapping.
 */
import type * as vscode from 'vscode';
import type { TicketSource } from '../../providers/ticketSource';
import { log } from '../common/log';
import { handoverRun } from './handoverBundle';
import { journaledSource, type WriteRecorder } from './journaledSource';

/** The built sources, each recording its confirmed writes in the journal. */
export function journaled<T extends { readonly sources: TicketSource[] }>(built: T, storage: vscode.Memento): T {
  const record: WriteRecorder = (method, argument, ticket) => {
    handoverRun()
      .recordWrite(storage, method, argument, ticket)
      .then(undefined, (error: unknown) => log().warn(`Journal not saved: ${String(error)}`));
  };
  return { ...built, sources: built.sources.map((source) => journaledSource(source, record)) };
}
