/**
 * "Hand Off to Team…": suggests the owning team with its evidence, then opens the hand-off note
 * in an editor, pre-filled from the template. Sending it (see draftCommands) does the hand-off.
 */
import * as vscode from 'vscode';
import { handoffNoteTemplate } from '../../core/handoffNote';
import { formatSla, type SlaTargets } from '../../core/sla';
import { isAssignedTo, type Ticket } from '../../core/ticket';
import type { Drafts } from './drafts';
import type { HandoffAdvice, OwnershipAdvisor, TeamChoice } from './ownershipAdvisor';
import type { QueueModel } from '../queue/queueModel';
import { openToMe, pickFromQueue, ticketFromArgument } from '../common/ticketPick';

const ANOTHER_TEAM = 'Another team…';

export class HandoffCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly drafts: Drafts,
    private readonly advisor: OwnershipAdvisor,
    private readonly targets: () => SlaTargets,
  ) {}

  /** Opens the hand-off draft; resolves with its document's URI, or undefined when nothing was opened. */
  async start(argument?: unknown): Promise<string | undefined> {
    const ticket =
      ticketFromArgument(this.model, argument) ?? (await pickFromQueue(this.model, this.targets(), 'Hand off which ticket?', openToMe(this.model)));
    if (!ticket) return undefined;
    const source = this.model.sourceOf(ticket);
    if (!source?.capabilities.handoff) {
      void vscode.window.showWarningMessage(`${source?.label ?? 'This source'} does not support handing tickets off.`);
      return undefined;
    }
    if (ticket.assignee && !isAssignedTo(ticket, source.me)) {
      void vscode.window.showWarningMessage(`${ticket.key} is held by ${ticket.assignee.name}; only they can hand it off.`);
      return undefined;
    }
    const advice = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Looking for the team that owns ${ticket.key}…`, cancellable: true },
      (_progress, token) => this.advisor.advise(ticket, source.kind, token),
    );
    const team = teamFromArgument(argument, advice) ?? (await pickTeam(ticket, advice));
    if (!team) return undefined;
    const note = handoffNoteTemplate({
      ticket,
      teamName: team.teamName,
      slaText: formatSla(ticket, this.targets(), new Date()),
      suspects: advice.suspects.filter((s) => s.teamId === team.teamId).slice(0, 8),
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
  const items: Item[] = [
    ...(advice.suggestions.length > 0 ? [{ label: 'Suggested by the evidence', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...advice.suggestions.map((team, index) => ({
      label: `${index === 0 ? '$(star-full) ' : ''}${team.teamName}`,
      description: team.teamId === ticket.team ? 'owns the ticket now' : undefined,
      detail: team.reasons.join(' · '),
      team,
    })),
    ...(advice.otherTeams.length > 0 ? [{ label: 'Other teams', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...advice.otherTeams.map((team) => ({ label: team.teamName, description: team.teamId === ticket.team ? 'owns the ticket now' : undefined, team })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: ANOTHER_TEAM },
  ];
  const placeHolder =
    advice.suggestions.length > 0
      ? `Hand off ${ticket.key} to which team? The evidence is under each team.`
      : `Hand off ${ticket.key} to which team? No ownership evidence was found.`;
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDetail: true, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.team) return picked.team;
  const typed = await vscode.window.showInputBox({
    prompt: `The team to hand ${ticket.key} to, as the ticket system names it`,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A team name is needed'),
  });
  return typed ? { teamId: typed.trim(), teamName: typed.trim(), route: typed.trim(), reasons: [] } : undefined;
}
