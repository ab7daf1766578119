/**
 * The ticket panel as an attacker sees it: a ticket whose every customer field carries the
 * classic payloads. Nothing may run (no dialog, no probe set in any frame), and the reader must
 * still see the text as the customer wrote it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { QueueViewPage } from './queueViewPage';
import { TicketPanelPage } from './ticketPanelPage';
import { SCREENSHOT_DIR, useWorkbenchSession } from './workbenchSession';

const KEY = 'SUP-666';
// A real file of the sample, wrapped in markup: the reference is a link, the markup stays text.
const CODE_REFERENCE = '<img src=x onerror="window.__pwned=1">services/api/src/errors.ts:16<script>window.__pwned=1</script>';
const TITLE = `<img src=x onerror="window.__pwned=1"> Checkout broken <script>window.__pwned=1</script>`;

function hostileTicket(): Record<string, unknown> {
  return {
    id: KEY,
    title: TITLE,
    severity: 2,
    status: 'open',
    assignee: null,
    createdAt: new Date().toISOString(),
    description: [...XSS_PAYLOADS, CODE_REFERENCE].join('\n\n'),
    requester: XSS_PAYLOADS[8],
    organization: XSS_PAYLOADS[30],
    region: '<b>EMEA</b>',
    team: '"><svg/onload=window.__pwned=1>',
    labels: XSS_PAYLOADS.slice(0, 6),
    // The queue file accepts only http(s) addresses; this one carries markup in its query.
    url: 'https://support.example.com/t/666?q="><script>window.__pwned=1</script>',
    comments: XSS_PAYLOADS.map((body, i) => ({
      author: XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length],
      createdAt: new Date(Date.now() - (100 - i) * 60_000).toISOString(),
      body,
      internal: i % 2 === 0,
    })),
  };
}

describe('the ticket panel against hostile ticket text (Chromium)', function () {
  this.timeout(120_000);
  const current = useWorkbenchSession('e2e-security');
  const view = new QueueViewPage(() => current().workbench.page);
  const panel = new TicketPanelPage(() => current().workbench.page);

  it(`runs none of ${XSS_PAYLOADS.length} payloads in title, description, comments, requester and labels, and shows them as text`, async () => {
    const page = current().workbench.page;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const queueFile = join(current().workspace, '.support', 'queue.json');
    const queue = JSON.parse(readFileSync(queueFile, 'utf8')) as { tickets: unknown[] };
    queue.tickets.push(hostileTicket());
    writeFileSync(queueFile, JSON.stringify(queue, null, 2));

    await view.open();
    await view.ticketRow(KEY).click({ timeout: 20_000 });
    await panel.waitForTicket(KEY);
    const doc = panel.document;

    // The reader sees what the customer wrote, as text.
    assert.equal(await doc.locator('h1.ticket-title').textContent(), TITLE);
    assert.equal(await doc.locator('.ticket-facts dt', { hasText: 'Requester' }).locator('xpath=following-sibling::dd[1]').textContent(), XSS_PAYLOADS[8]);
    assert.deepEqual(await doc.locator('.labels .label').allTextContents(), XSS_PAYLOADS.slice(0, 6));
    assert.equal(await doc.locator('.comment').count(), XSS_PAYLOADS.length);
    assert.match((await doc.locator('.description .markdown').textContent()) ?? '', /<script>window\.__pwned=1<\/script>/);

    // Nothing the payloads would create exists, and every link goes through the extension's check.
    for (const tag of ['script:not([nonce])', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'meta', 'base', 'template', 'style']) {
      assert.equal(await doc.locator(`#app ${tag}`).count(), 0, `<${tag}> in the panel`);
    }
    const hrefs = await doc.locator('#app a[href]:not(.code-reference)').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) assert.match(href, /^(https?:|mailto:)/i);
    for (const link of await doc.locator('#app a:not(.code-reference)').all()) await link.click({ timeout: 2_000 }).catch(() => undefined);
    await page.mouse.move(10, 10);
    await page.waitForTimeout(1_500);

    // The probe is unset everywhere: the workbench and each of its frames.
    const probes = await Promise.all(page.frames().map((frame) => frame.evaluate(() => (globalThis as { __pwned?: number }).__pwned).catch(() => undefined)));
    assert.deepEqual(
      probes.filter((p) => p !== undefined),
      [],
    );
    assert.deepEqual(dialogs, []);
    await doc.locator('body').evaluate((body) => body.ownerDocument.defaultView?.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'ticket-panel-hostile.png') });
  });

  it('turns a file named among the payloads into a link that opens only what the extension resolved', async () => {
    const page = current().workbench.page;
    const doc = panel.document;
    // The first test clicked every link: VS Code still asks whether to open the web addresses.
    while ((await page.locator('.monaco-dialog-box').count()) > 0)
      await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Cancel' }).first().click();
    const link = doc.locator('a.code-reference', { hasText: 'services/api/src/errors.ts:16' });
    await link.waitFor({ timeout: 15_000 });
    assert.equal(await link.getAttribute('href'), '#');
    assert.match((await link.getAttribute('data-reference')) ?? '', /^[A-Za-z0-9_-]{8,64}$/);
    assert.equal(await doc.locator('a.code-reference').count(), 1, 'only the file the extension resolved');

    // A page that puts a path where the id goes gets nothing opened.
    await link.evaluate((a) => a.setAttribute('data-reference', 'services/api/src/db/pool.ts'));
    await link.click();
    await page.waitForTimeout(1_500);
    assert.equal(await page.locator('.tab', { hasText: 'pool.ts' }).count(), 0);
    assert.equal(await page.locator('.tab', { hasText: 'errors.ts' }).count(), 0);

    const probes = await Promise.all(page.frames().map((frame) => frame.evaluate(() => (globalThis as { __pwned?: number }).__pwned).catch(() => undefined)));
    assert.deepEqual(
      probes.filter((p) => p !== undefined),
      [],
    );
  });
});
