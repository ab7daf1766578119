import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { answerQuickPicks, type AnsweredQuickPicks } from './windowStubs';

interface FileTicket {
  id: string;
  title: string;
  severity: number | null;
  status: string;
  revision?: number;
}

const readQueue = (): { tickets: FileTicket[] } => JSON.parse(readFileSync(queueFilePath(), 'utf8'));
const fileTicket = (id: string): FileTicket | undefined => readQueue().tickets.find((t) => t.id === id);
const ref = (id: string): { sourceId: string; id: string } => ({ sourceId: 'local', id });
const choose = (label: string) => (items: vscode.QuickPickItem[]) => items.find((item) => item.label === label);

describe('triage in a real VS Code: severity and status from the queue, the palette and the panel', () => {
  let picks: AnsweredQuickPicks | undefined;
  afterEach(() => {
    picks?.restore();
    picks = undefined;
  });

  it('triages the untriaged "URGENT!!! nothing works" to S2, and the file says so', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const urgent = readQueue().tickets.find((t) => t.title === 'URGENT!!! nothing works');
    assert.ok(urgent && urgent.severity === null, 'the sample has it untriaged');
    picks = answerQuickPicks(choose('S2'));
    assert.equal(await vscode.commands.executeCommand('supportRotation.setSeverity', ref(urgent.id)), 'ok');
    assert.deepEqual(
      picks.shown[0]?.map((item) => item.label),
      ['S1', 'S2', 'S3', 'S4'],
    );
    const written = fileTicket(urgent.id);
    assert.deepEqual([written?.severity, written?.status], [2, 'new']);
    assert.equal(written?.revision, (urgent.revision ?? 0) + 1);
  });

  it('marks another ticket solved from the palette: the file records it and the queue no longer shows it', async () => {
    const api = await extensionApi();
    const before = fileTicket('SUP-112');
    assert.equal(before?.status, 'open');
    picks = answerQuickPicks((items) => items.find((item) => item.label.startsWith('SUP-112 ')) ?? choose('solved')(items));
    assert.equal(await vscode.commands.executeCommand('supportRotation.setStatus'), 'ok');
    assert.deepEqual(
      picks.shown[1]?.map((item) => item.label),
      ['new', 'open', 'pending', 'solved', 'closed'],
    );
    assert.equal(picks.shown[1]?.find((item) => item.label === 'open')?.description, 'current');
    assert.equal(fileTicket('SUP-112')?.status, 'solved');
    const labels = JSON.stringify(await api.snapshotNow());
    assert.ok(!labels.includes('SUP-112 '), 'solved is among the hidden statuses');
  });

  it('sets the status from the ticket panel through its validated message', async () => {
    const api = await extensionApi();
    const urgent = readQueue().tickets.find((t) => t.title === 'URGENT!!! nothing works');
    assert.ok(urgent);
    await vscode.commands.executeCommand('supportRotation.openTicket', ref(urgent.id));
    picks = answerQuickPicks(choose('pending'));
    assert.equal(await api.postToTicketPanel(ref(urgent.id), { type: 'runAction', action: 'setStatus' }), true);
    const status = await eventually(
      async () => fileTicket(urgent.id)?.status,
      (s) => s === 'pending',
    );
    assert.equal(status, 'pending');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
