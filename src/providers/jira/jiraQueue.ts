/**
 * A Jira source's queue: a JQL search, or a service desk queue. Cloud searches with
 * `POST /rest/api/3/search/jql`, following `nextPageToken` and asking for only the fields the
 * mapping reads; Data Center with `GET /rest/api/2/search`, by `startAt`. Offset pages shift when
 * issues leave the results between two reads, so each offset page starts a little before the end
 * of the last and the overlap is dropped: a load loses no issue that stayed put while up to
 * `OVERLAP` others left. A service desk queue names its issues; they are then read by one search
 * (`id in (…)`) with the same fields, and their SLAs from the service desk API.
 */
import * as z from 'zod/mini';
import type { Ticket } from '../../core/ticket';
import { ok, type SourceResult } from '../sourceResult';
import type { QueuePage, QueueProblem } from '../ticketSource';
import type { JiraApi, JiraSite } from './jiraApi';
import type { JiraBodies } from './jiraBodies';
import { jiraIssueToTicket, type JiraMapping } from './jiraMapping';
import type { RecentWrites } from './jiraRecentWrites';
import { jiraIssueSchema, jiraOffsetPageSchema, jiraTokenPageSchema, jsmPageSchema, jsmSlaPageSchema, type JiraIssue } from './jiraSchemas';
import { readSlas, type SlaReading } from './jiraSla';

export type JiraScope = { readonly jql: string } | { readonly serviceDesk: string; readonly queue: string };

export interface JiraQueueOptions {
  readonly sourceId: string;
  readonly label: string;
  readonly siteUrl: string;
  readonly scope: JiraScope;
  readonly mapping: JiraMapping;
  readonly bodies: (site: JiraSite) => JiraBodies;
}

export interface Found {
  readonly issues: JiraIssue[];
  readonly problems: QueueProblem[];
}

const PAGE_SIZE = 100;
/** Issues that may leave the results between two offset pages without one that stayed being skipped. */
const OVERLAP = 20;
/** 10,000 issues: far beyond a support queue; a server that keeps announcing pages stops here. */
const MAX_PAGES = 100;
/** Ids per `id in (…)` search: well inside JQL's length limits. */
const IDS_PER_SEARCH = 50;
/** SLA reads in flight at once for a service desk queue. */
const SLA_READS_AT_ONCE = 5;
const BASE_FIELDS = ['summary', 'description', 'status', 'priority', 'assignee', 'reporter', 'labels', 'components', 'created', 'updated', 'resolutiondate'];

const queueIssueSchema = z.looseObject({ id: z.string() });

export class JiraQueue {
  constructor(
    private readonly api: JiraApi,
    private readonly options: JiraQueueOptions,
    private readonly recent: RecentWrites,
  ) {}

  async list(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    const site = await this.api.kind(signal);
    if (site.kind !== 'ok') return site;
    const { scope } = this.options;
    const found = 'jql' in scope ? await this.search(scope.jql, site.value, signal) : await this.serviceDeskQueue(scope, site.value, signal);
    if (found.kind !== 'ok') return found;
    const slas = 'jql' in scope ? new Map<string, SlaReading>() : await this.slas(found.value.issues, signal);
    const tickets = found.value.issues.map((issue) => this.toTicket(issue, site.value, slas.get(issue.id)));
    return ok({ tickets: site.value === 'cloud' ? this.recent.overlay(tickets) : tickets, problems: found.value.problems });
  }

  toTicket(issue: JiraIssue, site: JiraSite, sla?: SlaReading): Ticket {
    const { sourceId, siteUrl, mapping } = this.options;
    return jiraIssueToTicket(issue, { sourceId, siteUrl, mapping, bodies: this.options.bodies(site) }, { sla });
  }

  /** Every issue the JQL finds, in a stable order; `expand` (`changelog`) as both searches take it. */
  async search(jql: string, site: JiraSite, signal?: AbortSignal, expand?: string): Promise<SourceResult<Found>> {
    const ordered = `${stripOrder(jql)} ORDER BY created ASC, key ASC`.trim();
    return site === 'cloud' ? this.tokenPages(ordered, signal, expand) : this.offsetPages(ordered, signal, expand);
  }

