import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueViewPage } from './queueViewPage';
import { TicketPanelPage } from './ticketPanelPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

interface FileTicket {
  id: string;
  title: string;
  comments?: { body: string; internal: boolean }[];
}

describe('the ticket panel in the workbench (Chromium)', function () {
  this.timeout(120_000);
  const current = useWorkbenchSession('e2e-panel');
  const view = new QueueViewPage(() => current().workbench.page);
  const panel = new TicketPanelPage(() => current().workbench.page);
  const fileTicket = (id: string): FileTicket | undefined =>
    (JSON.parse(readFileSync(join(current().workspace, '.support', 'queue.json'), 'utf8')) as { tickets: FileTicket[] }).tickets.find((t) => t.id === id);

  it('shows the header, the description and the timeline, internal notes labelled in words', async () => {
    await view.open();
    const key = 'SUP-127';
    await view.ticketRow(key).click();
    await panel.waitForTicket(key);
    const doc = panel.document;
    assert.equal(await doc.locator('h1.ticket-title').textContent(), fileTicket(key)?.title);
    assert.match((await doc.locator('[data-sla]').textContent()) ?? '', /^S1 · /);
    assert.equal(await doc.locator('.ticket-facts dt', { hasText: 'Assignee' }).locator('xpath=following-sibling::dd[1]').textContent(), 'Claimed by you');
    assert.ok((await doc.locator('.description .markdown').textContent())?.trim());
    const internal = await doc.locator('.comment.internal .comment-kind').count();
    const expected = fileTicket(key)?.comments?.filter((c) => c.internal).length ?? 0;
    assert.ok(expected > 0);
    assert.equal(internal, expected);
    assert.equal(await doc.locator('.comment.internal .comment-kind').first().textContent(), 'Internal note — not visible to the customer');
    assert.deepEqual(
      await doc.locator('.actions vscode-button').allTextContents(),
      ['Release', 'Create Fix Branch', 'Hand Off…', 'Set Severity…', 'Set Status…', 'Open in Browser'].filter(
        (a) => a !== 'Open in Browser' || /https?:/.test(JSON.stringify(fileTicket(key))),
      ),
    );
  });

  it('adds an internal note with Ctrl+Enter; it appears at once and is written as internal', async () => {
    const page = current().workbench.page;
    const textarea = panel.document.locator('.compose vscode-textarea textarea');
    await textarea.click();
    await page.keyboard.type("Reproduced with the customer's search: the shard map is stale.");
    await page.keyboard.press('Control+Enter');
    await panel.document.locator('.compose-status', { hasText: 'Sent.' }).waitFor({ timeout: 10_000 });
    await panel.document.locator('.comment.internal', { hasText: 'the shard map is stale' }).waitFor({ timeout: 10_000 });
    const note = fileTicket('SUP-127')?.comments?.at(-1);
    assert.deepEqual([note?.body, note?.internal], ["Reproduced with the customer's search: the shard map is stale.", true]);
    assert.equal(await textarea.inputValue(), '');
  });

  it('finds who knows the code the ticket points at, with the evidence', async () => {
    const page = current().workbench.page;
    await panel.document.locator('.experts vscode-button', { hasText: 'Find Who Knows This Code' }).click();
    const first = panel.document.locator('.expert').first();
    await first.waitFor({ timeout: 30_000 });
    const names = await panel.document.locator('.expert h3').allTextContents();
    assert.ok(names.length > 0 && !names.includes('Sam Taylor'), names.join(', '));
    assert.match((await first.locator('.expert-evidence').textContent()) ?? '', /services\/search\/search\/\w+\.py: \d+ commits?/);
    assert.deepEqual(await first.locator('.expert-actions vscode-button').allTextContents(), ['Ask in an Internal Note…', 'Copy Message', 'Recent Commits']);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'ticket-panel-experts.png') });
  });

  it('keeps the text and says why when sending fails', async () => {
    const page = current().workbench.page;
    const queueFile = join(current().workspace, '.support', 'queue.json');
    const queue = readFileSync(queueFile, 'utf8');
    writeFileSync(queueFile, '{ "version": 1, "tickets": [ broken');
    try {
      const textarea = panel.document.locator('.compose vscode-textarea textarea');
      await textarea.click();
      await page.keyboard.type('This must not be lost');
      await page.keyboard.press('Control+Enter');
      await panel.document.locator('.compose-status', { hasText: 'Not sent:' }).waitFor({ timeout: 10_000 });
      assert.match((await panel.document.locator('.compose-status').textContent()) ?? '', /Your text is kept\.$/);
      assert.equal(await textarea.inputValue(), 'This must not be lost');
      await textarea.fill('');
    } finally {
      writeFileSync(queueFile, queue);
    }
  });

  it('keeps an unsent draft across a window reload, the panel restored by its serializer', async () => {
    const page = current().workbench.page;
    const textarea = panel.document.locator('.compose vscode-textarea textarea');
    await textarea.click();
    await page.keyboard.type('Half-written thought');
    await panel.runCommand(page, 'Developer: Reload Window');
    await panel.waitForTicket('SUP-127');
    assert.equal(await panel.document.locator('.compose vscode-textarea textarea').inputValue(), 'Half-written thought');
    await panel.document.locator('.compose vscode-textarea textarea').fill('');
  });

  it('looks right in the dark, light and high-contrast themes', async () => {
    const page = current().workbench.page;
    for (const [theme, file] of [
      ['Dark 2026', 'ticket-panel-dark.png'],
      ['Light 2026', 'ticket-panel-light.png'],
      ['Dark High Contrast', 'ticket-panel-high-contrast.png'],
    ] as const) {
      await panel.useTheme(page, theme);
      await panel.document.locator('body').evaluate((body) => body.ownerDocument.defaultView?.scrollTo(0, 0));
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SCREENSHOT_DIR, file) });
    }
    await page.setViewportSize({ width: 760, height: 900 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'ticket-panel-narrow.png') });
    const background = await panel.document.locator('body').evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor);
    assert.equal(background, 'rgb(0, 0, 0)', 'the panel follows the high-contrast theme');
  });
});
