import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueViewPage } from './queueViewPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

interface FileTicket {
  id: string;
  team?: string;
  assignee: string | null;
  status: string;
  comments?: { body: string; internal: boolean }[];
}

describe('handing a ticket off to its team, in the workbench (Chromium)', function () {
  this.timeout(120_000);
  const current = useWorkbenchSession('e2e-handoff');
  const view = new QueueViewPage(() => current().workbench.page);
  const ticket = (id: string): FileTicket | undefined =>
    (JSON.parse(readFileSync(join(current().workspace, '.support', 'queue.json'), 'utf8')) as { tickets: FileTicket[] }).tickets.find((t) => t.id === id);

  it('suggests the team, opens the note in an editor, says what will happen, and hands off', async () => {
    const page = current().workbench.page;
    await view.open();
    const key = 'SUP-112';
    assert.equal(ticket(key)?.assignee, 'sam.taylor@example.com');
    await view.chooseFromContextMenu(view.ticketRow(key), 'Hand Off to Team…');

    const picker = page.locator('.quick-input-widget');
    const suggested = picker.locator('.monaco-list-row', { hasText: 'Billing' }).first();
    await suggested.waitFor({ timeout: 20_000 });
    assert.match((await suggested.textContent()) ?? '', /owns services\/billing\//);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handoff-team-suggestion.png') });
    await suggested.click();

    const send = page.locator('.codelens-decoration a', { hasText: `Hand off ${key} to Billing` });
    await send.waitFor({ timeout: 20_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Checked the renewal job logs: the invoice was never enqueued.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handoff-draft.png') });

    await send.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    const said = (await dialog.textContent()) ?? '';
    assert.match(said, new RegExp(`Hand off ${key} to Billing\\?`));
    assert.match(said, /move SUP-112 to Billing/);
    assert.match(said, /release your claim/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'handoff-confirm.png') });
    await dialog.locator('.monaco-button', { hasText: 'Hand Off' }).click();

    // Handed off, it leaves the rotation's queue: its status is hidden by default.
    const deadline = Date.now() + 10_000;
    while (ticket(key)?.status !== 'handed-off' && Date.now() < deadline) await page.waitForTimeout(100);
    await view.ticketRow(key).waitFor({ state: 'detached', timeout: 10_000 });
    const written = ticket(key);
    assert.equal(written?.team, 'billing');
    assert.equal(written?.status, 'handed-off');
    assert.equal(written?.assignee, null);
    assert.equal(written?.comments?.at(-1)?.internal, true);
    assert.match(written?.comments?.at(-1)?.body ?? '', /Checked the renewal job logs: the invoice was never enqueued\.$/);
  });
});
