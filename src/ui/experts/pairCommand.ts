/**
 * "Pair with an Expert…": the colleagues who know the code the ticket touches, with the evidence,
 * and what to do with one: ask in an internal note that mentions them (written and sent from an
 * editor), copy a ready message, see their recent commits on those files, or start Live Share.
 */
import * as vscode from 'vscode';
import { askMessage, evidenceLines, mentionOf } from '../../core/expertise/expertMessage';
import type { Expert } from '../../core/expertise/expertRanking';
import type { SlaTargets } from '../../core/sla';
import type { Ticket } from '../../core/ticket';
import { gitRead } from '../../git/gitRead';
import type { Drafts } from '../handoff/drafts';
import type { QueueModel } from '../queue/queueModel';
import { pickFromQueue, ticketFromArgument } from '../common/ticketPick';
import type { ExpertFinder, ExpertFinding } from './expertFinder';

export type ExpertAction = 'ask' | 'copy' | 'commits' | 'liveShare';
const LIVE_SHARE = 'ms-vsliveshare.vsliveshare';

/** Another command, the panel or a test may name the expert and the action: `{ sourceId, id, expert, action }`. */
interface PairArgument {
  readonly expert?: string;
  readonly action?: ExpertAction;
}

export class PairCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly finder: ExpertFinder,
    private readonly drafts: Drafts,
    private readonly targets: () => SlaTargets,
  ) {}

  /** The experts for a ticket, with progress; the panel shows the same list. */
  find(ticket: Ticket): Thenable<ExpertFinding> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Looking for who knows the code of ${ticket.key}…`, cancellable: true },
      (_progress, token) => this.finder.find(ticket, token),
    );
  }

  /** Resolves with what was done: a draft's URI for `ask`, the action's name otherwise. */
  async run(argument?: unknown): Promise<string | undefined> {
    const ticket = ticketFromArgument(this.model, argument) ?? (await pickFromQueue(this.model, this.targets(), 'Find an expert for which ticket?'));
    if (!ticket) return undefined;
    const wanted = (argument ?? {}) as PairArgument;
    const finding = await this.find(ticket);
    if (finding.experts.length === 0) {
      void vscode.window.showInformationMessage(
        finding.files.length === 0
          ? `${ticket.key} names no file of the open repositories, so there is no history to read. Add a path or a stack trace to the ticket, or ask the owning team.`
          : `No one but you (or a bot) has changed the files ${ticket.key} points at.`,
      );
      return undefined;
    }
    const expert =
      finding.experts.find((e) => e.email.toLowerCase() === wanted.expert?.toLowerCase()) ??
      (wanted.expert ? undefined : await pickExpert(ticket, finding.experts));
    if (!expert) return undefined;
    const action = wanted.action ?? (await pickAction(expert));
    if (!action) return undefined;
    return this.act(action, ticket, expert, finding);
  }

  private async act(action: ExpertAction, ticket: Ticket, expert: Expert, finding: ExpertFinding): Promise<string | undefined> {
    const source = this.model.sourceOf(ticket);
    const message = askMessage(ticket, expert, mentionOf(source?.kind ?? 'local', expert));
    switch (action) {
      case 'ask': {
        if (!source?.capabilities.internalNotes) {
          void vscode.window.showWarningMessage(
            `${source?.label ?? 'This source'} has no internal notes: a mention there is visible to the customer. Copy the message instead.`,
          );
          return undefined;
        }
        const editor = await this.drafts.open(
          { kind: 'note', sourceId: ticket.sourceId, id: ticket.id, key: ticket.key },
          `## Internal note on ${ticket.key}\n\n${message}\n`,
        );
        return editor.document.uri.toString();
      }
      case 'copy':
        await vscode.env.clipboard.writeText(message);
        vscode.window.setStatusBarMessage(`$(copy) Message to ${expert.name} copied`, 3_000);
        return 'copy';
      case 'commits':
        await showCommits(expert, finding);
        return 'commits';
      case 'liveShare':
        if (!vscode.extensions.getExtension(LIVE_SHARE)) {
          void vscode.window.showInformationMessage('Live Share is not installed in this VS Code.');
          return undefined;
        }
        await vscode.commands.executeCommand('liveshare.start');
        return 'liveShare';
    }
  }
}

async function pickExpert(ticket: Ticket, experts: readonly Expert[]): Promise<Expert | undefined> {
  const now = Math.floor(Date.now() / 1000);
  const picked = await vscode.window.showQuickPick(
    experts.slice(0, 8).map((expert) => ({
      label: expert.name,
      description: [expert.email, expert.inPreferredRegion ? `in ${expert.region}` : undefined].filter(Boolean).join(' · '),
      detail: evidenceLines(expert, now).join(' · '),
      expert,
    })),
    { placeHolder: `Who knows the code ${ticket.key} touches, with the evidence`, matchOnDetail: true, ignoreFocusOut: true },
  );
  return picked?.expert;
}

async function pickAction(expert: Expert): Promise<ExpertAction | undefined> {
  const items: (vscode.QuickPickItem & { action: ExpertAction })[] = [
    { label: '$(lock) Ask in an Internal Note…', description: `mentions ${expert.name}; you edit it before sending`, action: 'ask' },
    { label: '$(copy) Copy a Message', description: 'to send another way', action: 'copy' },
    { label: '$(git-commit) Show Their Recent Commits on These Files', action: 'commits' },
  ];
  if (vscode.extensions.getExtension(LIVE_SHARE)) items.push({ label: '$(live-share) Start a Live Share Session', action: 'liveShare' });
  return (await vscode.window.showQuickPick(items, { placeHolder: `Pair with ${expert.name}` }))?.action;
}

async function showCommits(expert: Expert, finding: ExpertFinding): Promise<void> {
  if (!finding.repository) return;
  const files = expert.files.map((f) => f.path);
  const log = await gitRead(finding.gitPath, finding.repository.rootUri.fsPath, [
    'log',
    '-n',
    '20',
    '--no-merges',
    '--date=short',
    '--format=%h%x09%ad%x09%s',
    `--author=${expert.email}`,
    '--',
    ...files,
  ]);
  const lines = log.ok ? log.stdout.split('\n').filter(Boolean) : [];
  await vscode.window.showQuickPick(
    lines.map((line) => {
      const [hash = '', date = '', subject = ''] = line.split('\t');
      return { label: subject, description: `${hash} · ${date}` };
    }),
    {
      placeHolder:
        lines.length > 0
          ? `${expert.name}'s recent commits on ${files.length} file${files.length === 1 ? '' : 's'}`
          : `No commits by ${expert.name} on these files`,
    },
  );
}
