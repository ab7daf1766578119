/**
 * "Hand Off to Team…": suggests the owning team with its evidence, then opens the hand-off note
 * in an editor, pre-filled from the template. Sending it (see draftCommands) does the hand-off.
 */
import * as vscode from 'vscode';
import { handoffNoteTemplate, internalNotesBy } from '../../core/handoffNote';
import { formatSla, type SlaTargets } from '../../core/sla';
import { isAssignedTo, type Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';
import type { Drafts } from './drafts';
import type { HandoffAdvice, OwnershipAdvisor, TeamChoice } from './ownershipAdvisor';

export class HandoffCommand {
  constructor(
    private readonly drafts: Drafts,
    private readonly advisor: OwnershipAdvisor,
    private readonly targets: () => SlaTargets,
  ) {}

  /** Opens the hand-off draft; resolves with its document's URI, or undefined when nothing was opened. */
  async start(ticket: Ticket, source: TicketSource, argument: unknown): Promise<string | undefined> {
    if (ticket.assignee && !isAssignedTo(ticket, source.me)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is held by {1}; only they can hand it off.', ticket.key, ticket.assignee.name));
      return undefined;
    }
    const advice = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for the team that owns {0}…', ticket.key), cancellable: true },
      (_progress, token) => this.advisor.advise(ticket, source.kind, token),
    );
    const team = teamFromArgument(argument, advice) ?? (await pickTeam(ticket, advice));
    if (!team) return undefined;
    const note = handoffNoteTemplate({
      ticket,
      teamName: team.teamName,
      slaText: formatSla(ticket, this.targets(), new Date()),
      suspects: advice.suspects.filter((s) => s.teamId === team.teamId).slice(0, 8),
      investigated: internalNotesBy(ticket.comments, source.me),
    });
    const editor = await this.drafts.open(
      { kind: 'handoff', sourceId: ticket.sourceId, id: ticket.id, key: ticket.key, teamId: team.teamId, teamName: team.teamName, route: team.route },
      note,
    );
    return editor.document.uri.toString();
  }
}

/** Another command (or a test) may name the team: `{ sourceId, id, teamId }`. */
function teamFromArgument(argument: unknown, advice: HandoffAdvice): TeamChoice | undefined {
  const teamId = (argument as { teamId?: unknown } | undefined)?.teamId;
  if (typeof teamId !== 'string') return undefined;
  return [...advice.suggestions, ...advice.otherTeams].find((t) => t.teamId === teamId) ?? { teamId, teamName: teamId, route: teamId, reasons: [] };
}

async function pickTeam(ticket: Ticket, advice: HandoffAdvice): Promise<TeamChoice | undefined> {
  type Item = vscode.QuickPickItem & { team?: TeamChoice };
  const anotherTeam: Item = { label: vscode.l10n.t('Another team…') };
  const evidence = advice.suggestions.length > 0;
  // The first item is the one Enter takes: without evidence that must not be a team.
  const items: Item[] = [
    ...(evidence ? [{ label: vscode.l10n.t('Suggested by the evidence'), kind: vscode.QuickPickItemKind.Separator }] : [anotherTeam]),
    ...advice.suggestions.map((team, index) => ({
      label: `${index === 0 ? '$(star-full) ' : ''}${team.teamName}`,
      description: ownsNow(ticket, team),
      detail: team.reasons.join(' · '),
      team,
    })),
    ...(advice.otherTeams.length > 0 ? [{ label: vscode.l10n.t('Other teams'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...advice.otherTeams.map((team) => ({ label: team.teamName, description: ownsNow(ticket, team), team })),
    ...(evidence ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }, anotherTeam] : []),
  ];
  const placeHolder = evidence
    ? vscode.l10n.t('Hand off {0} to which team? The evidence is under each team.', ticket.key)
    : vscode.l10n.t('Hand off {0} to which team? No ownership evidence was found.', ticket.key);
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDetail: true, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.team) return picked.team;
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('The team to hand {0} to, as the ticket system names it', ticket.key),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A team name is needed')),
  });
  return typed ? { teamId: typed.trim(), teamName: typed.trim(), route: typed.trim(), reasons: [] } : undefined;
}

function ownsNow(ticket: Ticket, team: TeamChoice): string | undefined {
  return team.teamId === ticket.team ? vscode.l10n.t('owns the ticket now') : undefined;
}
