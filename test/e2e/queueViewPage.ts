/** The queue view as a person sees it in the workbench: what they read, click and right-click. */
import type { Locator, Page } from 'playwright-core';

export interface QueueRow {
  readonly level: number;
  readonly label: string;
  readonly description: string;
  /** The screen reader's text, which names the severity, SLA and assignee in words. */
  readonly ariaLabel: string;
}

const ROW = '.monaco-list-row[role=treeitem]';

export class QueueViewPage {
  /** The page is looked up on each use: the suite's session starts after the page object exists. */
  constructor(private readonly pageOf: () => Page) {}

  private get page(): Page {
    return this.pageOf();
  }

  get activityBarEntry(): Locator {
    // The entry's accessible name is the container title, plus the badge's meaning when it has one.
    return this.page.locator('.activitybar a[aria-label^="Support Rotation"]');
  }

  get pane(): Locator {
    return this.page.locator('.part.sidebar');
  }

  async open(): Promise<void> {
    await this.activityBarEntry.click({ timeout: 60_000 });
    // Away from the activity bar, whose hover would cover the first rows.
    await this.page.mouse.move(700, 450);
    await this.pane.locator(ROW).first().waitFor({ timeout: 30_000 });
  }

  async rows(): Promise<QueueRow[]> {
    return this.pane.locator(ROW).evaluateAll((elements) =>
      elements.map((row) => ({
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
        ariaLabel: row.getAttribute('aria-label') ?? '',
      })),
    );
  }

  /** Ticket keys under a top-level group, in the order shown (sub-groups flattened). */
  async keysUnder(group: string): Promise<string[]> {
    const rows = await this.rows();
    const start = rows.findIndex((r) => r.level === 1 && r.label === group);
    if (start < 0) return [];
    const end = rows.findIndex((r, i) => i > start && r.level === 1);
    return rows
      .slice(start + 1, end < 0 ? undefined : end)
      .map((r) => /^(\S+-\d+) /.exec(r.label)?.[1])
      .filter((key): key is string => key !== undefined);
  }

  /** The ticket's row; with `ending`, only once its accessible name ends so (e.g. `unclaimed`). */
  ticketRow(key: string, ending?: string): Locator {
    const end = ending === undefined ? '' : `[aria-label$=", ${ending}"]`;
    return this.pane.locator(`${ROW}[aria-label^="${key},"]${end}`);
  }

  async chooseFromContextMenu(row: Locator, item: string): Promise<void> {
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view.monaco-menu-container');
    const entry = menu.locator('.action-item', { hasText: item });
    // The menu ignores a click that arrives before it has taken focus: point first, as a person does.
    await entry.hover();
    await menu.locator('.action-item.focused', { hasText: item }).waitFor();
    await entry.click();
    await menu.waitFor({ state: 'hidden' });
  }

  async clickInlineAction(row: Locator, action: string): Promise<void> {
    await row.hover();
    await row.locator(`.actions .action-label[aria-label="${action}"]`).click();
  }

  async badge(): Promise<string> {
    return (await this.page.locator('.activitybar li.action-item[aria-label^="Support Rotation"] .badge-content').textContent()) ?? '';
  }

  /** Drags the sidebar's edge so that ticket titles are readable in screenshots. */
  async widenTo(width: number): Promise<void> {
    const sash = this.page.locator('.monaco-sash.primary-sidebar-sash');
    const box = await sash.boundingBox();
    if (!box) return;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(width, y, { steps: 5 });
    await this.page.mouse.up();
  }
}
