import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import type { Ticket } from '../../src/core/ticket';
import { DEFAULT_LABEL_SCHEME } from '../../src/providers/gitlab/gitlabMapping';
import type { GitlabSource } from '../../src/providers/gitlab/gitlabSource';
import { LocalSource } from '../../src/providers/local/localSource';
import type { SourceResult } from '../../src/providers/sourceResult';
import { fakeGitlab, MEI, QUEUE_LABEL, type FakeGitlab } from '../conformance/gitlab/gitlabServer';
import { gitlabSource } from '../conformance/gitlab/gitlabSubject';
import { rawTicket, tempQueueFile } from '../support/tempQueue';

function value(result: SourceResult<Ticket>): Ticket {
  assert.equal(result.kind, 'ok', 'message' in result ? result.message : '');
  if (result.kind !== 'ok') throw new Error('unreachable');
  return result.value;
}

describe('triage in the local queue file', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => Promise.all(cleanups.splice(0).map((c) => c())));
  const queue = async (tickets: unknown[]) => {
    const file = await tempQueueFile({ version: 1, tickets });
    cleanups.push(file.cleanup);
    const source = new LocalSource({ id: 'local', queueFile: file.path, displayPath: '.support/queue.json', me: 'me@example.com' });
    const raw = async (id: string): Promise<Record<string, unknown> | undefined> =>
      (JSON.parse(await readFile(file.path, 'utf8')) as { tickets: Record<string, unknown>[] }).tickets.find((t) => t.id === id);
    return { source, raw };
  };

  it('triages an untriaged ticket and marks one solved, raising each revision and keeping unknown fields', async () => {
    const { source, raw } = await queue([rawTicket('u', { severity: null, status: 'new', customField: 'kept' }), rawTicket('d', { status: 'pending' })]);
    const triaged = value(await source.setSeverity({ id: 'u', revision: '1' }, 2));
    const solved = value(await source.setStatus({ id: 'd', revision: '1' }, 'solved'));
    assert.deepEqual([triaged.severity, triaged.revision, solved.status, solved.revision], [2, '2', 'solved', '2']);
    assert.deepEqual([(await raw('u'))?.severity, (await raw('u'))?.customField, (await raw('d'))?.status], [2, 'kept', 'solved']);
  });

  it('offers the statuses people go through', async () => {
    const { source } = await queue([]);
    assert.deepEqual(source.statuses, ['new', 'open', 'pending', 'solved', 'closed']);
  });

  it('asking for what the ticket already is, even on a stale view, writes nothing', async () => {
    const { source, raw } = await queue([rawTicket('a', { severity: 3, revision: 5 })]);
    assert.equal(value(await source.setSeverity({ id: 'a', revision: '4' }, 3)).revision, '5');
    assert.equal((await raw('a'))?.revision, 5);
  });

  it('a claim takes a new ticket to open, and leaves any other status as it is', async () => {
    const { source, raw } = await queue([rawTicket('n', { status: 'new' }), rawTicket('p', { status: 'pending' })]);
    value(await source.claim({ id: 'n', revision: '1' }));
    value(await source.claim({ id: 'p', revision: '1' }));
    assert.deepEqual([(await raw('n'))?.status, (await raw('p'))?.status], ['open', 'pending']);
  });
});

