import { strict as assert } from 'node:assert';
import { readWholeHistory } from '../../conformance/scenarios/scenarioKit';
import { HttpClient } from '../../../src/providers/http/httpClient';
import { DEFAULT_MAPPING } from '../../../src/providers/zendesk/zendeskMapping';
import { ZendeskSource } from '../../../src/providers/zendesk/zendeskSource';
import { zendeskTime, type TicketRecord, type UserRecord } from '../../conformance/zendesk/zendeskRecords';
import { ADA, fakeZendesk, GROUPS, MEI, SAM, VIEW_ID, type ZendeskServer } from '../../conformance/zendesk/zendeskServer';

const DAY = 86_400_000;

describe('Zendesk ticket history', () => {
  let zendesk: ZendeskServer;
  const waits: number[] = [];

  beforeEach(async () => {
    zendesk = await fakeZendesk();
    waits.length = 0;
  });
  afterEach(() => zendesk.server.close());

  /** The source as `user` signs in: an admin may use the incremental export, an agent may not. */
  const source = (user: UserRecord, token: string): ZendeskSource =>
    new ZendeskSource(
      new HttpClient({
        baseUrl: `${zendesk.server.url}/api/v2`,
        authHeaders: async () => ({ Authorization: `Basic ${Buffer.from(`${user.email}/token:${token}`).toString('base64')}` }),
        userAgent: 'support-rotation-test',
        label: 'Zendesk (escalations)',
        timeoutMs: 10_000,
        sleep: async (ms) => void waits.push(ms),
        random: () => 0.5,
      }),
      {
        id: 'zendesk',
        label: 'Zendesk (escalations)',
        origin: zendesk.server.url,
        scope: { view: VIEW_ID },
        mapping: DEFAULT_MAPPING,
        me: { id: user.id, name: user.name },
      },
    );
  const admin = (): ZendeskSource => source(ADA, 'zd-ada');
  const agent = (): ZendeskSource => source(SAM, 'zd-sam');

  const readAll = (from: ZendeskSource, since = new Date(Date.now() - 30 * DAY)): ReturnType<typeof readWholeHistory> => readWholeHistory(from, since, 60);

  const ago = (days: number): number => Date.now() - days * DAY;
  const at = (days: number): string => zendeskTime(ago(days));
  /** A ticket's life written straight into the fake, as if it had happened then. */
  const lived = (ticket: TicketRecord, changes: Partial<TicketRecord>): TicketRecord => Object.assign(ticket, changes);

  for (const [who, from] of [
    ['an admin, through the incremental export', admin],
    ['an agent, through search', agent],
  ] as const) {
    describe(`read by ${who}`, () => {
      it('holds what was created or solved in the window, solved_at as resolved, a reopened ticket open again', async () => {
        const solvedAt = at(2);
        zendesk.createTicket({ subject: 'Old and still open', createdAt: ago(60) });
        lived(zendesk.createTicket({ subject: 'Old, solved lately', createdAt: ago(60) }), { status: 'solved', solved_at: solvedAt, updated_at: solvedAt });
        lived(zendesk.createTicket({ subject: 'Old, solved long ago, touched lately', createdAt: ago(60) }), {
          status: 'closed',
          solved_at: at(50),
          updated_at: at(1),
        });
        const reopened = lived(zendesk.createTicket({ subject: 'Reopened', createdAt: ago(5) }), {
          status: 'open',
          solved_at: at(3),
          reopens: 1,
          updated_at: at(2),
        });
        const fresh = lived(zendesk.createTicket({ subject: 'New', createdAt: ago(3) }), { group_id: GROUPS[1]?.id ?? null });
        const { records, problems } = await readAll(from());
        assert.deepEqual(problems, []);
        assert.deepEqual(records.map((r) => r.title).sort(), ['New', 'Old, solved lately', 'Reopened']);
        const byTitle = new Map(records.map((r) => [r.title, r]));
        assert.equal(byTitle.get('Old, solved lately')?.resolvedAt?.getTime(), Date.parse(solvedAt));
        assert.equal(byTitle.get('Reopened')?.resolvedAt, null, `#${reopened.id} is open again`);
        const record = byTitle.get('New');
        assert.deepEqual(
          [record?.key, record?.text, record?.team, record?.severity],
          [`#${fresh.id}`, fresh.description, 'billing', fresh.priority === 'urgent' ? 1 : fresh.priority === 'high' ? 2 : fresh.priority === 'normal' ? 3 : 4],
        );
      });

      it('gives the first assignment as the first claim, never assigned as never', async () => {
        zendesk.createTicket({ subject: 'Never claimed', createdAt: ago(4) });
        const claimedAt = at(3);
        lived(zendesk.createTicket({ subject: 'Claimed', createdAt: ago(4), assignee: MEI }), { initially_assigned_at: claimedAt, updated_at: claimedAt });
        const { records } = await readAll(from());
        const byTitle = new Map(records.map((r) => [r.title, r]));
        assert.equal(byTitle.get('Never claimed')?.firstClaimedAt, null);
        assert.equal(byTitle.get('Claimed')?.firstClaimedAt?.getTime(), Date.parse(claimedAt));
      });

      it('reports a malformed ticket, and a solved one its metrics do not date, as problems and keeps the rest', async () => {
        zendesk.malformed.add(zendesk.createTicket({ createdAt: ago(4) }).id);
        lived(zendesk.createTicket({ createdAt: ago(4) }), { status: 'solved', solved_at: null });
        zendesk.createTicket({ subject: 'Fine', createdAt: ago(4) });
        const { records, problems } = await readAll(from());
        assert.deepEqual(
          records.map((r) => r.title),
          ['Fine'],
        );
        assert.deepEqual(problems.map((p) => p.field).sort(), ['metric_sets.solved_at', 'subject']);
      });

      it('reads every ticket once across pages, whatever shares a second at a page boundary', async () => {
        for (let i = 0; i < 2_300; i++) zendesk.createTicket({ createdAt: ago(20) + Math.floor(i / 4) * 1000 });
        const { records } = await readAll(from());
        const ids = records.map((r) => Number(r.id));
        assert.equal(new Set(ids).size, ids.length, 'none twice');
        assert.deepEqual(
          ids.sort((a, b) => a - b),
          [...zendesk.tickets.keys()].sort((a, b) => a - b),
        );
      });
    });
  }

  it('uses the export for an admin, and search for an agent, without asking the export again', async () => {
    zendesk.createTicket({ createdAt: ago(1) });
    await readAll(admin());
    const exported = zendesk.server.requests.map((r) => r.url);
    assert.ok(exported.some((u) => u.includes('/incremental/tickets/cursor') && u.includes('include=metric_sets')));
    assert.ok(!exported.some((u) => u.includes('/search')));
    const before = zendesk.server.requests.length;
    const asAgent = agent();
    await readAll(asAgent);
    await readAll(asAgent);
    const searched = zendesk.server.requests.slice(before).map((r) => r.url);
    assert.equal(searched.filter((u) => u.includes('/search')).length, 2);
    assert.equal(searched.filter((u) => u.includes('/incremental/')).length, 1, 'the refused export is not asked again');
  });

  it('says when an SLA breaches where search carries the policy, and that none applies', async () => {
    const breach = ago(-1);
    zendesk.createTicket({ subject: 'Under a policy', createdAt: ago(1), slaBreachAt: breach });
    zendesk.createTicket({ subject: 'No policy', createdAt: ago(1) });
    const { records } = await readAll(agent());
    const byTitle = new Map(records.map((r) => [r.title, r]));
    assert.equal(byTitle.get('Under a policy')?.breachAt?.getTime(), Date.parse(zendeskTime(breach)));
    assert.equal(byTitle.get('No policy')?.breachAt, null);
    const exported = await readAll(admin());
    assert.ok(
      exported.records.every((r) => r.breachAt === undefined),
      'the export carries no policy: unknown',
    );
  });

  it('waits out a rate limit that names its time, then reads on', async () => {
    zendesk.createTicket({ createdAt: ago(1) });
    zendesk.fail({ kind: 'status', status: 429, retryAfterSeconds: 7 }, 'read', 1);
    assert.equal((await readAll(admin())).records.length, 1);
    assert.deepEqual(waits, [7_000]);
  });

  it('hands a spent export limit back to the caller, with when to come back, rather than asking on', async () => {
    await zendesk.server.close();
    // Ten seconds into the server's minute, and staying there: the export's ten requests are spent within it.
    const frozen = Math.floor(Date.now() / 60_000) * 60_000 + 10_000;
    zendesk = await fakeZendesk(0, { now: () => frozen });
    zendesk.createTicket({ createdAt: ago(1) });
    const kinds: string[] = [];
    for (let i = 0; i < 10; i++) kinds.push((await admin().history({ since: new Date(ago(30)) })).kind);
    assert.deepEqual(new Set(kinds), new Set(['ok']));
    const requests = zendesk.server.requests.length;
    const spent = await admin().history({ since: new Date(ago(30)) });
    assert.equal(spent.kind, 'rateLimited');
    assert.ok(spent.kind === 'rateLimited' && spent.retryAt.getTime() > Date.now() + 40_000, 'come back when the minute ends');
    assert.equal(zendesk.server.requests.length - requests, 1, 'asked once, not again and again');
  });
});
