import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useColourTheme } from './colourTheme';
import { codiconNamesUsed } from './queueViewCodicons';
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

/** Polls what a person sees until `check` passes or ten seconds are up. */
async function expect<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

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

  it('at 300 pixels, a queue that could not be reloaded says so with its age, in full, until it reads again', async () => {
    const file = join(current().workspace, '.support', 'queue.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '{ "version": 1, "tickets": [');
    try {
      await view.titleAction('Refresh').click();
      await expect(
        () => view.message(),
        (m) => m.text !== '',
      );
      const message = await view.message();
      assert.match(message.text, /^Local queue could not be loaded; its tickets are shown as loaded \S+ ago\.$/, message.text);
      assert.ok(message.whole, `the message "${message.text}" is cut at 300 px`);
      assert.ok((await view.keysUnder('Unclaimed')).length > 0, 'the last good queue stays');
      await current().workbench.page.mouse.move(900, 600);
      await current().workbench.page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-300px-stale.png') });
    } finally {
      writeFileSync(file, good);
    }
    await view.titleAction('Refresh').click();
    await expect(
      () => view.message(),
      (m) => m.text === '',
    );
  });

  it('filters by severity and urgency: the title bar says so, the tree shows only those, Clear Filter shows all again', async () => {
    const unclaimedBefore = await view.keysUnder('Unclaimed');
    await view.titleAction('Filter Queue').click();
    await view.pickMany(['S1', 'S2']);
    await expect(
      () => view.titleDescription(),
      (d) => d.includes('S1, S2'),
    );
    assert.equal(await view.titleDescription(), 'S1, S2');
    // The title and the message reach the workbench as two updates: wait for the second as well.
    const said = await expect(
      () => view.message(),
      (m) => m.text !== '',
    );
    assert.equal(said.text, 'Filtered: S1, S2.');
    assert.ok(said.whole, 'the filter is said in full at 300 px, where the title bar is cut');
    // Colleagues' tickets sit in groups that may be collapsed: compare mine and the unclaimed ones.
    const wanted = open().filter((t) => (t.severity === 1 || t.severity === 2) && (t.assignee === null || t.assignee === ME));
    const wantedKeys = wanted.map((t) => t.id).sort();
    // The tree's rows arrive after the title and the message: wait for them too.
    const shown = await expect(
      async () => [...(await view.keysUnder('Assigned to me')), ...(await view.keysUnder('Unclaimed'))].sort(),
      (keys) => keys.join() === wantedKeys.join(),
    );
    assert.deepEqual(shown, wantedKeys);
    for (const row of (await view.rows()).filter((r) => /^SUP-\d+ /.test(r.label))) assert.match(row.description, /^S[12]$/, row.label);
    await current().workbench.page.screenshot({ path: join(SCREENSHOT_DIR, 'queue-filtered.png') });

    await view.titleAction('Change Filter').click();
    await view.pickMany(['Breached or due within the hour']);
    await expect(
      () => view.titleDescription(),
      (d) => d.endsWith('breached or due soon'),
    );
    assert.equal(await view.titleDescription(), 'S1, S2 · breached or due soon');
    const urgentOnly = /^SUP-\d+ · (breached .+|\d+m left) · /;
    const ticketRows = async () => (await view.rows()).filter((r) => /^SUP-\d+ /.test(r.label));
    // As above, the rows follow the title bar in an update of their own.
    const urgentRows = await expect(ticketRows, (rows) => rows.every((r) => urgentOnly.test(r.label)));
    for (const row of urgentRows) assert.match(row.label, urgentOnly, row.label);

    await view.titleAction('Clear Filter').click();
    await expect(
      () => view.keysUnder('Unclaimed'),
      (keys) => keys.length === unclaimedBefore.length,
    );
    assert.equal(await view.titleDescription(), '');
    const cleared = await expect(
      () => view.message(),
      (m) => m.text === '',
    );
    assert.equal(cleared.text, '');
    assert.equal(await view.titleAction('Filter Queue').count(), 1, 'the plain filter icon is back');
  });

  it('draws every codicon it names: each one is among those the running VS Code ships', async () => {
    const known = await view.codiconsOfWorkbench();
    assert.ok(known.size > 300, `the workbench's style sheets name ${known.size} codicons`);
    const missing = [...codiconNamesUsed()].filter(([name]) => !known.has(name)).map(([name, where]) => `${name} (${where})`);
    assert.deepEqual(missing, []);
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

  it('draws the breached and due-soon markers in colours of their own in the dark, light and high-contrast themes', async () => {
    const page = current().workbench.page;
    const keyed = await Promise.all(
      (await view.rows())
        .filter((r) => /^SUP-\d+ /.test(r.label))
        .map(async (r) => ({ key: r.label.split(' ')[0] ?? '', ...(await view.readableRow(r.label.split(' ')[0] ?? '')) })),
    );
    const breached = keyed.find((r) => r.icon === 'error')?.key;
    const dueSoon = keyed.find((r) => r.icon === 'watch')?.key;
    assert.ok(breached && dueSoon, 'the sample queue shows a breached and a due-soon ticket');
    for (const [theme, file] of [
      ['Dark 2026', 'queue-dark.png'],
      ['Light 2026', 'queue-light.png'],
      ['Dark High Contrast', 'queue-high-contrast.png'],
    ] as const) {
      await useColourTheme(page, theme);
      await page.waitForTimeout(800);
      const [late, soon] = [await view.markerColours(breached), await view.markerColours(dueSoon)];
      assert.notEqual(late.marker, late.text, `${theme}: the breached marker stands out from the text`);
      assert.notEqual(soon.marker, soon.text, `${theme}: the due-soon marker stands out from the text`);
      assert.notEqual(late.marker, soon.marker, `${theme}: breached and due soon differ`);
      await page.mouse.move(900, 600);
      await view.pane.screenshot({ path: join(SCREENSHOT_DIR, file) });
    }
  });
});
