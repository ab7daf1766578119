/** The repository files a ticket names (paths, stack frames), resolved against `git ls-files`. */
import { indexFiles, resolveReferences, type ResolvedFile } from '../core/references/fileResolution';
import { ticketReferences } from '../core/references/ticketReferences';
import type { Ticket } from '../core/ticket';
import { trackedFiles } from './repositoryFiles';

export async function filesNamedByTicket(gitPath: string, root: string, ticket: Pick<Ticket, 'title' | 'description' | 'comments'>): Promise<ResolvedFile[]> {
  return resolveReferences(ticketReferences(ticket), indexFiles(await trackedFiles(gitPath, root)));
}
