/** The ticket panel as a person sees it: a webview (two nested frames) inside the workbench. */
import type { FrameLocator, Page } from 'playwright-core';

export class TicketPanelPage {
  constructor(private readonly pageOf: () => Page) {}

  /** The panel's own document, inside VS Code's webview host frame. */
  get document(): FrameLocator {
    return this.pageOf().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** A window reload on a busy machine restarts the extension host: half a minute is not always enough. */
  async waitForTicket(key: string): Promise<void> {
    await this.document.locator('.ticket-key', { hasText: key }).waitFor({ timeout: 60_000 });
  }

  /** Runs a command from the command palette, as a person types it. */
  async runCommand(page: Page, title: string): Promise<void> {
    await page.locator('.part.statusbar').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: title }).first().click();
  }
}
