/** The Jira source against the Jira fake, Cloud and Data Center: the adapters the conformance suite runs. */
import { HttpClient } from '../../../src/providers/http/httpClient';
import { jiraNonJson } from '../../../src/providers/jira/jiraApi';
import { JiraSource, type JiraSourceOptions } from '../../../src/providers/jira/jiraSource';
import type { ConformanceSubject, FakeServer, SeedTicket, ServerTicket } from '../conformanceSubject';
import { adfText, REGION_FIELD, TEAM_FIELD, userId, type Flavour, type IssueRecord } from './jiraRecords';
import { API_TOKEN, fakeJira, INTERNAL_ROLE, MEI, PAT, QUEUE_JQL, QUEUE_LABEL, SAM, type JiraServer } from './jiraServer';

/** Short enough that a timeout scenario takes a moment; long enough that no answer on a busy machine times out unasked. */
const CLIENT_TIMEOUT_MS = 1_000;

export function jiraSource(server: JiraServer, waits: number[] = [], overrides: Partial<JiraSourceOptions> = {}): JiraSource {
  const label = server.flavour === 'cloud' ? 'Jira Cloud (SUP)' : 'Jira (SUP)';
  const authorization = server.flavour === 'cloud' ? `Basic ${Buffer.from(`${SAM.email}:${API_TOKEN}`).toString('base64')}` : `Bearer ${PAT}`;
  return new JiraSource(
    new HttpClient({
      baseUrl: server.server.url,
      authHeaders: async () => ({ Authorization: authorization }),
      userAgent: 'support-rotation-conformance',
      label,
      timeoutMs: CLIENT_TIMEOUT_MS,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      nonJson: jiraNonJson(label),
    }),
    {
      id: 'jira',
      label,
      siteUrl: server.server.url,
      scope: { jql: QUEUE_JQL },
      mapping: { teamField: TEAM_FIELD, teamFieldIsSelect: true, regionField: REGION_FIELD },
      internalVisibility: { type: 'role', value: INTERNAL_ROLE },
      me: { id: userId(SAM, server.flavour), name: SAM.displayName },
      ...overrides,
    },
  );
}

function subject(flavour: Flavour): ConformanceSubject {
  return {
    name: flavour === 'cloud' ? 'Jira Cloud' : 'Jira Data Center',
    capabilities: { claim: true, internalNotes: true, publicReplies: true, handoff: true, linkChanges: true },
    transport: true,
    paged: true,
    start: async (): Promise<FakeServer> => {
      const server = await fakeJira(flavour);
      const waits: number[] = [];
      const issue = (id: string): IssueRecord => {
        const found = server.issues.get(id);
        if (!found) throw new Error(`No issue ${id} on the Jira fake`);
        return found;
      };
      const create = (seed: SeedTicket, createdAt?: number): string => {
        const assignee = seed.holder === 'me' ? SAM : seed.holder === 'colleague' ? MEI : null;
        return server.createIssue({ summary: seed.title, description: seed.description, assignee, createdAt }).id;
      };
      return {
        me: { id: userId(SAM, flavour), name: SAM.displayName },
        colleague: {
          person: { id: userId(MEI, flavour), name: MEI.displayName },
          claim: async (id) => {
            // In Jira's web interface: the assignee is set whoever held the issue, and the colleague sees it worked.
            server.assign(issue(id), MEI, MEI);
            return true;
          },
          retitle: async (id, title) => server.edit(issue(id), MEI, (i) => (i.summary = title)),
          close: async (id) =>
            server.edit(issue(id), MEI, (i) => {
              i.status = { name: 'Done', category: 'done' };
              i.resolutiondate = i.updated;
            }),
          relabel: async (id) => server.edit(issue(id), MEI, (i) => (i.labels = i.labels.filter((l) => l !== QUEUE_LABEL))),
          delete: async (id) => server.delete(id),
          create: async (seed) => create(seed),
        },
        // Created a second apart, oldest first, as a real queue's issues are.
        seed: async (tickets) => tickets.map((seed, i) => create(seed, server.nowMs() - (tickets.length - i) * 1000)),
        source: () => jiraSource(server, waits),
        at: (moment, action) => server.at(moment, action),
        settle: async () => undefined,
        skewClock: (ms) => void (server.skewMs = ms),
        malform: async (id) => void server.malformed.add(id),
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
        state: async () => [...server.issues.values()].map((i) => serverTicket(i, flavour)),
        close: () => server.server.close(),
      };
    },
  };
}

function serverTicket(issue: IssueRecord, flavour: Flavour): ServerTicket {
  return {
    id: issue.id,
    title: issue.summary,
    description: typeof issue.description === 'string' ? issue.description : adfText(issue.description),
    assignees: issue.assignee ? [userId(issue.assignee, flavour)] : [],
    inQueue: issue.status.category !== 'done' && issue.labels.includes(QUEUE_LABEL),
    team: issue.team ?? undefined,
    notes: issue.comments.map((c) => ({
      body: typeof c.body === 'string' ? c.body : adfText(c.body),
      internal: c.visibility !== undefined || c.jsdPublic === false,
      author: userId(c.author, flavour),
    })),
    links: issue.remoteLinks.map((l) => l.object.title),
  };
}

export const jiraCloudSubject = subject('cloud');
export const jiraDataCenterSubject = subject('dataCenter');
