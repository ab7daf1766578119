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

  /** The colours a ticket row draws its marker and its text in, as the theme has them now. */
  async markerColours(key: string): Promise<{ marker: string; text: string }> {
    // No named helper inside: the page would not know the name-keeping wrapper the test's compiler adds.
    return this.ticketRow(key).evaluate((row) => {
      const view = row.ownerDocument.defaultView;
      const [icon, label] = [row.querySelector('.custom-view-tree-node-item-icon'), row.querySelector('.label-name')];
      return { marker: icon && view ? view.getComputedStyle(icon).color : '', text: label && view ? view.getComputedStyle(label).color : '' };
    });
  }

  /** A button in the view's title bar, by its title. */
  titleAction(title: string): Locator {
    return this.pane.locator(`.title-actions .action-label[aria-label^="${title}"]`);
  }

  /** The view's description beside its title: what is filtered. */
  async titleDescription(): Promise<string> {
    const texts = await this.pane.locator('.title .description, .title .title-description, .pane-header .description').allTextContents();
    return texts.join(' ').trim();
  }

  /** The view's message above the tree, and whether all of it is inside the sidebar. */
  async message(): Promise<{ text: string; whole: boolean }> {
    // Read at once, never waited for: the message may go while it is read.
    return this.pane.locator('.message').evaluateAll((elements) => {
      const element = elements.find((e) => (e.textContent ?? '').trim() !== '');
      if (!element) return { text: '', whole: false };
      const box = element.getBoundingClientRect();
      const sidebar = element.closest('.part.sidebar')?.getBoundingClientRect();
      const whole =
        sidebar !== undefined &&
        box.width > 0 &&
        box.left >= sidebar.left &&
        box.right <= sidebar.right + 0.5 &&
        element.scrollWidth <= element.clientWidth + 1;
      return { text: element.textContent ?? '', whole };
    });
  }

  /** In a multi-select quick pick: ticks the items whose labels start so, then accepts. */
  async pickMany(labels: readonly string[]): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.waitFor();
    for (const label of labels) {
      // The label may start with an icon, whose glyph is no text.
      const start = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
      const row = widget.locator('.monaco-list-row').filter({ hasText: start }).first();
      await row.locator('[role=checkbox]').click();
      // The row is itself a checkbox for screen readers: ticked, it says so.
      await row.and(this.page.locator('[aria-checked=true]')).waitFor();
    }
    // Enter on a ticked box would only untick it: accept from the input, as after typing to narrow.
    await widget.locator('.quick-input-box input').focus();
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
  }

  /** Every codicon name the running workbench has a glyph for, read from its style sheets. */
  async codiconsOfWorkbench(): Promise<Set<string>> {
    const names = await this.page.locator('body').evaluate((body) => {
      interface Sheet {
        readonly cssRules: ArrayLike<{ readonly selectorText?: string }>;
      }
      const found: string[] = [];
      for (const sheet of Array.from((body.ownerDocument as unknown as { styleSheets: ArrayLike<Sheet> }).styleSheets)) {
        let rules: Sheet['cssRules'];
        try {
          rules = sheet.cssRules;
        } catch {
          continue; // A style sheet from another origin cannot be read; codicons are not among them.
        }
        for (const rule of Array.from(rules)) {
          for (const match of (rule.selectorText ?? '').matchAll(/\.codicon-([a-z0-9-]+)::?before/g)) found.push(match[1] ?? '');
        }
      }
      return found;
    });
    return new Set(names);
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
