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

describe('code references in the ticket panel', () => {
  // A Ruby stack: opening its file starts no language server that would load the machine for the suites after this one.
  const TICKET = { sourceId: 'local', id: 'SUP-112' };
  const FRAME = '/srv/acme/services/billing/app/services/billing/invoice.rb:33';

  async function linksOf(api: Awaited<ReturnType<typeof extensionApi>>): Promise<readonly { key: string; id: string }[]> {
    await vscode.commands.executeCommand('supportRotation.openTicket', TICKET);
    return eventually(
      async () => api.ticketPanelReferences(TICKET) ?? [],
      (links) => links.some((l) => l.key === FRAME),
    );
  }

  const openFiles = (): string[] => vscode.window.visibleTextEditors.map((e) => vscode.workspace.asRelativePath(e.document.uri));

  it('gives the page an id for each reference that names one workspace file, and none for library frames', async () => {
    const links = await linksOf(await extensionApi());
    const keys = links.map((l) => l.key);
    assert.ok(keys.includes(FRAME), keys.join(' | '));
    assert.ok(keys.includes('/srv/acme/services/billing/app/jobs/renewal_job.rb:23'), keys.join(' | '));
    assert.ok(!keys.some((k) => k.includes('/gems/')), keys.join(' | '));
    assert.ok(
      links.every((l) => !/[/.]/.test(l.id)),
      'ids say nothing of the path',
    );
  });

  it('opens the file at the line when the page asks for a valid id', async () => {
    const api = await extensionApi();
    const id = (await linksOf(api)).find((l) => l.key === FRAME)?.id ?? '';
    assert.equal(await api.postToTicketPanel(TICKET, { type: 'openReference', id }), true);
    const editor = await eventually(
      async () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.path.endsWith('/services/billing/app/services/billing/invoice.rb') === true,
    );
    assert.equal(editor && vscode.workspace.asRelativePath(editor.document.uri), 'services/billing/app/services/billing/invoice.rb');
    assert.equal(editor?.selection.active.line, 32, 'line 33, counted from 1');
  });

  it('refuses an id it did not issue, and a path in place of an id', async () => {
    const api = await extensionApi();
    await linksOf(api);
    for (const message of [
      { type: 'openReference', id: 'AAAAAAAAAAAAAAAAAAAAAAAA' },
      { type: 'openReference', id: 'services/billing/app/models/subscription.rb' },
      { type: 'openReference', id: 'services/billing/app/models/subscription.rb:16' },
      { type: 'openReference', path: 'services/billing/app/models/subscription.rb', line: 16 },
      { type: 'openReference', id: { path: 'services/billing/app/models/subscription.rb' } },
    ]) {
      await api.postToTicketPanel(TICKET, message);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(!openFiles().includes('services/billing/app/models/subscription.rb'), openFiles().join(' | '));
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.path.endsWith('/subscription.rb')).length, 0, 'not even loaded');
  });
});
