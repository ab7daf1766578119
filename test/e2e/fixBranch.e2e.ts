import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueViewPage } from './queueViewPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

describe('from a ticket to its fix branch, in the workbench (Chromium)', function () {
  this.timeout(120_000);
  const current = useWorkbenchSession('e2e-fix-branch');
  const view = new QueueViewPage(() => current().workbench.page);

  it('creates the branch from the context menu; the status bar shows the branch and the active ticket', async () => {
    await view.open();
    const key = (await view.keysUnder('Unclaimed'))[0];
    assert.ok(key);
    await view.chooseFromContextMenu(view.ticketRow(key), 'Create Fix Branch');

    const page = current().workbench.page;
    const activeTicket = page.locator(`.statusbar-item [aria-label^="Active ticket ${key}, "], .statusbar-item[aria-label^="Active ticket ${key}, "]`).first();
    await activeTicket.waitFor({ timeout: 20_000 });
    const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: current().workspace, encoding: 'utf8' }).trim();
    assert.match(branch, new RegExp(`^support/${key}-`));
    await page.locator(`.statusbar-item`, { hasText: branch }).first().waitFor({ timeout: 20_000 });
    assert.match((await activeTicket.textContent()) ?? '', new RegExp(`${key} · S\\d · `));

    await view.ticketRow(key, `claimed by sam.taylor@example.com`).waitFor({ timeout: 10_000 });
    const queue = JSON.parse(readFileSync(join(current().workspace, '.support', 'queue.json'), 'utf8')) as {
      tickets: { id: string; links?: { name: string }[] }[];
    };
    assert.deepEqual(
      queue.tickets.find((t) => t.id === key)?.links?.map((l) => l.name),
      [branch],
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'fix-branch-status-bar.png') });
  });
});
