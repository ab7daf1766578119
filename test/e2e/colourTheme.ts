import type { Page } from 'playwright-core';

/** Switches the whole workbench's colour theme with the theme picker (Ctrl+K Ctrl+T), as a person does. */
export async function useColourTheme(page: Page, theme: string): Promise<void> {
  // The keys must reach the workbench, not a webview.
  await page.locator('.part.statusbar').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(theme);
  const row = page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^${theme}$`) }).first();
  await row.click();
  await input.waitFor({ state: 'hidden' });
}
