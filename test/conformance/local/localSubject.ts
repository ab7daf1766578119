/**
 * The local source against its "server", the queue file on disk: a colleague is another window's
 * source (for claims) or another writer that takes the same lock (a script, a second editor), and
 * whose machine's clock may be off.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../src/providers/local/atomicWrite';
import { withFileLock } from '../../../src/providers/local/fileLock';
import { LocalSource } from '../../../src/providers/local/localSource';
import type { ConformanceSubject, FakeServer, SeedTicket, ServerTicket } from '../conformanceSubject';
import { FileMoments } from './fileMoments';

const ME = 'sam.taylor@example.com';
const COLLEAGUE = 'mei.chen@example.com';

type RawTicket = Record<string, unknown>;

export const localSubject: ConformanceSubject = {
  name: 'local queue file',
  capabilities: { claim: true, internalNotes: true, publicReplies: true, handoff: true, linkChanges: true, setSeverity: true, setStatus: true },
  transport: false,
  paged: false,
  start: async (): Promise<FakeServer> => {
    const dir = await mkdtemp(join(tmpdir(), 'support-rotation-conformance-'));
    const queueFile = join(dir, 'queue.json');
    await writeFile(queueFile, `${JSON.stringify({ version: 1, tickets: [] }, null, 2)}\n`);
    const moments = new FileMoments(queueFile);
    let skewMs = 0;
    let created = 0;
    const now = (): Date => new Date(Date.now() + skewMs);
    const source = (me: string): LocalSource => new LocalSource({ id: 'local', queueFile, displayPath: 'queue.json', me, now });
    const readQueue = async (): Promise<{ version: number; tickets: RawTicket[] }> =>
      JSON.parse(await readFile(queueFile, 'utf8')) as { version: number; tickets: RawTicket[] };
    /** Another writer's change: under the queue's lock, with its own clock. */
    const edit = (id: string, change: (tickets: RawTicket[], ticket: RawTicket | undefined) => void): Promise<void> =>
      withFileLock(`${queueFile}.lock`, async () => {
        const queue = await readQueue();
        const ticket = queue.tickets.find((t) => t.id === id);
        change(queue.tickets, ticket);
        if (ticket && queue.tickets.includes(ticket)) {
          ticket.revision = Number(ticket.revision ?? 0) + 1;
          ticket.updatedAt = now().toISOString();
        }
        await writeFileAtomic(queueFile, `${JSON.stringify(queue, null, 2)}\n`);
      });
    const rawTicket = (ticket: SeedTicket): RawTicket => {
      const id = `SUP-${++created}`;
      return {
        id,
        title: ticket.title ?? `Ticket ${id}`,
        severity: (created % 4) + 1,
        status: 'open',
        assignee: ticket.holder === 'me' ? ME : ticket.holder === 'colleague' ? COLLEAGUE : null,
        createdAt: new Date(now().getTime() - 3_600_000 + created * 1000).toISOString(),
        description: ticket.description ?? `Customer report ${id}`,
        team: 'search',
        labels: ['invoicing'],
        revision: 1,
      };
    };
    return {
      me: { id: ME, name: ME },
      colleague: {
        person: { id: COLLEAGUE, name: COLLEAGUE },
        // Another window: it saw the ticket as it is now, and claims it through its own source.
        claim: async (id) => {
          const mei = source(COLLEAGUE);
          const seen = await mei.getTicket(id);
          if (seen.kind !== 'ok') return false;
          return (await mei.claim({ id, revision: seen.value.revision })).kind === 'ok';
        },
        retitle: (id, title) => edit(id, (_all, t) => void (t && (t.title = title))),
        close: (id) => edit(id, (_all, t) => void (t && (t.status = 'closed'))),
        relabel: (id) => edit(id, (_all, t) => void (t && (t.labels = ['triaged-elsewhere']))),
        delete: (id) => edit(id, (all, t) => void (t && all.splice(all.indexOf(t), 1))),
        create: async (ticket) => {
          const raw = rawTicket(ticket);
          await edit(String(raw.id), (all) => void all.push(raw));
          return String(raw.id);
        },
      },
      seed: async (tickets) => {
        const raws = tickets.map(rawTicket);
        await edit('', (all) => void all.push(...raws));
        return raws.map((r) => String(r.id));
      },
      source: () => source(ME),
      at: (moment, action) => moments.at(moment, action),
      settle: () => moments.settle(),
      skewClock: (ms) => void (skewMs = ms),
      malform: (id) => edit(id, (_all, t) => void (t && (t.severity = 'high'))),
      state: async () => (await readQueue()).tickets.map(serverTicket),
      close: async () => {
        await moments.settle();
        moments.restore();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

function serverTicket(raw: RawTicket): ServerTicket {
  const comments = Array.isArray(raw.comments) ? (raw.comments as { body: string; internal?: boolean; author: string }[]) : [];
  const links = Array.isArray(raw.links) ? (raw.links as { name: string }[]) : [];
  return {
    id: String(raw.id),
    title: String(raw.title),
    description: typeof raw.description === 'string' ? raw.description : '',
    assignees: typeof raw.assignee === 'string' ? [raw.assignee] : [],
    inQueue: true,
    team: typeof raw.team === 'string' ? raw.team : undefined,
    notes: comments.map((c) => ({ body: c.body, internal: c.internal ?? false, author: c.author })),
    links: links.map((l) => l.name),
    severity: raw.severity === 1 || raw.severity === 2 || raw.severity === 3 || raw.severity === 4 ? raw.severity : 'unknown',
    status: String(raw.status),
  };
}
