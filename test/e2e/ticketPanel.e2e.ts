import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useColourTheme } from './colourTheme';
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
    // A fresh window has no index of the repository yet: the first answer says it read these files' history alone.
    assert.match(
      (await panel.document.locator('.experts-status').textContent()) ?? '',
      /^From the history of these \d+ files alone: the whole history is still being read/,
    );
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'ticket-panel-experts.png') });
  });

  it('keeps the expert results when the page comes back after "Ask in an Internal Note…"', async () => {
    const page = current().workbench.page;
    const names = await panel.document.locator('.expert h3').allTextContents();
    await panel.document.locator('.expert').first().locator('vscode-button', { hasText: 'Ask in an Internal Note…' }).click();
    // The draft opens over the panel, whose page VS Code unloads while it is hidden.
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 15_000 });
    await panel.runCommand(page, 'Support Rotation: Discard Draft');
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Discard' }).click();
    await panel.waitForTicket('SUP-127');
    await panel.document.locator('.expert').first().waitFor({ timeout: 10_000 });
    assert.deepEqual(await panel.document.locator('.expert h3').allTextContents(), names);
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
      await useColourTheme(page, theme);
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

  it('shows when the ticket was opened and when each comment was written as an age, the exact time on hover', async () => {
    const page = current().workbench.page;
    // The queue is still shown in the sidebar; the themes test left the window narrow.
    await page.setViewportSize({ width: 1400, height: 900 });
    await view.ticketRow('SUP-119').click();
    await panel.waitForTicket('SUP-119');
    const opened = panel.document.locator('.ticket-facts dt', { hasText: 'Opened' }).locator('xpath=following-sibling::dd[1]/time');
    assert.equal(await opened.textContent(), '3 hours ago');
    assert.match((await opened.getAttribute('title')) ?? '', /^\w+day, \w+ \d{1,2}, \d{4}(,| at) \d{1,2}:\d{2}/);
    const written = panel.document.locator('.comment-meta time').first();
    assert.match((await written.textContent()) ?? '', / ago$|^yesterday$|^now$/);
    assert.match((await written.getAttribute('title')) ?? '', /\d{4}/);
  });

  it('opens the file of a stack frame at its line, by click and by keyboard', async () => {
    const page = current().workbench.page;
    const frame = panel.document.locator('a.code-reference', { hasText: '/srv/acme/services/api/src/db/pool.ts:28:20' });
    await frame.waitFor({ timeout: 15_000 });
    assert.equal(await panel.document.locator('a.code-reference', { hasText: 'node_modules' }).count(), 0, 'library frames are not links');
    await frame.click();
    const activeTab = page.locator('.editor-group-container.active .tab.active');
    const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
    await activeTab.filter({ hasText: 'pool.ts' }).waitFor({ timeout: 15_000 });
    await selection.filter({ hasText: 'Ln 28, Col 1' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'ticket-panel-code-link.png') });

    const inline = panel.document.locator('.description a.code-reference', { hasText: 'services/api/src/routes/orders.ts:41' });
    await inline.focus();
    await inline.press('Enter');
    await activeTab.filter({ hasText: 'orders.ts' }).waitFor({ timeout: 15_000 });
    await selection.filter({ hasText: 'Ln 41, Col 1' }).waitFor({ timeout: 10_000 });
  });

  it('shows links and ages readably in the light and dark themes', async () => {
    const page = current().workbench.page;
    // The editors the links opened sit in a group beside the panel, and it has the focus.
    await panel.runCommand(page, 'View: Close Editor Group');
    for (const [theme, file] of [
      ['Light 2026', 'ticket-panel-links-light.png'],
      ['Dark 2026', 'ticket-panel-links-dark.png'],
    ] as const) {
      await useColourTheme(page, theme);
      await panel.document.locator('a.code-reference').first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SCREENSHOT_DIR, file) });
    }
    const colour = await panel.document
      .locator('a.code-reference')
      .first()
      .evaluate((a) => a.ownerDocument.defaultView?.getComputedStyle(a).color);
    const textColour = await panel.document
      .locator('.description p')
      .first()
      .evaluate((p) => p.ownerDocument.defaultView?.getComputedStyle(p).color);
    assert.notEqual(colour, textColour, 'links stand out from the text in the theme');
  });

  it('shows the closed ticket that was the same fault under "Seen before?", with why and its fix, and opens it', async () => {
    const page = current().workbench.page;
    // One webview in the window, so that the panel's frames are this ticket's.
    await panel.runCommand(page, 'View: Close All Editors');
    await view.ticketRow('SUP-121').click();
    await panel.waitForTicket('SUP-121');
    const partner = panel.document.locator('.seen-before-item').first();
    // The index is built in the background on the first panel; it may still be reading the sample history.
    await partner.locator('.seen-before-commits').waitFor({ timeout: 90_000 });
    assert.match((await partner.locator('.seen-before-ticket').textContent()) ?? '', /^SUP-210 /);
    assert.match((await partner.locator('.seen-before-why').textContent()) ?? '', /Same error: .*timeout/i);
    assert.match((await partner.locator('.seen-before-commits').textContent()) ?? '', /Cap statements at 10 s/);
    await partner.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'ticket-panel-seen-before.png') });
    await partner.locator('.seen-before-ticket').focus();
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'SUP-210' }).waitFor({ timeout: 15_000 });
  });
});
