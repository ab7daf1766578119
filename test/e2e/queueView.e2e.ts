import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueViewPage } from './queueViewPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

interface FileTicket {
  id: string;
  severity: number | null;
  status: string;
  assignee: string | null;
}

const ME = 'sam.taylor@example.com';
const CLOSED = new Set(['solved', 'closed', 'resolved', 'done']);

describe('the queue view in the workbench (Chromium)', function () {
  this.timeout(120_000);
  const current = useWorkbenchSession('e2e');
  const view = new QueueViewPage(() => current().workbench.page);

  const queueTickets = (): FileTicket[] =>
    (JSON.parse(readFileSync(join(current().workspace, '.support', 'queue.json'), 'utf8')) as { tickets: FileTicket[] }).tickets;
  const open = (): FileTicket[] => queueTickets().filter((t) => !CLOSED.has(t.status));

  it('opens from the activity bar and shows the groups with their counts', async () => {
    await view.open();
    const rows = await view.rows();
    const groups = rows.filter((r) => r.level === 1);
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Assigned to me', 'Unclaimed', 'Claimed by others'],
    );
    const tickets = open();
    const mine = tickets.filter((t) => t.assignee === ME).length;
    const unclaimed = tickets.filter((t) => t.assignee === null).length;
    assert.deepEqual(
      groups.map((g) => g.description),
      [String(mine), String(unclaimed), String(tickets.length - mine - unclaimed)],
    );
    assert.equal((await view.keysUnder('Assigned to me')).length, mine);
    assert.equal((await view.keysUnder('Unclaimed')).length, unclaimed);
    const urgent = tickets.filter((t) => t.assignee === null && (t.severity === 1 || t.severity === 2)).length;
    assert.equal(await view.badge(), String(urgent));
  });

  it('shows each ticket with its key, title, severity and SLA, in words for screen readers', async () => {
    const rows = await view.rows();
    const ticketRows = rows.filter((r) => /^SUP-\d+ /.test(r.label));
    assert.ok(ticketRows.length > 0);
    for (const row of ticketRows) {
      assert.match(row.label, /^SUP-\d+ · (.+ left|breached .+|untriaged) · ./, row.label);
      assert.match(row.description, /^S[1-4?]$/, row.label);
      assert.match(row.ariaLabel, /, (claimed by .+|unclaimed)$/, row.ariaLabel);
    }
  });

  it('at 300 pixels, every row still shows its clock and breached rows their marker', async () => {
    assert.ok(Math.abs((await view.resizeTo(300)) - 300) <= 2, 'the sidebar is 300 px wide');
    const rows = (await view.rows()).filter((r) => /^SUP-\d+ /.test(r.label));
    let breached = 0;
    for (const row of rows) {
      const key = row.label.split(' ')[0] ?? '';
      const clock = /^\S+ · ([^·]+) · /.exec(row.label)?.[1] ?? '';
      const readable = await view.readableRow(key);
      assert.ok(readable.text.startsWith(`${key} · ${clock}`), `${row.label} reads "${readable.text}"`);
      if (clock.startsWith('breached')) {
        breached++;
        assert.equal(readable.icon, 'error', `${row.label} shows the breached marker`);
        assert.match(row.ariaLabel, /breached/);
      } else if (readable.icon === 'error') assert.fail(`${row.label} is marked breached`);
    }
    assert.ok(breached > 0, 'the sample queue has breached tickets in view');
    await current().workbench.page.mouse.move(900, 600);
    await current().workbench.page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-300px.png') });
  });

  it('claims a ticket through the context menu and moves it to "Assigned to me"', async () => {
    const key = (await view.keysUnder('Unclaimed'))[0];
    assert.ok(key, 'there is an unclaimed ticket');
    await view.chooseFromContextMenu(view.ticketRow(key), 'Claim Ticket');
    await view.ticketRow(key, `claimed by ${ME}`).waitFor({ timeout: 10_000 });
    assert.ok((await view.keysUnder('Assigned to me')).includes(key));
    assert.ok(!(await view.keysUnder('Unclaimed')).includes(key));
    assert.equal(queueTickets().find((t) => t.id === key)?.assignee, ME);

    await view.widenTo(640);
    await current().workbench.page.mouse.move(900, 600);
    await current().workbench.page.screenshot({ path: join(SCREENSHOT_DIR, 'workbench-after-claim.png') });
    await view.pane.screenshot({ path: join(SCREENSHOT_DIR, 'queue.png') });
  });

  it('releases a ticket with the inline action and it returns to "Unclaimed"', async () => {
    const key = (await view.keysUnder('Assigned to me'))[0];
    assert.ok(key, 'there is a ticket assigned to me');
    await view.clickInlineAction(view.ticketRow(key), 'Release Ticket');
    await view.ticketRow(key, 'unclaimed').waitFor({ timeout: 10_000 });
    assert.ok((await view.keysUnder('Unclaimed')).includes(key));
    assert.equal(queueTickets().find((t) => t.id === key)?.assignee, null);
  });
});
