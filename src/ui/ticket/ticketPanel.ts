/**
 * One ticket's panel: sends the ticket to the webview whenever it changes, and acts on what the
 * webview asks after validating it. Anything that does not fit the protocol is logged and ignored.
 */
import * as vscode from 'vscode';
import { evidenceLines } from '../../core/expertise/expertMessage';
import type { Expert } from '../../core/expertise/expertRanking';
import type { SlaTargets } from '../../core/sla';
import { ticketUid, type Ticket } from '../../core/ticket';
import { fromWebviewSchema, type CodeReferenceLink, type FromWebview, type PanelAction, type ToWebview } from '../../shared/panelMessages';
import { COMMANDS } from '../common/contributionIds';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';
import type { TicketWriter, WriteOutcome } from './ticketWriter';
import { openTicketInBrowser } from '../queue/ticketNavigation';
import { safeWebUrl } from '../common/safeWebUrl';
import { webviewOptions, webviewPage } from '../common/webviewPage';
import { ReferenceLinks, type ResolvedReference } from './referenceLinks';
import { panelActionsFor, ticketViewOf } from './ticketView';
import type { SeenBefore, SeenBeforeAnswer } from '../seenBefore/seenBefore';

const ACTION_COMMANDS: Record<Exclude<PanelAction, 'openInBrowser'>, string> = {
  claim: COMMANDS.claim,
  release: COMMANDS.release,
  createFixBranch: COMMANDS.createFixBranch,
  createMergeRequest: COMMANDS.createMergeRequest,
  handOff: COMMANDS.handOff,
  setSeverity: COMMANDS.setSeverity,
  setStatus: COMMANDS.setStatus,
};

export interface TicketPanelDeps {
  readonly model: QueueModel;
  /** The experts for the ticket, for the panel's "Pair with an expert" section. */
  readonly experts: (ticket: Ticket) => Thenable<{ readonly experts: readonly Expert[]; readonly files: readonly string[]; readonly partialHistory?: boolean }>;
  readonly writer: TicketWriter;
  /** The ticket's code references that name one workspace file, for links in the panel. */
  readonly references: (ticket: Ticket) => Thenable<readonly ResolvedReference[]>;
  readonly extensionUri: vscode.Uri;
  readonly targets: () => SlaTargets;
  /** The resolved tickets like this one, for the panel's "Seen before?" section. */
  readonly seenBefore?: SeenBefore;
}

