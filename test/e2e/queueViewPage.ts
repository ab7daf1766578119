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

  /** Drags the sidebar's edge until the sidebar is `width` pixels wide. */
  async resizeTo(width: number): Promise<number> {
    const pane = await this.pane.boundingBox();
    if (pane) await this.widenTo(pane.x + width);
    return (await this.pane.boundingBox())?.width ?? 0;
  }

  /**
   * What a person can read of a ticket's row without hovering: the label's text up to where the
   * row cuts it off, and the codicon in front of it when that icon is inside the sidebar.
   */
  async readableRow(key: string): Promise<{ text: string; icon: string | undefined }> {
    return this.ticketRow(key).evaluate((row) => {
      const clip = row.querySelector('.monaco-icon-label-container') ?? row;
      const right = Math.min(clip.getBoundingClientRect().right, row.getBoundingClientRect().right);
      const name = row.querySelector('.label-name');
      const range = row.ownerDocument.createRange();
      let text = '';
      // 4 is NodeFilter.SHOW_TEXT; the tests compile without the DOM library's globals.
      const walker = row.ownerDocument.createTreeWalker(name ?? row, 4);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          if (range.getBoundingClientRect().right > right + 0.5) return { text, icon: iconOf() };
          text += node.textContent?.[i] ?? '';
        }
      }
      return { text, icon: iconOf() };

      function iconOf(): string | undefined {
        const icon = row.querySelector('.custom-view-tree-node-item-icon');
        const box = icon?.getBoundingClientRect();
        if (!icon || !box || box.width === 0 || box.right > right) return undefined;
        return [...icon.classList].find((c) => c.startsWith('codicon-'))?.slice('codicon-'.length);
      }
    });
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