  private async tokenPages(jql: string, signal?: AbortSignal, expand?: string): Promise<SourceResult<Found>> {
    const found: Found = { issues: [], problems: [] };
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = { jql, fields: this.fields(), maxResults: PAGE_SIZE, nextPageToken, expand };
      // A search sent as a POST is a read: repeating it changes nothing.
      const answer = await this.api.send('POST', '/rest/api/3/search/jql', body, jiraTokenPageSchema, { idempotent: true });
      if (answer.kind !== 'ok') return answer;
      if (!answer.value) return this.pagesWithout();
      this.take(answer.value.issues, found);
      if (answer.value.isLast === true || !answer.value.nextPageToken) return ok(found);
      nextPageToken = answer.value.nextPageToken;
      if (signal?.aborted) return { kind: 'cancelled', message: `Reading ${this.options.label} was cancelled.` };
    }
    return this.endless();
  }

  private async offsetPages(jql: string, signal?: AbortSignal, expand?: string): Promise<SourceResult<Found>> {
    const found: Found = { issues: [], problems: [] };
    let startAt = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = { jql, startAt, maxResults: PAGE_SIZE, fields: this.fields().join(','), expand };
      const answer = await this.api.get('/rest/api/2/search', jiraOffsetPageSchema, params, signal);
      if (answer.kind !== 'ok') return answer;
      const { issues, total } = answer.value;
      this.take(issues, found);
      if (issues.length === 0 || startAt + issues.length >= total) return ok(found);
      startAt += Math.max(1, issues.length - OVERLAP);
    }
    return this.endless();
  }

  private async serviceDeskQueue(scope: { serviceDesk: string; queue: string }, site: JiraSite, signal?: AbortSignal): Promise<SourceResult<Found>> {
    const ids = new Set<string>();
    const path = `/rest/servicedeskapi/servicedesk/${encodeURIComponent(scope.serviceDesk)}/queue/${encodeURIComponent(scope.queue)}/issue`;
    let start = 0;
    let done = false;
    for (let page = 0; page < MAX_PAGES && !done; page++) {
      const answer = await this.api.get(path, jsmPageSchema, { start, limit: PAGE_SIZE }, signal);
      if (answer.kind !== 'ok') return answer;
      for (const value of answer.value.values) {
        const parsed = queueIssueSchema.safeParse(value);
        if (parsed.success) ids.add(parsed.data.id);
      }
      done = answer.value.isLastPage || answer.value.values.length === 0;
      start += Math.max(1, answer.value.values.length - OVERLAP);
    }
    if (!done) return this.endless();
    const found: Found = { issues: [], problems: [] };
    const all = [...ids];
    for (let i = 0; i < all.length; i += IDS_PER_SEARCH) {
      const part = await this.search(`id in (${all.slice(i, i + IDS_PER_SEARCH).join(',')})`, site, signal);
      if (part.kind !== 'ok') return part;
      found.issues.push(...part.value.issues);
      found.problems.push(...part.value.problems);
    }
    return ok(found);
  }

  /** Each request's SLAs; a request whose SLAs cannot be read keeps the per-severity targets. */
  async slas(issues: readonly JiraIssue[], signal?: AbortSignal): Promise<Map<string, SlaReading>> {
    const readings = new Map<string, SlaReading>();
    for (let i = 0; i < issues.length; i += SLA_READS_AT_ONCE) {
      await Promise.all(
        issues.slice(i, i + SLA_READS_AT_ONCE).map(async (issue) => {
          const sla = await this.sla(issue.key, signal);
          if (sla.kind === 'ok') readings.set(issue.id, sla.value);
        }),
      );
    }
    return readings;
  }

  async sla(key: string, signal?: AbortSignal): Promise<SourceResult<SlaReading>> {
    const answer = await this.api.get(`/rest/servicedeskapi/request/${encodeURIComponent(key)}/sla`, jsmSlaPageSchema, { limit: 50 }, signal);
    return answer.kind === 'ok' ? ok(readSlas(answer.value.values)) : answer;
  }

  /** Each issue read on its own, so that one malformed issue is reported and the others still list; none twice. */
  private take(raw: readonly unknown[], found: Found): void {
    raw.forEach((item, index) => {
      const parsed = jiraIssueSchema.safeParse(item);
      if (parsed.success) {
        if (!found.issues.some((i) => i.id === parsed.data.id)) found.issues.push(parsed.data);
        return;
      }
      const key = typeof item === 'object' && item !== null ? (item as { key?: unknown }).key : undefined;
      if (typeof key === 'string' && found.problems.some((p) => p.location.endsWith(` ${key}`))) return;
      const issue = parsed.error.issues[0];
      found.problems.push({
        sourceId: this.options.sourceId,
        location: `${this.options.label} issue ${typeof key === 'string' ? key : `#${index}`}`,
        field: issue?.path.join('.') || undefined,
        message: `${issue?.path.join('.') || 'issue'}: ${issue?.message ?? 'invalid'}`,
      });
    });
  }

  private fields(): string[] {
    const { severityField, regionField, organizationField, teamField } = this.options.mapping;
    const extra = [severityField, regionField, organizationField, teamField].filter((f): f is string => f !== undefined);
    return [...new Set([...BASE_FIELDS, ...extra])];
  }

  private pagesWithout(): SourceResult<never> {
    return { kind: 'invalidResponse', message: `${this.options.label} answered a search without its results.` };
  }

  private endless(): SourceResult<never> {
    return { kind: 'invalidResponse', message: `${this.options.label} kept announcing more pages after ${MAX_PAGES} pages; stopped reading.` };
  }
}

/** The JQL without its own ORDER BY: the queue is read in one stable order, and sorted by the rules afterwards. */
function stripOrder(jql: string): string {
  const base = jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim();
  return base === '' ? '' : `(${base})`;
}
