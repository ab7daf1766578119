import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { startOnTheQueue } from '../support/demoSettings';
import { TicketPanelPage } from './ticketPanelPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

describe('the first run, as `npm start` opens it (Chromium)', function () {
  this.timeout(120_000);
  const current = useWorkbenchSession('e2e-first-run', startOnTheQueue);
  const panel = new TicketPanelPage(() => current().workbench.page);

  it('opens on the queue, focused, with the most urgent ticket unclaimed or mine in its panel', async () => {
    const page = current().workbench.page;
    // SUP-115: the most severe of the breached tickets that are unclaimed or mine in the sample (S2, breached).
    await panel.waitForTicket('SUP-115');
    const queue = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /Queue/ }) });
    await queue.locator('.monaco-list-row').first().waitFor();
    const focusIsInQueue = async (): Promise<boolean> =>
      page.evaluate(() => {
        // The tests compile without the DOM library's globals.
        const doc = (globalThis as unknown as { document: { activeElement: { closest(selector: string): unknown } | null } }).document;
        const active = doc.activeElement;
        return active !== null && active.closest('.part.sidebar .pane-body') !== null;
      });
    const deadline = Date.now() + 15_000;
    while (!(await focusIsInQueue()) && Date.now() < deadline) await page.waitForTimeout(250);
    assert.ok(await focusIsInQueue(), 'the keyboard starts in the queue');
    const tabs = await page.locator('.tabs-container .tab .label-name').allTextContents();
    assert.ok(
      tabs.some((t) => t.startsWith('SUP-115')),
      tabs.join(' | '),
    );
    assert.ok(!tabs.some((t) => /welcome/i.test(t)), `no welcome page: ${tabs.join(' | ')}`);
    assert.equal(await page.locator('.part.auxiliarybar').isVisible(), false, 'no chat beside the editor');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-run.png') });
  });
});
