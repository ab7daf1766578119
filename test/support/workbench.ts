/** Drives the real VS Code web workbench in Debian's Chromium through playwright-core. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags that work headless on a machine without a GPU, sandbox support or network beyond loopback. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Workbench {
  readonly page: Page;
  /** Resolves with the code the workbench reports when an extension test suite ends. */
  readonly automationExit: Promise<number>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  readonly viewport?: { width: number; height: number };
  readonly colorScheme?: 'light' | 'dark';
}

function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Chromium is not installed (looked for ${CHROMIUM_CANDIDATES.join(', ')}); run .ci/run or install the 'chromium' package.`);
  return found;
}

export async function openWorkbench(url: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, colorScheme: options.colorScheme ?? 'dark' });
    const page = await context.newPage();
    let reportExit: (code: number) => void = () => undefined;
    const automationExit = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await page.goto(url);
    return {
      page,
      automationExit,
      close: async () => {
        await browser.close();
      },
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}
