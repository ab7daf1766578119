import { strict as assert } from 'node:assert';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { eventually, extensionApi, queueFilePath } from './extensionApi';

interface RawTicket {
  id: string;
  status: string;
  assignee: string | null;
}

const ME = 'sam.taylor@example.com';
const COLLEAGUE = 'mei.chen@example.com';

const readQueue = async (): Promise<{ tickets: RawTicket[] }> => JSON.parse(await readFile(queueFilePath(), 'utf8'));
const assigneeOf = async (id: string): Promise<string | null | undefined> => (await readQueue()).tickets.find((t) => t.id === id)?.assignee;

/** Answers the release's message with Undo, after `meanwhile` (what a colleague does before the click). */
function clickUndo(meanwhile: () => Promise<void>): { readonly messages: string[]; restore(): void } {
  const window = vscode.window as unknown as Record<'showInformationMessage' | 'showWarningMessage', (...args: unknown[]) => Thenable<unknown>>;
  const originals = { info: window.showInformationMessage, warning: window.showWarningMessage };
  const messages: string[] = [];
  window.showInformationMessage = async (message: unknown, ...items: unknown[]) => {
    messages.push(String(message));
    if (!String(message).startsWith('Released ') || !items.includes('Undo')) return undefined;
    await meanwhile();
    return 'Undo';
  };
  window.showWarningMessage = async (message: unknown) => void messages.push(String(message));
  return {
    messages,
    restore: () => {
      window.showInformationMessage = originals.info;
      window.showWarningMessage = originals.warning;
    },
  };
}

async function claimedTicket(): Promise<string> {
  const api = await extensionApi();
  await api.snapshot();
  const target = (await readQueue()).tickets.find((t) => t.assignee === null && t.status !== 'solved' && t.status !== 'handed-off');
  assert.ok(target, 'the sample has an unclaimed ticket');
  assert.equal(await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'local', id: target.id }), 'ok');
  return target.id;
}

describe('releasing a ticket by mistake in a real VS Code', () => {
  let stub: ReturnType<typeof clickUndo> | undefined;
  afterEach(() => stub?.restore());

  it('offers Undo, which claims the ticket back', async () => {
    const id = await claimedTicket();
    stub = clickUndo(async () => assert.equal(await assigneeOf(id), null, 'released before Undo'));
    assert.equal(await vscode.commands.executeCommand('supportRotation.release', { sourceId: 'local', id }), 'ok');
    assert.equal(
      await eventually(
        () => assigneeOf(id),
        (a) => a === ME,
      ),
      ME,
      stub.messages.join(' | '),
    );
    assert.ok(stub.messages.includes(`Released ${id}. It is unclaimed now.`), stub.messages.join(' | '));
  });

  it('leaves the ticket to a colleague who claimed it before Undo, and says so', async () => {
    const id = await claimedTicket();
    stub = clickUndo(async () => {
      const queue = await readQueue();
      const ticket = queue.tickets.find((t) => t.id === id);
      assert.ok(ticket);
      ticket.assignee = COLLEAGUE;
      await writeFile(queueFilePath(), JSON.stringify(queue, null, 2));
    });
    assert.equal(await vscode.commands.executeCommand('supportRotation.release', { sourceId: 'local', id }), 'ok');
    const said = await eventually(
      async () => stub?.messages.join(' | ') ?? '',
      (text) => text.includes('already claimed by'),
    );
    assert.ok(said.includes(`${id} is already claimed by ${COLLEAGUE}.`), said);
    assert.equal(await assigneeOf(id), COLLEAGUE, 'never overwritten');
  });
});
