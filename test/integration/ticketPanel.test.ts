import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { answerDialogs, type AnsweredDialogs } from './windowStubs';

interface FileTicket {
  id: string;
  assignee: string | null;
  comments?: { author: string; body: string; internal: boolean }[];
}

const fileTicket = (id: string): FileTicket | undefined =>
  (JSON.parse(readFileSync(queueFilePath(), 'utf8')) as { tickets: FileTicket[] }).tickets.find((t) => t.id === id);
const REF = { sourceId: 'local', id: 'SUP-119' };

describe('the ticket panel in a real VS Code', () => {
  let dialogs: AnsweredDialogs | undefined;

  afterEach(() => {
    dialogs?.restore();
    dialogs = undefined;
  });

  it('opens one panel per ticket and reuses it', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const first = await vscode.commands.executeCommand<string>('supportRotation.openTicket', REF);
    const again = await vscode.commands.executeCommand<string>('supportRotation.openTicket', REF);
    assert.equal(first, 'local:SUP-119');
    assert.equal(again, first);
    const tabs = await eventually(
      async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('SUP-119 ')),
      (found) => found.length > 0,
    );
    assert.equal(tabs.length, 1, tabs.map((t) => t.label).join(' | '));
  });

  it('sends an internal note from the compose box: written with internal: true', async () => {
    const api = await extensionApi();
    const before = fileTicket('SUP-119')?.comments?.length ?? 0;
    assert.equal(
      await api.postToTicketPanel(REF, { type: 'sendNote', requestId: 'r1', body: 'Duplicate key comes from the retry path; see orders.ts.' }),
      true,
    );
    const after = await eventually(
      async () => fileTicket('SUP-119')?.comments ?? [],
      (c) => c.length === before + 1,
    );
    assert.deepEqual([after.at(-1)?.body, after.at(-1)?.internal], ['Duplicate key comes from the retry path; see orders.ts.', true]);
  });

  it('asks before a public reply, writes nothing when declined, and writes it as public when confirmed', async () => {
    const api = await extensionApi();
    const before = fileTicket('SUP-119')?.comments?.length ?? 0;
    dialogs = answerDialogs({});
    await api.postToTicketPanel(REF, { type: 'sendReply', requestId: 'r2', body: 'We found the cause.' });
    assert.ok(
      dialogs.messages.some((m) => m === 'Send this reply to the customer on SUP-119?'),
      dialogs.messages.join(' | '),
    );
    assert.equal(fileTicket('SUP-119')?.comments?.length, before, 'declined: nothing written');
    dialogs.restore();

    dialogs = answerDialogs({ 'Send this reply to the customer': 'Send to Customer' });
    await api.postToTicketPanel(REF, { type: 'sendReply', requestId: 'r3', body: 'We found the cause.' });
    const written = fileTicket('SUP-119')?.comments?.at(-1);
    assert.deepEqual([written?.body, written?.internal], ['We found the cause.', false]);
  });

  it('ignores messages outside the protocol', async () => {
    const api = await extensionApi();
    const before = readFileSync(queueFilePath(), 'utf8');
    for (const message of [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'runAction', action: 'deleteTicket' },
      { type: 'sendNote', body: 'no id' },
      'claim',
    ]) {
      await api.postToTicketPanel(REF, message);
    }
    assert.equal(readFileSync(queueFilePath(), 'utf8'), before);
  });
});
