/**
 * A Jira source's history: every issue of the history JQL (by default the queue's) created or
 * resolved since a time, with its changelog expanded in the same search. The first claim is read
 * from that changelog when Jira sent all of it, and is unknown otherwise; a service desk request's
 * breach comes from its SLAs. JQL reads dates in the user's own time zone, so the search reaches a
 * day further back and the records are cut at `since` here.
 */
import { historyRecord, type TicketHistoryRecord } from '../../core/history/ticketHistory';
import { ok, type SourceResult } from '../sourceResult';
import type { HistoryPage, HistoryRequest } from '../ticketSource';
import type { JiraApi, JiraSite } from './jiraApi';
import type { JiraBodies } from './jiraBodies';
import { jiraIssueToTicket, type JiraMapping } from './jiraMapping';
import type { JiraQueue, JiraScope } from './jiraQueue';
import { jsmServiceDeskSchema, type JiraIssue } from './jiraSchemas';

export interface HistoryContext {
  readonly id: string;
  readonly siteUrl: string;
  readonly scope: JiraScope;
  readonly mapping: JiraMapping;
  readonly historyJql?: string;
  readonly serviceDesk?: string;
  readonly site: JiraSite;
  readonly bodies: JiraBodies;
}

const DAY_MS = 24 * 60 * 60_000;

export async function jiraHistory(api: JiraApi, queue: JiraQueue, context: HistoryContext, request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
  const base = await historyJql(api, context, request.signal);
  if (base.kind !== 'ok') return base;
  const from = jqlDate(new Date(request.since.getTime() - DAY_MS));
  const found = await queue.search(`(${base.value}) AND (created >= "${from}" OR resolved >= "${from}")`, context.site, request.signal, 'changelog');
  if (found.kind !== 'ok') return found;
  const since = request.since.getTime();
  const recent = found.value.issues.filter((i) => Date.parse(i.fields.created) >= since || Date.parse(i.fields.resolutiondate ?? '') >= since);
  const slas = context.serviceDesk !== undefined ? await queue.slas(recent, request.signal) : undefined;
  const records = recent.map((issue): TicketHistoryRecord => {
    const ticket = jiraIssueToTicket(issue, { sourceId: context.id, siteUrl: context.siteUrl, mapping: context.mapping, bodies: context.bodies });
    const sla = slas?.get(issue.id);
    return historyRecord(ticket, {
      firstClaimedAt: firstClaim(issue),
      resolvedAt: issue.fields.resolutiondate ? new Date(issue.fields.resolutiondate) : null,
      breachAt: slas === undefined ? undefined : sla === undefined ? undefined : (sla.breachedAt ?? sla.dueAt ?? null),
    });
  });
  return ok({ records, problems: found.value.problems });
}

/** The JQL of the issues whose history counts: configured, the queue's, or the service desk's project. */
async function historyJql(api: JiraApi, context: HistoryContext, signal?: AbortSignal): Promise<SourceResult<string>> {
  if (context.historyJql) return ok(context.historyJql);
  if ('jql' in context.scope) return ok(historyOfQueue(context.scope.jql));
  const desk = await api.get(`/rest/servicedeskapi/servicedesk/${encodeURIComponent(context.scope.serviceDesk)}`, jsmServiceDeskSchema, {}, signal);
  return desk.kind === 'ok' ? ok(`project = "${desk.value.projectKey}"`) : desk;
}

/**
 * A queue's JQL nearly always leaves out what is done (`statusCategory != Done`, `resolution =
 * Unresolved`), which is exactly what history needs: its top-level AND clauses about status or
 * resolution are dropped, and its ordering. A query with a top-level OR is kept whole, since
 * dropping a clause there would widen it; `historyJql` is the way to say otherwise.
 */
export function historyOfQueue(jql: string): string {
  const unordered = jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim();
  const clauses = topLevelClauses(unordered);
  if (clauses === undefined) return unordered || 'created IS NOT EMPTY';
  const kept = clauses.filter((clause) => !/^\s*(status|statusCategory|resolution|resolved|resolutiondate)\b/i.test(clause));
  return kept.join(' AND ') || 'created IS NOT EMPTY';
}

/** The clauses joined by AND outside parentheses and quotes; undefined when an OR joins any at that level. */
function topLevelClauses(jql: string): string[] | undefined {
  const clauses: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /\s/.test(c ?? '')) {
      const word = /^\s+(AND|OR)\s+/i.exec(jql.slice(i));
      if (word?.[1]?.toUpperCase() === 'OR') return undefined;
      if (word) {
        clauses.push(jql.slice(start, i).trim());
        i += word[0].length - 1;
        start = i + 1;
      }
    }
  }
  clauses.push(jql.slice(start).trim());
  return clauses.filter((clause) => clause !== '');
}

/**
 * When the issue was first assigned: its first changelog item that set an assignee, or its creation
 * when it was created assigned and never changed hands; unknown when Jira sent only part of the changelog.
 */
function firstClaim(issue: JiraIssue): Date | null | undefined {
  const changelog = issue.changelog;
  if (!changelog || (changelog.total ?? 0) > changelog.histories.length) return undefined;
  const histories = [...changelog.histories].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  const changes = histories.flatMap((h) =>
    h.items.filter((i) => i.field === 'assignee').map((i) => ({ at: h.created, from: i.from ?? null, to: i.to ?? null })),
  );
  if (changes.length === 0) return issue.fields.assignee ? new Date(issue.fields.created) : null;
  if (changes[0]?.from) return new Date(issue.fields.created);
  const first = changes.find((c) => c.to);
  return first ? new Date(first.at) : null;
}

/** `2026/12/01 09:30`: a date JQL takes. */
function jqlDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
