import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { useColourTheme } from './colourTheme';
import { QueueViewPage } from './queueViewPage';
import { TicketPanelPage } from './ticketPanelPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

describe('the rotation dashboard in the workbench (Chromium)', function () {
  this.timeout(180_000);
  const current = useWorkbenchSession('e2e-dashboard');
  const view = new QueueViewPage(() => current().workbench.page);
  // The dashboard is a webview like the ticket panel: the same two nested frames.
  const dashboard = new TicketPanelPage(() => current().workbench.page);

  it('opens from the queue’s title bar on the sample workspace and reads a year of escalations in the chart’s table', async () => {
    await view.open();
    await view.titleAction('Open Rotation Dashboard').click();
    const doc = dashboard.document;
    const rows = doc.locator('#escalations table.figures tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    assert.equal(await rows.count(), 12, 'twelve months');
    assert.equal(await doc.locator('#escalations canvas').count(), 1, 'the chart is drawn');
    const headings = await doc.locator('#escalations table.figures thead th').allTextContents();
    assert.deepEqual(headings.slice(0, 2), ['Month', 'S1']);
    assert.equal(headings.at(-1), 'All');
    const all = await doc.locator('#escalations table.figures tbody tr td:last-child').allTextContents();
    const opened = all.reduce((sum, cell) => sum + Number(cell), 0);
    assert.ok(opened >= 80, `${opened} escalations in the year`);
    assert.match((await doc.locator('.sources').textContent()) ?? '', /Local queue: \d+ tickets/);
    assert.ok((await doc.locator('.week-block').count()) === 4, 'this week: four blocks');
  });

  it('filters by team: the table follows', async () => {
    const doc = dashboard.document;
    const before = await doc.locator('#escalations table.figures tbody tr td:last-child').allTextContents();
    const sum = (cells: string[]) => cells.reduce((s, c) => s + Number(c), 0);
    const team = doc.locator('vscode-single-select[aria-label="Team"]');
    await team.locator('.select-face').click();
    // The list a person picks from is the select's own, drawn in its shadow root (the vscode-option elements only declare it).
    await team.locator('li[role="option"]', { hasText: /^\s*billing\s*$/ }).click();
    let after = before;
    for (let tries = 0; tries < 100 && sum(after) === sum(before); tries++) {
      await current().workbench.page.waitForTimeout(200);
      after = await doc.locator('#escalations table.figures tbody tr td:last-child').allTextContents();
    }
    assert.ok(sum(after) > 0 && sum(after) < sum(before), `billing ${sum(after)} of ${sum(before)}`);
  });

  it('comes back after a window reload with the team it was filtered on', async () => {
    const doc = dashboard.document;
    const cells = doc.locator('#escalations table.figures tbody tr td:last-child');
    const filtered = await cells.allTextContents();
    await dashboard.runCommand(current().workbench.page, 'Developer: Reload Window');
    await doc.locator('#escalations table.figures tbody tr').first().waitFor({ timeout: 60_000 });
    const team = doc.locator('vscode-single-select[aria-label="Team"]');
    assert.equal(await team.evaluate((select) => (select as unknown as { value: string }).value), 'billing');
    assert.deepEqual(await cells.allTextContents(), filtered);
  });

  it('draws in the dark and the light theme', async () => {
    const page = current().workbench.page;
    for (const [theme, file] of [
      ['Dark 2026', 'dashboard-dark.png'],
      ['Light 2026', 'dashboard-light.png'],
    ] as const) {
      await useColourTheme(page, theme);
      await page.waitForTimeout(1_000);
      await dashboard.document.locator('#escalations canvas').waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, file) });
    }
  });
});
