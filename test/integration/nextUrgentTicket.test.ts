import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { eventually, extensionApi, queueFilePath } from './extensionApi';

interface RawTicket {
  id: string;
  key?: string;
  severity: number | null;
  status: string;
  assignee: string | null;
  createdAt: string;
  slaDueAt?: string;
}

const ME = 'sam.taylor@example.com';
const HIDDEN = new Set(['solved', 'closed', 'resolved', 'done', 'handed-off']);
const TARGET_MINUTES: Record<number, number> = { 1: 30, 2: 240, 3: 480, 4: 1440 };

/** The documented rule, computed here from the file: of the tickets unclaimed or mine, a breached one
 * first (severity, then the most overdue); else the soonest deadline. */
function expectedMostUrgent(tickets: RawTicket[], now: number): RawTicket | undefined {
  const due = (t: RawTicket): number =>
    t.slaDueAt ? Date.parse(t.slaDueAt) : t.severity === null ? Infinity : Date.parse(t.createdAt) + (TARGET_MINUTES[t.severity] ?? 0) * 60_000;
  const open = tickets.filter((t) => !HIDDEN.has(t.status) && (t.assignee === null || t.assignee.toLowerCase() === ME));
  const breached = open.filter((t) => due(t) < now).sort((a, b) => (a.severity ?? 5) - (b.severity ?? 5) || due(a) - due(b));
  return breached[0] ?? open.sort((a, b) => due(a) - due(b) || (a.severity ?? 5) - (b.severity ?? 5))[0];
}

const openPanelTitles = (): string[] =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview).map((tab) => tab.label));

describe('Next Urgent Ticket in a real VS Code', () => {
  it('opens the most urgent ticket that is unclaimed or mine: a breached one before one only due', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const tickets = (JSON.parse(await readFile(queueFilePath(), 'utf8')) as { tickets: RawTicket[] }).tickets;
    const expected = expectedMostUrgent(tickets, Date.now());
    assert.ok(expected, 'the sample has an open ticket');
    const key = expected.key ?? expected.id;

    assert.equal(await vscode.commands.executeCommand('supportRotation.nextUrgentTicket'), key);
    const titles = await eventually(
      async () => openPanelTitles(),
      (list) => list.some((title) => title.startsWith(`${key} `)),
    );
    assert.ok(
      titles.some((title) => title.startsWith(`${key} `)),
      titles.join(' | '),
    );
  });
});
