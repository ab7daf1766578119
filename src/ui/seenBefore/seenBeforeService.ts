/**
 * "Seen before?" at work: loads the stored index, brings it up to date from the sources' history in
 * the background (the status bar says so), answers a ticket from the index with the commits that
 * fixed each match, and opens a match or a commit. Entry of `dist/similar.js` (esbuild.mjs).
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import { gitApi } from '../../git/gitExtension';
import { gitRead } from '../../git/gitRead';
import { COMMANDS } from '../common/contributionIds';
import type { QueueModel } from '../queue/queueModel';
import type { SeenBefore, SeenBeforeAnswer, SimilarTarget } from './seenBefore';
import { SimilarStore, type SimilarWithCommits } from './similarStore';

const SHOWN = 5;

/** `log` is the extension's output channel. */
export function startSeenBefore(storage: vscode.Uri, model: QueueModel, log: vscode.LogOutputChannel): SeenBefore & vscode.Disposable {
  return new SeenBeforeService(new SimilarStore(join(storage.fsPath, 'similar', 'index.json')), model, log);
}

class SeenBeforeService implements SeenBefore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly stopped = new AbortController();
  private building: Thenable<void> | undefined;
  private repository: { readonly gitPath: string; readonly root: string } | undefined;
  private readonly queueChanges: vscode.Disposable;

  constructor(
    private readonly store: SimilarStore,
    private readonly model: QueueModel,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.sync();
    this.queueChanges = model.onDidChange(() => this.sync());
  }

  async answer(ticket: Ticket): Promise<SeenBeforeAnswer> {
    if (this.building) return { message: { type: 'seenBefore', state: 'indexing', tickets: [] }, targets: [] };
    try {
      this.repository ??= await firstRepository();
      const hits = await this.store.similarTo(
        { sourceId: ticket.sourceId, id: ticket.id, title: ticket.title, text: ticket.description },
        SHOWN,
        this.repository,
      );
      return {
        message: { type: 'seenBefore', state: 'ready', tickets: hits.map(similarView) },
        targets: hits.map((hit) => ({ sourceId: hit.sourceId, id: hit.id, url: hit.url })),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        message: { type: 'seenBefore', state: 'unavailable', tickets: [], message: vscode.l10n.t('Could not search resolved tickets: {0}', reason) },
        targets: [],
      };
    }
  }

  /** In the queue: its panel. Resolved and gone from the queue: its page in the ticket system, where it has one. */
  async openTicket(target: SimilarTarget): Promise<void> {
    if (this.model.find(`${target.sourceId}:${target.id}`))
      await vscode.commands.executeCommand(COMMANDS.openTicket, { sourceId: target.sourceId, id: target.id });
    else if (target.url && /^https?:\/\//.test(target.url)) await vscode.env.openExternal(vscode.Uri.parse(target.url));
    else void vscode.window.showInformationMessage(vscode.l10n.t('That ticket is no longer in the queue and has no web address to open.'));
  }

  async openCommit(hash: string): Promise<void> {
    if (!this.repository) return;
    const shown = await gitRead(this.repository.gitPath, this.repository.root, ['log', '-1', '--stat', '--patch', '--format=fuller', hash, '--']);
    if (!shown.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not show commit {0}: {1}', hash.slice(0, 10), shown.message));
      return;
    }
    const document = await vscode.workspace.openTextDocument({ content: shown.stdout, language: 'diff' });
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.stopped.abort();
    this.queueChanges.dispose();
    this.changed.dispose();
  }

  /** One build or update at a time; a queue change meanwhile is read by the next one. */
  private sync(): void {
    if (this.building || !this.model.hasLoaded) return;
    this.building = vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing resolved tickets…') }, async () => {
      const started = Date.now();
      try {
        if (this.store.size === 0) await this.store.load();
        const sources = this.model.statuses().map((status) => status.source);
        const read = await this.store.sync(sources, this.stopped.signal);
        this.log.info(`Resolved-ticket index: ${read} history records read, ${this.store.size} resolved tickets, in ${Date.now() - started} ms`);
      } catch (error) {
        this.log.warn(`Could not update the resolved-ticket index: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.building = undefined;
        this.changed.fire();
      }
    });
  }
}

async function firstRepository(): Promise<{ gitPath: string; root: string } | undefined> {
  const git = await gitApi();
  const repository = git.ok ? git.api.repositories[0] : undefined;
  return git.ok && repository ? { gitPath: git.api.git.path, root: repository.rootUri.fsPath } : undefined;
}

function similarView(hit: SimilarWithCommits): SeenBeforeAnswer['message']['tickets'][number] {
  return {
    key: hit.key,
    title: hit.title,
    resolvedAt: hit.resolvedAt.toISOString(),
    reasons: hit.reasons.map((reason) => ({ kind: reason.kind, texts: [...reason.texts] })),
    commits: hit.commits.map((commit) => ({ ...commit })),
  };
}
