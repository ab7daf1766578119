import { strict as assert } from 'node:assert';
import { ZendeskDirectory, zendeskTicketToTicket, type ZendeskMapping } from '../../../src/providers/zendesk/zendeskMapping';
import { zendeskTicketSchema, type ZendeskComment } from '../../../src/providers/zendesk/zendeskSchemas';

const ticket = zendeskTicketSchema.parse({
  id: 42,
  subject: 'Invoices show VAT twice',
  description: 'Since Monday.',
  status: 'open',
  priority: 'high',
  assignee_id: 7,
  requester_id: 100,
  organization_id: 50,
  group_id: 22,
  tags: ['vat'],
  custom_fields: [
    { id: 1, value: 'sev_1' },
    { id: 2, value: null },
  ],
  created_at: '2026-11-24T08:00:00Z',
  updated_at: '2026-11-24T09:00:00Z',
  slas: {
    policy_metrics: [
      { breach_at: '2026-11-24T12:00:00Z', stage: 'active', metric: 'first_reply_time' },
      { breach_at: '2026-11-24T10:30:00Z', stage: 'active', metric: 'next_reply_time' },
      { breach_at: '2026-11-24T09:30:00Z', stage: 'achieved', metric: 'first_reply_time' },
    ],
  },
});

const directory = (): ZendeskDirectory =>
  new ZendeskDirectory().add({
    users: [
      { id: 7, name: 'Sam Taylor' },
      { id: 100, name: 'Lena Fischer' },
    ],
    organizations: [{ id: 50, name: 'Nordlicht Logistik GmbH', organization_fields: { support_region: 'EMEA' } }],
    groups: [{ id: 22, name: 'billing' }],
  });

const map = (mapping: ZendeskMapping, comments: ZendeskComment[] = []) =>
  zendeskTicketToTicket(ticket, { sourceId: 'zd', origin: 'https://acme.zendesk.com', mapping, directory: directory() }, comments);

describe('a Zendesk ticket as a Ticket', () => {
  it('takes severity from priority, team from the group, people by name, the next running SLA breach, and the agent’s page', () => {
    const mapped = map({});
    assert.deepEqual(
      [mapped.severity, mapped.team, mapped.assignee?.name, mapped.requester?.name, mapped.organization, mapped.slaDueAt?.toISOString(), mapped.url],
      [2, 'billing', 'Sam Taylor', 'Lena Fischer', 'Nordlicht Logistik GmbH', '2026-11-24T10:30:00.000Z', 'https://acme.zendesk.com/agent/tickets/42'],
    );
  });

  it('takes severity from a custom field through its value map, and the region from the organisation when the ticket has none', () => {
    const mapped = map({ severityField: 1, severityValues: { sev_1: 1 }, regionField: 2, organizationRegionField: 'support_region' });
    assert.deepEqual([mapped.severity, mapped.region], [1, 'EMEA']);
  });

  it('marks private comments internal, keeps only https attachments, and leaves out the first comment that repeats the description', () => {
    const comment = (id: number, body: string, isPublic: boolean, attachments: { file_name: string; content_url: string }[] = []): ZendeskComment => ({
      id,
      author_id: 7,
      body,
      public: isPublic,
      created_at: '2026-11-24T09:00:00Z',
      attachments,
    });
    const mapped = map({}, [
      comment(1, 'Since Monday.', true),
      comment(2, 'Checked the logs.', false, [
        { file_name: 'trace.txt', content_url: 'https://acme.zendesk.com/attachments/token/x/?name=trace.txt' },
        { file_name: 'evil', content_url: 'javascript:alert(1)' },
      ]),
    ]);
    assert.deepEqual(
      mapped.comments.map((c) => [c.internal, c.body]),
      [[true, 'Checked the logs.\n\n- [trace.txt](https://acme.zendesk.com/attachments/token/x/?name=trace.txt)']],
    );
  });
});
