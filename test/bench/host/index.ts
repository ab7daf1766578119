/**
 * Runs inside the extension host (`extensionTestsPath`) on the sample workspace: reads the
 * time activate() took, then claims tickets one by one and times each claim from the command
 * until the queue tree returns the ticket under "Assigned to me"; then opens the rotation dashboard
 * and times it from the command until its page has drawn the figures (the page says so).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extensionApi, queueFilePath, ticketsUnder } from '../../integration/extensionApi';

const CLAIMS = 12;
// This file runs from out/bench/.
export const HOST_BENCH_RESULTS = join(__dirname, '..', '..', 'test-results', 'bench-host.json');

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
async function dashboardFirstPaint(): Promise<{ dashboardMs: number; dashboardPageMs: number }> {
  const api = await extensionApi();
  const started = performance.now();
  await vscode.commands.executeCommand('supportRotation.openDashboard');
  for (let paint = api.dashboardFirstPaint(); ; paint = api.dashboardFirstPaint()) {
    if (paint) return { dashboardMs: performance.now() - started, dashboardPageMs: paint.pageMs };
    if (performance.now() - started > 30_000) throw new Error('the rotation dashboard never drew its figures');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export async function run(): Promise<void> {
  const api = await extensionApi();
  await api.snapshot();
  const queue = JSON.parse(readFileSync(queueFilePath(), 'utf8')) as { tickets: FileTicket[] };
  const unclaimed = queue.tickets.filter((t) => t.assignee === null && !['solved', 'closed'].includes(t.status)).slice(0, CLAIMS);
  const claimMs: number[] = [];
  for (const ticket of unclaimed) claimMs.push(await claimUntilShown(ticket));
  const dashboard = await dashboardFirstPaint();
  writeFileSync(HOST_BENCH_RESULTS, `${JSON.stringify({ activationMs: api.activationMs, claimMs, ...dashboard }, null, 2)}\n`);
}
