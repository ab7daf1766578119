import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../src/core/handover/markdownText';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';
import { answerDialogs, type AnsweredDialogs } from './windowStubs';

interface FileTicket {
  id: string;
  title: string;
  comments?: { author: string; body: string; internal: boolean }[];
}

const ME = 'sam.taylor@example.com';
const ref = (id: string): { sourceId: string; id: string } => ({ sourceId: 'local', id });
const fileTicket = (id: string): FileTicket | undefined =>
  (JSON.parse(readFileSync(queueFilePath(), 'utf8')) as { tickets: FileTicket[] }).tickets.find((t) => t.id === id);

interface HandoverOutcome {
  readonly markdown: string;
  readonly action: string | undefined;
  readonly post?: { readonly posted: string[]; readonly skipped: string[]; readonly failed: string[] };
}

async function sendNote(id: string, text: string): Promise<void> {
  const uri = await vscode.commands.executeCommand<string>('supportRotation.addInternalNote', ref(id));
  const document = vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri && !d.isClosed).at(-1);
  assert.ok(document, `a note draft opened for ${id}`);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.positionAt(document.getText().length), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent');
}

describe('handing over a rotation in a real VS Code', () => {
  const root = dirname(dirname(queueFilePath()));
  let queueBefore = '';
  let branchBefore = '';
  let fixBranch = '';
  let dialogs: AnsweredDialogs | undefined;

  before(async () => {
    await extensionApi();
    await workspaceRepository(root);
    queueBefore = readFileSync(queueFilePath(), 'utf8');
    branchBefore = git(root, 'rev-parse', '--abbrev-ref', 'HEAD');
  });

  afterEach(() => {
    dialogs?.restore();
    dialogs = undefined;
  });

  // The suites after this one start from the sample queue and branch as they were.
  after(async () => {
    writeFileSync(queueFilePath(), queueBefore);
    git(root, 'checkout', '-q', branchBefore);
    if (fixBranch !== '') git(root, 'branch', '-q', '-D', fixBranch);
    const repository = await workspaceRepository(root);
    await eventually(
      async () => repository.state.HEAD?.name,
      (name) => name === branchBefore,
    );
    // The fix branch's commit message was offered in the commit box; it is not the next suite's.
    repository.inputBox.value = '';
    await (await extensionApi()).snapshot();
  });

  it('writes every ticket I claimed, noted and branched, as it is now, and posts it on each one still open', async () => {
    const api = await extensionApi();
    await api.snapshot();
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', ref('SUP-124')), 'ok');
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', ref('SUP-122')), 'ok');
    await sendNote('SUP-124', 'Reproduced with a renewal on the 31st.\n\nNext steps: ask billing for the renewal job log\nand compare the dates.');
    await sendNote('SUP-122', 'Checked the gateway: Retry-After is in seconds.');
    dialogs = answerDialogs({ 'Create ': 'Bring My Changes Along' });
    assert.equal(await vscode.commands.executeCommand('supportRotation.createFixBranch', ref('SUP-124')), 'created', dialogs.messages.join(' | '));
    fixBranch = git(root, 'rev-parse', '--abbrev-ref', 'HEAD');
    dialogs.restore();

    dialogs = answerDialogs({ 'Your rotation handover is open': 'Post on Open Tickets…', 'Post the handover as an internal note': 'Post Internal Notes' });
    const outcome = await vscode.commands.executeCommand<HandoverOutcome>('supportRotation.handOverRotation');
    assert.ok(outcome, dialogs.messages.join(' | '));
    const { markdown } = outcome;

    const renewal = fileTicket('SUP-124');
    const retry = fileTicket('SUP-122');
    assert.ok(renewal && retry);
    const section = (key: string): string => markdown.split(/^### /m).find((part) => part.startsWith(`${key} `)) ?? '';
    assert.ok(section('SUP-124').startsWith(`SUP-124 · ${escapeMarkdown(renewal.title)}\n`), markdown);
    assert.match(section('SUP-124'), /- \*\*Now:\*\* open · S4 · .* · held by /);
    assert.ok(section('SUP-124').includes(`fix branch \`${fixBranch}\``), section('SUP-124'));
    assert.match(section('SUP-124'), /What I did:\*\* claimed \([^)]*\); internal note \([^)]*\); created the fix branch \([^)]*\)/);
    assert.match(section('SUP-124'), /Last next steps\*\* \([^)]*\):\n\n {2}> ask billing for the renewal job log\n {2}> and compare the dates\./);
    assert.match(section('SUP-122'), /What I did:\*\* claimed \([^)]*\); internal note \([^)]*\)/);
    assert.ok(!section('SUP-122').includes('Last next steps'), `a note without next steps is not quoted:\n${section('SUP-122')}`);
    assert.ok(markdown.indexOf('## Still open') < markdown.indexOf('### SUP-124'));

    assert.equal(outcome.action, 'posted', dialogs.messages.join(' | '));
    assert.ok(outcome.post?.posted.includes('SUP-124') && outcome.post.posted.includes('SUP-122'), JSON.stringify(outcome.post));
    assert.deepEqual(outcome.post?.failed, []);
    for (const id of ['SUP-124', 'SUP-122']) {
      const note = fileTicket(id)?.comments?.at(-1);
      assert.deepEqual(note, { ...note, author: ME, body: markdown, internal: true }, `${id} holds the handover as an internal note`);
    }
    assert.ok(
      vscode.workspace.textDocuments.some((d) => !d.isClosed && d.languageId === 'markdown' && d.getText() === markdown),
      'the document stays open',
    );
  });
});
