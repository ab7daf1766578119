/**
 * The code references a ticket panel shows as links. The panel gives each resolved reference a
 * random id when it renders; the page asks to open an id, and only an id this panel issued for its
 * latest rendering opens anything, so the page can never name a file of its own choosing.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { referenceTargets } from '../../core/references/referenceTargets';
import type { Ticket } from '../../core/ticket';
import { gitApi } from '../../git/gitExtension';
import { filesNamedByTicket } from '../../git/ticketFiles';
import type { CodeReferenceLink } from '../../shared/panelMessages';

export interface ResolvedReference {
  readonly key: string;
  readonly uri: vscode.Uri;
  /** 1-based, when the ticket gives one. */
  readonly line?: number;
}

/** The ticket's references that name exactly one tracked file of the open repositories. */
export async function resolveTicketReferences(ticket: Ticket): Promise<ResolvedReference[]> {
  const git = await gitApi();
  if (!git.ok) return [];
  const byKey = new Map<string, ResolvedReference[]>();
  for (const repository of git.api.repositories) {
    const resolved = await filesNamedByTicket(git.api.git.path, repository.rootUri.fsPath, ticket);
    for (const target of referenceTargets(resolved)) {
      const uri = vscode.Uri.joinPath(repository.rootUri, ...target.path.split('/'));
      byKey.set(target.key, [...(byKey.get(target.key) ?? []), { key: target.key, uri, line: target.line }]);
    }
  }
  return [...byKey.values()].flatMap((found) => (found.length === 1 ? found : []));
}

export class ReferenceLinks {
  private targets = new Map<string, ResolvedReference>();
  private links: CodeReferenceLink[] = [];

  /** Fresh ids for a new rendering: the ones issued before stop opening anything. */
  issue(resolved: readonly ResolvedReference[]): CodeReferenceLink[] {
    this.targets = new Map(resolved.map((reference) => [randomBytes(12).toString('base64url'), reference]));
    this.links = [...this.targets.entries()].map(([id, reference]) => ({ key: reference.key, id }));
    return this.links;
  }

  /** What the page was last given. */
  get issued(): readonly CodeReferenceLink[] {
    return this.links;
  }

  /** Opens the file at its line beside the panel, so the ticket stays in view; false for an id not issued. */
  async open(id: string): Promise<boolean> {
    const target = this.targets.get(id);
    if (!target) return false;
    const position = new vscode.Position(Math.max(0, (target.line ?? 1) - 1), 0);
    try {
      await vscode.window.showTextDocument(target.uri, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not open {0}: {1}', vscode.workspace.asRelativePath(target.uri), error instanceof Error ? error.message : String(error)),
      );
    }
    return true;
  }
}
