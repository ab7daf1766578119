/** The GitLab source against the GitLab fake: the adapter the conformance suite runs. */
import { HttpClient } from '../../../src/providers/http/httpClient';
import type { Severity } from '../../../src/core/severity';
import { DEFAULT_LABEL_SCHEME, type GitlabLabelScheme } from '../../../src/providers/gitlab/gitlabMapping';
import { GitlabSource } from '../../../src/providers/gitlab/gitlabSource';
import type { ConformanceSubject, FakeServer, SeedTicket, ServerTicket } from '../conformanceSubject';
import type { IssueRecord } from './gitlabRecords';
import { fakeGitlab, MEI, QUEUE_LABEL, SAM, type GitlabServer } from './gitlabServer';

/** Statuses as labels, so that setting one exercises both the labels and the issue's state. */
const SCHEME: GitlabLabelScheme = { ...DEFAULT_LABEL_SCHEME, statusPrefix: 'status::' };

/** Short enough that a timeout scenario takes a moment; long enough that no answer on a busy machine times out unasked. */
const CLIENT_TIMEOUT_MS = 1_000;

export function gitlabSource(server: GitlabServer, waits: number[] = [], token = 'glpat-test', scheme = SCHEME, timeoutMs = CLIENT_TIMEOUT_MS): GitlabSource {
  return new GitlabSource(
    new HttpClient({
      baseUrl: `${server.server.url}/api/v4`,
      authHeaders: async () => ({ 'PRIVATE-TOKEN': token }),
      userAgent: 'support-rotation-conformance',
      label: 'GitLab (support)',
      timeoutMs,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    }),
    { id: 'gitlab', label: 'GitLab (support)', scope: { project: 'acme/support' }, queueLabels: [QUEUE_LABEL], scheme, me: { ...SAM } },
  );
}

export const gitlabSubject: ConformanceSubject = {
  name: 'GitLab',
  capabilities: {
    claim: true,
    internalNotes: true,
    publicReplies: true,
    handoff: true,
    linkChanges: true,
    mergeRequests: true,
    setSeverity: true,
    setStatus: true,
  },
  transport: true,
  paged: true,
  start: async (): Promise<FakeServer> => {
    const server = await fakeGitlab();
    const waits: number[] = [];
    const issue = (id: string): IssueRecord => {
      const found = server.issues.get(Number(id));
      if (!found) throw new Error(`No issue ${id} on the GitLab fake`);
      return found;
    };
    const create = (ticket: SeedTicket, createdAt?: string): string => {
      const holder = ticket.holder === 'me' ? [SAM] : ticket.holder === 'colleague' ? [MEI] : [];
      return String(server.createIssue({ title: ticket.title, description: ticket.description, assignees: holder, createdAt }).iid);
    };
    return {
      me: { id: SAM.username, name: SAM.name },
      colleague: {
        person: { id: MEI.username, name: MEI.name },
        claim: async (id) => {
          // In GitLab's web interface: the PUT replaces whoever is assigned, and the colleague sees it worked.
          server.setAssignees(issue(id), [MEI.id], MEI);
          return true;
        },
        retitle: async (id, title) => {
          issue(id).title = title;
          server.touch(issue(id));
        },
        close: async (id) => {
          Object.assign(issue(id), { state: 'closed', closed_at: server.now() });
          server.touch(issue(id));
        },
        relabel: async (id) => {
          issue(id).labels = issue(id).labels.filter((l) => l !== QUEUE_LABEL);
          server.touch(issue(id));
        },
        delete: async (id) => void server.issues.delete(Number(id)),
        create: async (ticket) => create(ticket),
      },
      // Created a second apart, oldest first, as a real queue's issues are.
      seed: async (tickets) => tickets.map((ticket, i) => create(ticket, new Date(Date.now() + server.skewMs - (tickets.length - i) * 1000).toISOString())),
      source: () => gitlabSource(server, waits),
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
      mergeRequests: async () => server.mergeRequests.filter((mr) => mr.state === 'opened').map((mr) => mr.source_branch),
      state: async () => [...server.issues.values()].map(serverTicket),
      close: () => server.server.close(),
    };
  },
};

function serverTicket(issue: IssueRecord): ServerTicket {
  const labelled = (prefix: string): string[] => issue.labels.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
  const severities = labelled('severity::');
  const statuses = labelled('status::');
  return {
    // Two severity or status labels at once is a state no reader can settle: shown as such, it fails the scenario.
    severity: severities.length === 1 && ['1', '2', '3', '4'].includes(severities[0] ?? '') ? (Number(severities[0]) as Severity) : 'unknown',
    status: statuses.length > 1 ? statuses.join(' and ') : (statuses[0] ?? issue.state),
    id: String(issue.iid),
    title: issue.title,
    description: issue.description ?? '',
    assignees: issue.assignees.map((u) => u.username),
    inQueue: issue.state === 'opened' && issue.labels.includes(QUEUE_LABEL),
    team: issue.labels.find((l) => l.startsWith('team::'))?.slice('team::'.length),
    notes: issue.notes.filter((n) => !n.system).map((n) => ({ body: n.body, internal: n.internal, author: n.author.username })),
    links: [],
  };
}
