/**
 * The Zendesk answers a source's ticket history reads, after Zendesk's API reference (Incremental
 * Exports, the cursor-based ticket export; Ticket Metrics, side-loaded as `metric_sets`; Search).
 * Tickets and metric sets are read item by item: one malformed ticket is reported, not the page.
 */
import * as z from 'zod/mini';
import '../../core/zodMessages';

/** What a ticket's metrics say of its life; a time Zendesk has not recorded is null. */
export const zendeskMetricSetSchema = z.looseObject({
  ticket_id: z.number(),
  initially_assigned_at: z.optional(z.nullable(z.string())),
  /** When it was last solved; kept after a reopen, so the ticket's status says whether it still is. */
  solved_at: z.optional(z.nullable(z.string())),
});
export type ZendeskMetricSet = z.infer<typeof zendeskMetricSetSchema>;

const metricSetsSchema = z._default(z.array(z.unknown()), []);

/** `GET /api/v2/incremental/tickets/cursor`: a page, the cursor after it, and whether it reached the present. */
export const zendeskIncrementalPageSchema = z.looseObject({
  tickets: z.array(z.unknown()),
  metric_sets: metricSetsSchema,
  after_cursor: z.optional(z.nullable(z.string())),
  end_of_stream: z.boolean(),
});

/** `GET /api/v2/search` with `include=tickets(metric_sets,…)`: offset pages. */
export const zendeskHistorySearchSchema = z.looseObject({
  results: z.array(z.unknown()),
  metric_sets: metricSetsSchema,
  next_page: z.optional(z.nullable(z.string())),
});
