/** The Zendesk source against the Zendesk fake: the adapter the conformance suite runs. */
import { HttpClient } from '../../../src/providers/http/httpClient';
import { DEFAULT_MAPPING } from '../../../src/providers/zendesk/zendeskMapping';
import { ZendeskSource, type ZendeskSourceOptions } from '../../../src/providers/zendesk/zendeskSource';
import type { ConformanceSubject, FakeServer, SeedTicket, ServerTicket } from '../conformanceSubject';
import type { TicketRecord } from './zendeskRecords';
import { fakeZendesk, GROUPS, MEI, QUEUE_TAG, SAM, VIEW_ID, type ZendeskServer } from './zendeskServer';

/** Short enough that a timeout scenario takes a moment; long enough that no answer on a busy machine times out unasked. */
const CLIENT_TIMEOUT_MS = 1_000;

export function zendeskSource(server: ZendeskServer, waits: number[] = [], overrides: Partial<ZendeskSourceOptions> = {}): ZendeskSource {
  return new ZendeskSource(
    new HttpClient({
      baseUrl: `${server.server.url}/api/v2`,
      authHeaders: async () => ({ Authorization: `Basic ${Buffer.from(`${SAM.email}/token:zd-sam`).toString('base64')}` }),
      userAgent: 'support-rotation-conformance',
      label: 'Zendesk (escalations)',
      timeoutMs: CLIENT_TIMEOUT_MS,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    }),
    {
      id: 'zendesk',
      label: 'Zendesk (escalations)',
      origin: server.server.url,
      scope: { view: VIEW_ID },
      mapping: DEFAULT_MAPPING,
      me: { id: SAM.id, name: SAM.name },
      ...overrides,
    },
  );
}

export const zendeskSubject: ConformanceSubject = {
  name: 'Zendesk',
  capabilities: { claim: true, internalNotes: true, publicReplies: true, handoff: true, linkChanges: true },
  transport: true,
  paged: true,
  start: async (): Promise<FakeServer> => {
    const server = await fakeZendesk();
    const waits: number[] = [];
    const ticket = (id: string): TicketRecord => {
      const found = server.tickets.get(Number(id));
      if (!found) throw new Error(`No ticket ${id} on the Zendesk fake`);
      return found;
    };
    const create = (seed: SeedTicket, createdAt?: number): string => {
      const assignee = seed.holder === 'me' ? SAM : seed.holder === 'colleague' ? MEI : null;
      return String(server.createTicket({ subject: seed.title, description: seed.description, assignee, createdAt }).id);
    };
    return {
      me: { id: String(SAM.id), name: SAM.name },
      colleague: {
        person: { id: String(MEI.id), name: MEI.name },
        claim: async (id) => {
          // In Zendesk's agent interface: the update lands whoever held the ticket, and the colleague sees it worked.
          server.update(ticket(id), { assignee_id: MEI.id }, MEI);
          return true;
        },
        retitle: async (id, title) => server.update(ticket(id), { subject: title }, MEI),
        close: async (id) => server.update(ticket(id), { status: 'solved' }, MEI),
        relabel: async (id) => server.update(ticket(id), { tags: ticket(id).tags.filter((t) => t !== QUEUE_TAG) }, MEI),
        delete: async (id) => server.delete(Number(id)),
        create: async (seed) => create(seed),
      },
      // Created a second apart, oldest first, as a real queue's tickets are.
      seed: async (tickets) => tickets.map((seed, i) => create(seed, server.nowMs() - (tickets.length - i) * 1000)),
      source: () => zendeskSource(server, waits),
      at: (moment, action) => server.at(moment, action),
      settle: async () => undefined,
      skewClock: (ms) => void (server.skewMs = ms),
      malform: async (id) => void server.malformed.add(Number(id)),
      transport: {
        fail: (fault, target, times) => server.fail(fault, target, times),
        loseAnswers: () => void (server.losingAnswers = true),
        endlessPages: (what) => void server.endless.add(what),
        restore: () => server.restore(),
        get requests() {
          return server.server.requests.length;
        },
        waits,
      },
      state: async () => [...server.tickets.values()].map(serverTicket),
      close: () => server.server.close(),
    };
  },
};

function serverTicket(ticket: TicketRecord): ServerTicket {
  return {
    id: String(ticket.id),
    title: ticket.subject,
    description: ticket.description,
    assignees: ticket.assignee_id === null ? [] : [String(ticket.assignee_id)],
    inQueue: !['solved', 'closed'].includes(ticket.status) && ticket.tags.includes(QUEUE_TAG),
    team: GROUPS.find((g) => g.id === ticket.group_id)?.name,
    notes: ticket.comments.map((c) => ({ body: c.body, internal: !c.public, author: String(c.author_id) })),
    links: [],
  };
}