describe('triage in GitLab', () => {
  let gitlab: FakeGitlab;
  afterEach(async () => gitlab?.server.close());
  const issue = (iid: number) => {
    const found = gitlab.issues.get(iid);
    if (!found) throw new Error(`no issue ${iid}`);
    return found;
  };
  const seen = (iid: number): { id: string; revision: string } => ({ id: String(iid), revision: issue(iid).updated_at });
  const withoutStatusLabels = (): GitlabSource => gitlabSource(gitlab, [], 'glpat-test', DEFAULT_LABEL_SCHEME);
  const lastPut = (): Record<string, unknown> => {
    const put = gitlab.server.requests.filter((r) => r.method === 'PUT').at(-1);
    return put ? (JSON.parse(put.body) as Record<string, unknown>) : {};
  };

  it('sets severity by adding its label and removing the other severity labels, never replacing the list', async () => {
    gitlab = await fakeGitlab();
    gitlab.createIssue({ labels: [QUEUE_LABEL, 'severity::3', 'severity::4', 'team::search', 'customer::acme'] });
    const ticket = value(await gitlabSource(gitlab).setSeverity(seen(1), 1));
    assert.deepEqual(lastPut(), { add_labels: 'severity::1', remove_labels: 'severity::3,severity::4' });
    assert.deepEqual(issue(1).labels, [QUEUE_LABEL, 'team::search', 'customer::acme', 'severity::1']);
    assert.equal(ticket.severity, 1);
  });

  it('sets severity through the exact labels a source maps, when it maps them', async () => {
    gitlab = await fakeGitlab();
    gitlab.createIssue({ labels: [QUEUE_LABEL, 'P3'] });
    const source = gitlabSource(gitlab, [], 'glpat-test', { ...DEFAULT_LABEL_SCHEME, severityLabels: { P1: 1, P2: 2, P3: 3 } });
    assert.equal(value(await source.setSeverity(seen(1), 2)).severity, 2);
    assert.deepEqual(issue(1).labels, [QUEUE_LABEL, 'P2']);
    const unmapped = await source.setSeverity(seen(1), 4);
    assert.equal(unmapped.kind, 'invalidResponse', 'no label says S4: nothing is written');
    assert.deepEqual(issue(1).labels, [QUEUE_LABEL, 'P2']);
  });

  it('without status labels, the statuses are the issue’s states: closed closes it, opened reopens it', async () => {
    gitlab = await fakeGitlab(1);
    const source = withoutStatusLabels();
    assert.deepEqual(source.statuses, ['opened', 'closed']);
    value(await source.setStatus(seen(1), 'closed'));
    assert.deepEqual([lastPut(), issue(1).state], [{ state_event: 'close' }, 'closed']);
    value(await source.setStatus(seen(1), 'opened'));
    assert.deepEqual([lastPut(), issue(1).state], [{ state_event: 'reopen' }, 'opened']);
    assert.equal((await source.setStatus(seen(1), 'pending')).kind, 'invalidResponse', 'a status GitLab does not have is refused');
  });

  it('with status labels: solved swaps the label and closes the issue, pending swaps it back and reopens it', async () => {
    gitlab = await fakeGitlab();
    gitlab.createIssue({ labels: [QUEUE_LABEL, 'status::open'] });
    const source = gitlabSource(gitlab);
    const solved = value(await source.setStatus(seen(1), 'solved'));
    assert.deepEqual(lastPut(), { state_event: 'close', add_labels: 'status::solved', remove_labels: 'status::open' });
    assert.deepEqual([solved.status, issue(1).state], ['solved', 'closed']);
    const pending = value(await source.setStatus(seen(1), 'pending'));
    assert.deepEqual(lastPut(), { state_event: 'reopen', add_labels: 'status::pending', remove_labels: 'status::solved' });
    assert.deepEqual([pending.status, issue(1).state], ['pending', 'opened']);
  });

  it('a status label the issue’s state contradicts yields to the state', async () => {
    gitlab = await fakeGitlab();
    gitlab.createIssue({ labels: [QUEUE_LABEL, 'status::open'] });
    Object.assign(issue(1), { state: 'closed' });
    assert.equal(value(await gitlabSource(gitlab).getTicket('1')).status, 'closed');
  });

  it('a claim takes a new issue to open where labels carry the status', async () => {
    gitlab = await fakeGitlab();
    gitlab.createIssue({ labels: [QUEUE_LABEL, 'status::new'] });
    gitlab.createIssue({ labels: [QUEUE_LABEL, 'status::new'] });
    const claimed = value(await gitlabSource(gitlab).claim(seen(1)));
    assert.deepEqual([claimed.status, issue(1).labels], ['open', [QUEUE_LABEL, 'status::open']]);
    value(await withoutStatusLabels().claim(seen(2)));
    assert.deepEqual(issue(2).labels, [QUEUE_LABEL, 'status::new'], 'a source without status labels leaves them alone');
  });

  it('refuses on an issue that changed since it was seen, saying what it is now, and writes nothing', async () => {
    gitlab = await fakeGitlab(1);
    const before = seen(1);
    gitlab.setAssignees(issue(1), [MEI.id], MEI);
    const result = await gitlabSource(gitlab).setSeverity(before, 1);
    assert.equal(result.kind, 'conflict');
    assert.match(result.kind === 'conflict' ? result.message : '', /#1 changed since you saw it: it is now S2, status "opened"/);
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'PUT').length, 0);
  });
});
