/**
 * The GitHub source against the GitHub fake: the adapter the conformance suite runs. The source is
 * configured with a private notes repository, so that it has internal notes; without one it has
 * none, which GitHub's own tests cover.
 */
import { githubHttpClient } from '../../../src/providers/github/githubHttp';
import { DEFAULT_GITHUB_LABEL_SCHEME } from '../../../src/providers/github/githubLabels';
import { GithubSource, type GithubSourceOptions } from '../../../src/providers/github/githubSource';
import { graphqlUrl } from '../../../src/providers/github/githubTransfer';
import type { ConformanceSubject, FakeServer, SeedTicket, ServerTicket } from '../conformanceSubject';
import type { IssueRecord } from './githubRecords';
import { fakeGithub, MEI, NOTES, QUEUE_LABEL, SAM, SUPPORT, type GithubServer } from './githubServer';

/** Short enough that a timeout scenario takes a moment; long enough that no answer on a busy machine times out unasked. */
const CLIENT_TIMEOUT_MS = 1_000;

export function githubSource(server: GithubServer, options: Partial<GithubSourceOptions> = {}, waits: number[] = [], token = 'gho_sam'): GithubSource {
  return new GithubSource(
    githubHttpClient({
      baseUrl: server.apiUrl,
      authHeaders: async () => ({ Authorization: `Bearer ${token}` }),
      userAgent: 'support-rotation-conformance',
      label: 'GitHub (support)',
      timeoutMs: CLIENT_TIMEOUT_MS,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    }),
    {
      id: 'github',
      label: 'GitHub (support)',
      scope: { repository: SUPPORT },
      queueLabels: [QUEUE_LABEL],
      scheme: DEFAULT_GITHUB_LABEL_SCHEME,
      me: () => (token === 'gho_mei' ? MEI.login : SAM.login),
      notesRepository: NOTES,
      graphqlUrl: graphqlUrl(server.apiUrl),
      ...options,
    },
  );
}

export const githubSubject: ConformanceSubject = {
  name: 'GitHub',
  capabilities: { claim: true, internalNotes: true, publicReplies: true, handoff: true, linkChanges: true, mergeRequests: true },
  transport: true,
  paged: true,
  start: async (): Promise<FakeServer> => {
    const server = await fakeGithub();
    const waits: number[] = [];
    const issue = (id: string): IssueRecord => server.issue(SUPPORT, Number(id));
    const create = (ticket: SeedTicket, createdAt?: number): string => {
      const holder = ticket.holder === 'me' ? [SAM] : ticket.holder === 'colleague' ? [MEI] : [];
      return String(server.createIssue({ title: ticket.title, body: ticket.description, assignees: holder, createdAt }).number);
    };
    return {
      me: { id: SAM.login, name: SAM.name },
      colleague: {
        person: { id: MEI.login, name: MEI.name },
        // In GitHub's web interface "assign yourself" adds an assignee and always says it worked.
        claim: async (id) => {
          server.addAssignees(issue(id), [MEI.login]);
          return true;
        },
        retitle: async (id, title) => {
          issue(id).title = title;
          server.touch(issue(id));
        },
        close: async (id) => {
          Object.assign(issue(id), { state: 'closed', state_reason: 'completed', closed_at: server.now() });
          server.touch(issue(id));
        },
        relabel: async (id) => {
          issue(id).labels = issue(id).labels.filter((l) => l !== QUEUE_LABEL);
          server.touch(issue(id));
        },
        delete: async (id) => void (issue(id).deleted = true),
        create: async (ticket) => create(ticket),
      },
      seed: async (tickets) => tickets.map((ticket, i) => create(ticket, Date.now() + server.skewMs - (tickets.length - i) * 1000)),
      source: () => githubSource(server, {}, waits),
      at: (moment, action) => server.at(moment, action),
      settle: async () => undefined,
      skewClock: (ms) => void (server.skewMs = ms),
      malform: async (id) => void server.malformed.add(`${SUPPORT}#${id}`),
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
      mergeRequests: async () => [...server.issues.values()].filter((p) => p.pull && p.state === 'open').map((p) => p.pull?.head ?? ''),
      state: async () =>
        [...server.issues.values()].filter((i) => i.repository === SUPPORT && !i.pull && !i.movedTo && !i.deleted).map((i) => serverTicket(server, i)),
      close: () => server.server.close(),
    };
  },
};

/** The ticket's comments are public; the comments of its companion issue (its body first) are its internal notes. */
function serverTicket(server: GithubServer, issue: IssueRecord): ServerTicket {
  const companions = [...server.issues.values()].filter((i) => i.repository === NOTES && i.title === `Notes: ${SUPPORT}#${issue.number}`);
  const privateNotes = companions.flatMap((c) => [
    ...(c.body ? [{ body: c.body, internal: true, author: c.user.login, at: c.created_at, id: c.id }] : []),
    ...c.comments.map((n) => ({ body: n.body, internal: true, author: n.user.login, at: n.created_at, id: n.id })),
  ]);
  const publicNotes = issue.comments.map((n) => ({ body: n.body, internal: false, author: n.user.login, at: n.created_at, id: n.id }));
  return {
    id: String(issue.number),
    title: issue.title,
    description: issue.body ?? '',
    assignees: issue.assignees.map((u) => u.login),
    inQueue: issue.state === 'open' && issue.labels.includes(QUEUE_LABEL),
    team: issue.labels.find((l) => l.startsWith('team:'))?.slice('team:'.length),
    notes: [...publicNotes, ...privateNotes].sort((a, b) => a.id - b.id).map(({ body, internal, author }) => ({ body, internal, author })),
    links: [],
  };
}
