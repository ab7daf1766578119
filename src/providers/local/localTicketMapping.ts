/** From the queue file's shape to the shared ticket model. */
import type { Person, Ticket } from '../../core/ticket';
import type { LocalTicket } from './queueFileSchema';

/** The local file names people by one string (e-mail or name); it is both their id and their name. */
function person(nameOrEmail: string): Person {
  return { id: nameOrEmail, name: nameOrEmail };
}

export function toTicket(local: LocalTicket, sourceId: string): Ticket {
  const id = String(local.id);
  const createdAt = new Date(local.createdAt);
  return {
    sourceId,
    id,
    key: local.key ?? id,
    title: local.title,
    description: local.description ?? '',
    severity: local.severity ?? 'unknown',
    status: local.status,
    assignee: local.assignee === null ? null : person(local.assignee),
    requester: local.requester === undefined ? undefined : person(local.requester),
    organization: local.organization,
    region: local.region,
    createdAt,
    updatedAt: local.updatedAt ? new Date(local.updatedAt) : createdAt,
    slaDueAt: local.slaDueAt ? new Date(local.slaDueAt) : undefined,
    team: local.team,
    labels: local.labels ?? [],
    comments: (local.comments ?? []).map((c) => ({
      author: person(c.author),
      createdAt: new Date(c.createdAt),
      body: c.body,
      internal: c.internal ?? false,
    })),
    links: (local.links ?? []).map((l) => ({ kind: l.kind, name: l.name, url: l.url })),
    url: local.url,
    revision: String(local.revision ?? 0),
  };
}
