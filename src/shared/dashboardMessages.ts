/**
 * The rotation dashboard's protocol: one zod schema per message, in both directions, used by the
 * extension and by the webview. The extension validates everything the page sends and ignores
 * what does not fit; the page validates what it is sent the same way.
 */
import * as z from 'zod/mini';

const name = z.string().check(z.maxLength(500));
const count = z.number().check(z.int(), z.minimum(0));
const hours = z.nullable(z.number().check(z.minimum(0)));
const SEVERITY_FILTERS = ['1', '2', '3', '4', 'unknown'] as const;

const monthFiguresSchema = z.object({ opened: count, resolved: count, medianHours: hours, p90Hours: hours, breached: count, breachUnknown: count });
const seriesSchema = z.object({ name, months: z.array(monthFiguresSchema) });
const waitingSchema = z.object({ sourceId: name, id: name, key: name, title: z.string().check(z.maxLength(2_000)), hours: z.number() });

/** What the figures are filtered on: a team's id ('' for no team) and a severity; absent means every one. */
const dashboardFilterSchema = z.object({ team: z.optional(name), severity: z.optional(z.enum(SEVERITY_FILTERS)) });
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

/** How each source's history was read: the dashboard names the ones it could not count, never shows them as zeros. */
const sourceHistorySchema = z.object({
  label: name,
  state: z.enum(['read', 'noHistory', 'failed']),
  records: z.optional(count),
  message: z.optional(z.string().check(z.maxLength(2_000))),
});
export type SourceHistoryView = z.infer<typeof sourceHistorySchema>;

export const dashboardToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('locale'), language: z.string().check(z.minLength(2), z.maxLength(35)), bundle: z.optional(z.record(z.string(), z.string())) }),
  z.object({ type: z.literal('progress'), message: z.string().check(z.maxLength(2_000)) }),
  z.object({
    type: z.literal('figures'),
    months: z.array(z.string().check(z.regex(/^\d{4}-\d{2}$/))),
    total: z.array(monthFiguresSchema),
    bySeverity: z.array(seriesSchema),
    byTeam: z.array(seriesSchema),
    teams: z.array(name),
    filter: dashboardFilterSchema,
    sources: z.array(sourceHistorySchema),
    thisWeek: z.object({
      openBySeverity: z.array(z.object({ severity: name, count })),
      breachedNow: z.array(waitingSchema),
      claimedPerPerson: z.array(z.object({ person: name, count })),
      oldestUnclaimed: z.optional(waitingSchema),
    }),
  }),
]);
export type DashboardToWebview = z.infer<typeof dashboardToWebviewSchema>;
export type DashboardFigures = Extract<DashboardToWebview, { type: 'figures' }>;

/** What the page keeps in its webview state, so that a dashboard restored after a reload shows what it showed. */
export const dashboardStateSchema = z.object({ filter: dashboardFilterSchema, split: z.enum(['severity', 'team']) });
export type DashboardState = z.infer<typeof dashboardStateSchema>;

export const dashboardFromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('filter'), filter: dashboardFilterSchema }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('exportCsv') }),
  z.object({ type: z.literal('openTicket'), sourceId: name, id: name }),
  /** The page drew its first figures: the first paint the benchmark measures. */
  z.object({
    type: z.literal('painted'),
    /** Milliseconds from the page's own start (its navigation) to its drawn figures: the part of the first paint that is the page's. */
    pageMs: z.number().check(z.gte(0), z.lte(600_000)),
  }),
]);
export type DashboardFromWebview = z.infer<typeof dashboardFromWebviewSchema>;
