/**
 * "Pair with an Expert…": the colleagues who know the code the ticket touches, with the evidence,
 * and what to do with one: ask in an internal note that mentions them (written and sent from an
 * editor), copy a ready message, see their recent commits on those files, or start Live Share.
 */
import * as vscode from 'vscode';
import { askMessage, evidenceLines, mentionOf } from '../../core/expertise/expertMessage';
import type { Expert, KnownPerson } from '../../core/expertise/expertRanking';
import type { Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';
import { gitRead } from '../../git/gitRead';
import type { Drafts } from '../handoff/drafts';
import { unsupportedMessage } from '../common/unsupportedMessage';
import { openNoteDraft } from '../handoff/noteDraft';
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
    private readonly finder: ExpertFinder,
    private readonly drafts: Drafts,
    /** `supportRotation.people`: their handles are how a note mentions them. */
    private readonly people: () => readonly KnownPerson[],
  ) {}

  /** The experts for a ticket, with progress; the panel shows the same list. */
  find(ticket: Ticket): Thenable<ExpertFinding> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for who knows the code of {0}…', ticket.key), cancellable: true },
      (_progress, token) => this.finder.find(ticket, token),
    );
  }

  /** Resolves with what was done: a draft's URI for `ask`, the action's name otherwise. */
  async run(ticket: Ticket, source: TicketSource, argument: unknown): Promise<string | undefined> {
    const wanted = (argument ?? {}) as PairArgument;
    const finding = await this.find(ticket);
    if (finding.experts.length === 0) {
      void vscode.window.showInformationMessage(
        finding.files.length === 0
          ? vscode.l10n.t(
              '{0} names no file of the open repositories, so there is no history to read. Add a path or a stack trace to the ticket, or ask the owning team.',
              ticket.key,
            )
          : vscode.l10n.t('No one but you (or a bot) has changed the files {0} points at.', ticket.key),
      );
      return undefined;
    }
    const expert =
      finding.experts.find((e) => e.email.toLowerCase() === wanted.expert?.toLowerCase()) ?? (wanted.expert ? undefined : await pickExpert(ticket, finding));
    if (!expert) return undefined;
    const action = wanted.action ?? (await pickAction(expert));
    if (!action) return undefined;
    return this.act(action, ticket, source, expert, finding);
  }

  private async act(action: ExpertAction, ticket: Ticket, source: TicketSource, expert: Expert, finding: ExpertFinding): Promise<string | undefined> {
    const message = askMessage(ticket, expert, mentionOf(expert, this.people()));
    switch (action) {
      case 'ask': {
        if (!source.capabilities.internalNotes) {
          const advice = `${unsupportedMessage('internalNotes', source, ticket)} ${vscode.l10n.t('Copy the message instead.')}`;
          void vscode.window.showWarningMessage(advice);
          return undefined;
        }
        return openNoteDraft(this.drafts, ticket, `${message}\n`);
      }
      case 'copy':
        await vscode.env.clipboard.writeText(message);
        vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Message to {0} copied', expert.name)}`, 3_000);
        return 'copy';
      case 'commits':
        await showCommits(expert, finding);
        return 'commits';
      case 'liveShare':
        if (!vscode.extensions.getExtension(LIVE_SHARE)) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Live Share is not installed in this VS Code.'));
          return undefined;
        }
        await vscode.commands.executeCommand('liveshare.start');
        return 'liveShare';
    }
  }
}

async function pickExpert(ticket: Ticket, finding: ExpertFinding): Promise<Expert | undefined> {
  const now = Math.floor(Date.now() / 1000);
  const placeHolder = finding.partialHistory
    ? vscode.l10n.t(
        'Who knows the code {0} touches, from the history of these {1} files; the full index is still being built',
        ticket.key,
        finding.files.length,
      )
    : vscode.l10n.t('Who knows the code {0} touches, with the evidence', ticket.key);
  const picked = await vscode.window.showQuickPick(
    finding.experts.slice(0, 8).map((expert) => ({
      label: expert.name,
      description: [expert.email, expert.inPreferredRegion ? vscode.l10n.t('in {0}', expert.region ?? '') : undefined].filter(Boolean).join(' · '),
      detail: evidenceLines(expert, now).join(' · '),
      expert,
    })),
    { placeHolder, matchOnDetail: true, ignoreFocusOut: true },
  );
  return picked?.expert;
}

async function pickAction(expert: Expert): Promise<ExpertAction | undefined> {
  const items: (vscode.QuickPickItem & { action: ExpertAction })[] = [
    {
      label: `$(lock) ${vscode.l10n.t('Ask in an Internal Note…')}`,
      description: vscode.l10n.t('mentions {0}; you edit it before sending', expert.name),
      action: 'ask',
    },
    { label: `$(copy) ${vscode.l10n.t('Copy a Message')}`, description: vscode.l10n.t('to send another way'), action: 'copy' },
    { label: `$(git-commit) ${vscode.l10n.t('Show Their Recent Commits on These Files')}`, action: 'commits' },
  ];
  if (vscode.extensions.getExtension(LIVE_SHARE)) items.push({ label: `$(live-share) ${vscode.l10n.t('Start a Live Share Session')}`, action: 'liveShare' });
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Pair with {0}', expert.name) }))?.action;
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
          ? vscode.l10n.t("{0}'s recent commits on {1} files", expert.name, files.length)
          : vscode.l10n.t('No commits by {0} on these files', expert.name),
    },
  );
}
