/**
 * Runs inside the extension host (`extensionTestsPath`) on the sample workspace: reads the
 * time activate() took, then claims tickets one by one and times each claim from the command
 * until the queue tree returns the ticket under "Assigned to me"; then opens the rotation dashboard
 * and an empty webview, one after the other, and times each from its opening until its page has drawn
 * (the page says so).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extensionApi, queueFilePath, ticketsUnder } from '../../integration/extensionApi';

const CLAIMS = 12;
// This file runs from out/bench/.
export const HOST_BENCH_RESULTS = join(__dirname, '..', '..', 'test-results', 'bench-host.json');
/** Which webview this window opens first, written by the runner before each window. */
export const HOST_BENCH_ORDER = join(__dirname, '..', '..', 'test-results', 'bench-host-order.json');

interface Paint {
  readonly totalMs: number;
  /** From the page's navigation to its report. */
  readonly pageMs: number;
}

interface FileTicket {
  id: string;
  status: string;
  assignee: string | null;
}

async function claimUntilShown(ticket: FileTicket): Promise<number> {
  const api = await extensionApi();
  const started = performance.now();
  const outcome = await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'local', id: ticket.id });
  if (outcome !== 'ok') throw new Error(`claiming ${ticket.id} gave ${String(outcome)}`);
  // The tree usually has it when the command returns; poll without a delay in case it does not.
  // A row reads "KEY title" or, with an SLA clock, "KEY · clock · title".
  while (!ticketsUnder(await api.snapshotNow(), 'Assigned to me').some((row) => row.startsWith(`${ticket.id} `))) {
    if (performance.now() - started > 10_000) throw new Error(`${ticket.id} never appeared under "Assigned to me"`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return performance.now() - started;
}

/**
 * From "Open Rotation Dashboard" (its bundle loaded, the history read) until the page reports its
 * first drawn figures; and the page's own part, from its navigation to the drawn figures.
 */
async function dashboardFirstPaint(): Promise<Paint> {
  const api = await extensionApi();
  const started = performance.now();
  await vscode.commands.executeCommand('supportRotation.openDashboard');
  for (let paint = api.dashboardFirstPaint(); ; paint = api.dashboardFirstPaint()) {
    if (paint) return { totalMs: performance.now() - started, pageMs: paint.pageMs };
    if (performance.now() - started > 30_000) throw new Error('the rotation dashboard never drew its figures');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * VS Code's own floor for any webview here: an empty page under the same kind of CSP that, like the
 * dashboard, reports once its first frame has been produced. Timed the same way, from the call to the report.
 */
async function emptyWebviewFirstPaint(): Promise<Paint> {
  const started = performance.now();
  const panel = vscode.window.createWebviewPanel('supportRotationBench.empty', 'Empty', vscode.ViewColumn.Active, { enableScripts: true });
  const nonce = randomBytes(18).toString('base64');
  const painted = new Promise<Paint>((resolve) => {
    panel.webview.onDidReceiveMessage((pageMs: unknown) => resolve({ totalMs: performance.now() - started, pageMs: Number(pageMs) }));
  });
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head>
<body><p>Empty</p><script nonce="${nonce}">requestAnimationFrame(() => setTimeout(() => acquireVsCodeApi().postMessage(performance.now())));</script></body></html>`;
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the empty webview never reported')), 30_000).unref());
  return Promise.race([painted, timeout]);
}

/**
 * Opens one, then the other beside it: the first pays for what VS Code does once per window for
 * webviews. (Closing the first before opening the second costs the second about 3 s here, an empty
 * page as much as the dashboard, so that order would measure VS Code's disposal instead.)
 */
async function firstPaints(dashboardFirst: boolean): Promise<{ dashboard: Paint; empty: Paint }> {
  if (dashboardFirst) {
    const dashboard = await dashboardFirstPaint();
    return { dashboard, empty: await emptyWebviewFirstPaint() };
  }
  const empty = await emptyWebviewFirstPaint();
  return { empty, dashboard: await dashboardFirstPaint() };
}

export async function run(): Promise<void> {
  const api = await extensionApi();
  await api.snapshot();
  const queue = JSON.parse(readFileSync(queueFilePath(), 'utf8')) as { tickets: FileTicket[] };
  const unclaimed = queue.tickets.filter((t) => t.assignee === null && !['solved', 'closed'].includes(t.status)).slice(0, CLAIMS);
  const claimMs: number[] = [];
  for (const ticket of unclaimed) claimMs.push(await claimUntilShown(ticket));
  const { dashboardFirst } = JSON.parse(readFileSync(HOST_BENCH_ORDER, 'utf8')) as { dashboardFirst: boolean };
  const paints = await firstPaints(dashboardFirst);
  writeFileSync(HOST_BENCH_RESULTS, `${JSON.stringify({ activationMs: api.activationMs, claimMs, dashboardFirst, ...paints }, null, 2)}\n`);
}