export class TicketPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private lastRevision: string | undefined;
  private readonly links = new ReferenceLinks();
  /** The last experts shown: a page that reloads (hidden, then shown again) gets them back. */
  private lastExperts: Extract<ToWebview, { type: 'experts' }> | undefined;
  private seen: SeenBeforeAnswer | undefined;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: { readonly sourceId: string; readonly id: string },
    private readonly deps: TicketPanelDeps,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.webview.html = webviewPage(panel.webview, deps.extensionUri, {
      styles: [
        ['media', 'base.css'],
        ['media', 'panel.css'],
      ],
      title: vscode.l10n.t('Ticket'),
      loading: vscode.l10n.t('Loading the ticket…'),
      // Customers' Markdown may show images from the web; the sanitizer keeps them to https.
      imageSources: ['https:'],
    });
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'support-rotation.svg');
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      deps.model.onDidChange(() => this.refresh(false)),
      panel.onDidDispose(() => this.dispose()),
      ...(deps.seenBefore ? [deps.seenBefore.onDidChange(() => void this.postSeenBefore())] : []),
    );
    this.greet();
  }

  get uid(): string {
    return ticketUid(this.ref);
  }

  /** The code reference links the page was last given. */
  get referenceLinks(): readonly CodeReferenceLink[] {
    return this.links.issued;
  }

  /** What the page was last given for "Seen before?". */
  get seenBefore(): SeenBeforeAnswer['message'] | undefined {
    return this.seen?.message;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The entry point for everything the webview sends; public so automation can speak the same protocol. */
  async receive(raw: unknown): Promise<void> {
    const parsed = fromWebviewSchema.safeParse(raw);
    if (!parsed.success) {
      log().warn(`Ignored a message from the ${this.ref.id} panel that does not fit the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    await this.handle(parsed.data);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
    this.closed.fire();
    this.closed.dispose();
  }

  private async handle(message: FromWebview): Promise<void> {
    const ticket = this.ticket();
    switch (message.type) {
      case 'ready':
        return this.greet();
      case 'sendNote':
      case 'sendReply': {
        if (!ticket) return this.post({ type: 'sendFailed', requestId: message.requestId, message: vscode.l10n.t('The ticket is no longer in the queue.') });
        const outcome = message.type === 'sendNote' ? await this.deps.writer.note(ticket, message.body) : await this.deps.writer.reply(ticket, message.body);
        return this.post(outcomeMessage(message.requestId, outcome));
      }
      case 'runAction':
        if (!ticket) return;
        if (message.action === 'openInBrowser') {
          await openTicketInBrowser(ticket);
          return;
        }
        await vscode.commands.executeCommand(ACTION_COMMANDS[message.action], { sourceId: ticket.sourceId, id: ticket.id });
        return;
      case 'openLink': {
        const url = safeWebUrl(message.href, ['http:', 'https:', 'mailto:']);
        if (url) await vscode.env.openExternal(url);
        else log().warn(`Did not open a link from ${this.ref.id} that is not http, https or mailto.`);
        return;
      }
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied')}`, 2_000);
        return;
      case 'openReference':
        if (!(await this.links.open(message.id))) log().warn(`Did not open a code reference that the ${this.ref.id} panel was not given.`);
        return;
      case 'findExperts':
        if (ticket) await this.postExperts(ticket);
        return;
      case 'openSimilar': {
        const target = this.seen?.targets[message.index];
        if (target) await this.deps.seenBefore?.openTicket(target);
        return;
      }
      case 'openCommit':
        if (this.seen?.message.tickets.some((t) => t.commits.some((c) => c.hash === message.hash))) await this.deps.seenBefore?.openCommit(message.hash);
        return;
      case 'expertAction':
        if (ticket)
          await vscode.commands.executeCommand(COMMANDS.pairWithExpert, {
            sourceId: ticket.sourceId,
            id: ticket.id,
            expert: message.expert,
            action: message.action,
          });
        return;
    }
  }

  private async postExperts(ticket: Ticket): Promise<void> {
    const liveShare = vscode.extensions.getExtension('ms-vsliveshare.vsliveshare') !== undefined;
    try {
      const finding = await this.deps.experts(ticket);
      const now = Math.floor(Date.now() / 1000);
      const message =
        finding.experts.length > 0
          ? finding.partialHistory
            ? vscode.l10n.t(
                'From the history of these {0} files alone: the whole history is still being read, so a later search may rank differently.',
                finding.files.length,
              )
            : undefined
          : finding.files.length === 0
            ? vscode.l10n.t('{0} names no file of the open repositories.', ticket.key)
            : vscode.l10n.t('No one but you (or a bot) has changed those files.');
      await this.postExpertsMessage({
        type: 'experts',
        experts: finding.experts
          .slice(0, 3)
          .map((e) => ({ name: e.name, email: e.email, evidence: evidenceLines(e, now), inPreferredRegion: e.inPreferredRegion })),
        liveShare,
        message,
      });
    } catch (error) {
      await this.postExpertsMessage({
        type: 'experts',
        experts: [],
        liveShare,
        message: vscode.l10n.t('Could not read the history: {0}', error instanceof Error ? error.message : String(error)),
      });
    }
  }

  private async postExpertsMessage(message: Extract<ToWebview, { type: 'experts' }>): Promise<void> {
    this.lastExperts = message;
    await this.post(message);
  }

  /** Everything a freshly loaded page needs, in order: its language, the ticket, then what it had shown. */
  private greet(): void {
    void this.post({ type: 'locale', language: vscode.env.language, bundle: vscode.l10n.bundle });
    this.refresh(true);
    if (this.lastExperts) void this.post(this.lastExperts);
  }

  private ticket(): Ticket | undefined {
    return this.deps.model.find(this.uid);
  }

  /** Sends the ticket when it changed (or when asked to), so a draft in the webview is never reset. */
  private refresh(force: boolean): void {
    const ticket = this.ticket();
    if (!ticket) {
      if (this.deps.model.hasLoaded && this.deps.model.state === 'ready')
        void this.post({ type: 'gone', message: vscode.l10n.t('{0} is no longer in the queue.', this.ref.id) });
      return;
    }
    if (!force && ticket.revision === this.lastRevision) return;
    this.lastRevision = ticket.revision;
    const source = this.deps.model.sourceOf(ticket);
    this.panel.title = `${ticket.key} ${ticket.title}`;
    void this.post({
      type: 'ticket',
      ticket: ticketViewOf(ticket, source?.me, this.deps.targets()),
      actions: panelActionsFor(ticket, source),
      sourceLabel: source?.label ?? ticket.sourceId,
      internalNotes: source?.capabilities.internalNotes ?? false,
      publicReplies: source?.capabilities.publicReplies ?? false,
    });
    void this.postReferences(ticket);
    void this.postSeenBefore();
  }

  private async postSeenBefore(): Promise<void> {
    const ticket = this.ticket();
    if (!ticket || !this.deps.seenBefore) return;
    this.seen = await this.deps.seenBefore.answer(ticket);
    await this.post(this.seen.message);
  }

  /** Resolving reads the repository's file list, so the ticket shows first and its links follow. */
  private async postReferences(ticket: Ticket): Promise<void> {
    let resolved: readonly ResolvedReference[] = [];
    try {
      resolved = await this.deps.references(ticket);
    } catch (error) {
      log().warn(`Could not resolve the code references of ${ticket.key}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (ticket.revision !== this.lastRevision) return;
    await this.post({ type: 'references', references: this.links.issue(resolved) });
  }

  private async post(message: ToWebview): Promise<void> {
    await this.panel.webview.postMessage(message);
  }
}

function outcomeMessage(requestId: string, outcome: WriteOutcome): ToWebview {
  if (outcome.kind === 'ok') return { type: 'sent', requestId };
  if (outcome.kind === 'declined')
    return { type: 'sendFailed', requestId, message: vscode.l10n.t('Not sent: the reply was not confirmed. Your text is kept.') };
  return { type: 'sendFailed', requestId, message: vscode.l10n.t('Not sent: {0} Your text is kept.', outcome.message) };
}
