/**
 * Writes to a Zendesk ticket, never blindly. Every write is one `PUT /api/v2/tickets/{id}` with
 * `safe_update: true` and the `updated_stamp` the ticket had when read: Zendesk refuses it with a
 * 409 `UpdateConflict` when the ticket changed since. Another 409 (a database conflict, a merged
 * ticket) is read from its body and reported as what it is.
 *
 * `updated_at` has a resolution of one second, so a colleague's write in the same second as our
 * read passes the check. The audit each write leaves names the assignee it replaced, so a write
 * that changes the assignee is checked against it afterwards.
 *
 * A write whose answer was lost is looked for among the ticket's audits newer than the newest one
 * before sending (by id, no clock compared), and sent again only when it is not there; when that
 * cannot be checked, it is not sent again.
 */
import * as z from 'zod/mini';
import { ok, type SourceFailure, type SourceResult } from '../sourceResult';
import type { ZendeskApi } from './zendeskApi';
import { zendeskAuditPageSchema, zendeskErrorSchema, zendeskUpdateAnswerSchema, type ZendeskAudit, type ZendeskUpdateAnswer } from './zendeskSchemas';

/** 5,000 audits: far beyond any real ticket; a server that keeps announcing pages stops here. */
const MAX_AUDIT_PAGES = 50;

const updateOrConflictSchema = z.union([zendeskUpdateAnswerSchema, zendeskErrorSchema]);

export type UpdateOutcome =
  /** Done: the audit of our write, when the answer or a read of the audits gave it. */
  | { readonly kind: 'updated'; readonly audit: ZendeskAudit | undefined }
  /** The ticket changed since `stamp`: nothing was written. */
  | { readonly kind: 'stale' };

/** Whether an audit records our write. */
type OurAudit = (audit: ZendeskAudit) => boolean;

export class ZendeskUpdates {
  constructor(
    private readonly api: ZendeskApi,
    private readonly label: string,
  ) {}

  /** The id of the ticket's newest audit (0 when none): later audits are told apart from it. */
  async newestAuditId(id: string): Promise<SourceResult<number>> {
    const answer = await this.api.get(`/tickets/${id}/audits`, zendeskAuditPageSchema, { sort_order: 'desc', 'page[size]': 1 });
    if (answer.kind !== 'ok') return answer;
    return ok(Math.max(0, ...answer.value.data.audits.map((a) => a.id)));
  }

  /** The audits newer than `afterId`, newest first. */
  async auditsSince(id: string, afterId: number): Promise<SourceResult<ZendeskAudit[]>> {
    const audits: ZendeskAudit[] = [];
    let done = false;
    const walked = await this.api.walk(
      `/tickets/${id}/audits`,
      zendeskAuditPageSchema,
      { sort_order: 'desc' },
      (page) => {
        if (done) return;
        const newer = page.audits.filter((a) => a.id > afterId);
        audits.push(...newer);
        done = newer.length < page.audits.length;
      },
      MAX_AUDIT_PAGES,
    );
    // The walk reads on after the boundary only when every audit so far was newer.
    return walked.kind === 'ok' || done ? ok(audits) : walked;
  }

  /** One safe update; `ours` recognises its audit after a lost answer. */
  async update(id: string, stamp: string, changes: Record<string, unknown>, ours: OurAudit): Promise<SourceResult<UpdateOutcome>> {
    const before = await this.newestAuditId(id);
    if (before.kind !== 'ok') return before;
    const landed = async (): Promise<boolean | undefined> => {
      const since = await this.auditsSince(id, before.value);
      return since.kind === 'ok' ? since.value.some(ours) : undefined;
    };
    const sent = await this.api.send(
      'PUT',
      `/tickets/${id}`,
      { ticket: { ...changes, safe_update: true, updated_stamp: stamp } },
      updateOrConflictSchema,
      { idempotent: false, landed },
      [409],
    );
    if (sent.kind !== 'ok') return sent.kind === 'offline' || sent.kind === 'cancelled' ? unchecked(id, sent) : sent;
    if (sent.value === undefined) {
      const since = await this.auditsSince(id, before.value);
      return ok({ kind: 'updated', audit: since.kind === 'ok' ? since.value.find(ours) : undefined });
    }
    if (sent.value.status === 409) return this.conflict(id, sent.value.data);
    const answer = sent.value.data as ZendeskUpdateAnswer;
    return ok({ kind: 'updated', audit: answer.audit });
  }

  private conflict(id: string, body: z.infer<typeof updateOrConflictSchema>): SourceResult<UpdateOutcome> {
    const parsed = zendeskErrorSchema.safeParse(body);
    const error = parsed.success ? parsed.data.error : undefined;
    const name = typeof error === 'string' ? error : error?.title;
    if (name === 'UpdateConflict') return ok({ kind: 'stale' });
    const said = (parsed.success ? parsed.data.description : undefined) ?? (typeof error === 'object' ? error.message : undefined) ?? name ?? 'no reason given';
    return { kind: 'conflict', holder: null, message: `${this.label} refused the update of #${id} with a conflict that is not about who holds it: ${said}` };
  }
}

/** The assignee an audit's change replaced; undefined when the audit did not change the assignee. */
export function replacedAssignee(audit: ZendeskAudit | undefined): number | null | undefined {
  const change = audit?.events.find((e) => e.type === 'Change' && e.field_name === 'assignee_id');
  if (!change) return undefined;
  const previous = change.previous_value;
  if (previous === null || previous === undefined || previous === '') return null;
  const id = Number(previous);
  return Number.isFinite(id) ? id : null;
}

/** Whether an audit by `author` set the assignee to `assignee` (null: cleared it). */
export function setsAssignee(audit: ZendeskAudit, author: number, assignee: number | null): boolean {
  return (
    audit.author_id === author &&
    audit.events.some(
      (e) => e.type === 'Change' && e.field_name === 'assignee_id' && (assignee === null ? e.value === null || e.value === '' : Number(e.value) === assignee),
    )
  );
}

/** Whether an audit by `author` added this comment. */
export function addsComment(audit: ZendeskAudit, author: number, body: string): boolean {
  return audit.author_id === author && audit.events.some((e) => e.type === 'Comment' && e.body?.trim() === body.trim());
}

/** A failure after a write may have landed: say what could not be checked. */
function unchecked(id: string, failure: SourceFailure): SourceFailure {
  return { ...failure, message: `${failure.message} Whether the change to #${id} was made could not be checked: look at the ticket's events.` };
}
