/** A ticket as the panel shows it: plain data only (strings, ISO times), never markup. */
import type { PanelAction, TicketView } from '../../shared/panelMessages';
import { slaDueAt, type SlaTargets } from '../../core/sla';
import { isAssignedTo, type Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';

export function ticketViewOf(ticket: Ticket, me: string | undefined, targets: SlaTargets): TicketView {
  const due = slaDueAt(ticket, targets);
  return {
    sourceId: ticket.sourceId,
    id: ticket.id,
    key: ticket.key,
    title: ticket.title,
    description: ticket.description,
    severity: ticket.severity === 'unknown' ? null : ticket.severity,
    status: ticket.status,
    assignee: ticket.assignee?.name ?? null,
    assignedToMe: isAssignedTo(ticket, me),
    requester: ticket.requester?.name,
    organization: ticket.organization,
    region: ticket.region,
    team: ticket.team,
    labels: [...ticket.labels],
    url: ticket.url,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    slaDueAt: due?.toISOString(),
    slaPaused: ticket.slaPaused,
    comments: ticket.comments.map((c) => ({ author: c.author.name, createdAt: c.createdAt.toISOString(), body: c.body, internal: c.internal })),
    links: ticket.links.map((l) => ({ kind: l.kind, name: l.name, url: l.url })),
  };
}

/** Buttons appear only for what exists and applies: no Claim on a ticket someone holds. */
export function panelActionsFor(ticket: Ticket, source: TicketSource | undefined): PanelAction[] {
  const mine = isAssignedTo(ticket, source?.me);
  const free = ticket.assignee === null;
  const actions: PanelAction[] = [];
  if (source?.capabilities.claim && free) actions.push('claim');
  if (source?.capabilities.claim && mine) actions.push('release');
  if (free || mine) actions.push('createFixBranch');
  if (source?.capabilities.mergeRequests && mine) actions.push('createMergeRequest');
  if (source?.capabilities.handoff && (free || mine)) actions.push('handOff');
  if (source?.capabilities.setSeverity) actions.push('setSeverity');
  if (source?.capabilities.setStatus) actions.push('setStatus');
  if (ticket.url && /^https?:\/\//i.test(ticket.url)) actions.push('openInBrowser');
  return actions;
}
