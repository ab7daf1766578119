import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { branchNameFor, DEFAULT_BRANCH_TEMPLATE } from '../../src/core/branchName';
import { commitMessageFor, DEFAULT_COMMIT_TEMPLATE } from '../../src/core/commitMessage';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';
import { answerDialogs, answerQuickPicks, type AnsweredDialogs, type AnsweredQuickPicks } from './windowStubs';

interface FileTicket {
  id: string;
  title: string;
  status: string;
  team?: string;
  assignee: string | null;
  url?: string;
  links?: { kind: string; name: string }[];
  comments?: { author: string; body: string; internal: boolean }[];
}

const ME = 'sam.taylor@example.com';
const readQueue = (): { tickets: FileTicket[] } => JSON.parse(readFileSync(queueFilePath(), 'utf8'));
const fileTicket = (id: string): FileTicket | undefined => readQueue().tickets.find((t) => t.id === id);
/** The draft just opened at `uri`: an untitled name is reused, so a closed earlier draft may still be listed under it. */
const openedDraft = (uri: string | undefined): vscode.TextDocument | undefined =>
  vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri && !d.isClosed).at(-1);
const ref = (id: string): { sourceId: string; id: string } => ({ sourceId: 'local', id });

describe('working on a ticket in a real VS Code: fix branch, status bar, commit message, notes, hand-off', () => {
  const root = dirname(dirname(queueFilePath()));
  let dialogs: AnsweredDialogs | undefined;
  let picks: AnsweredQuickPicks | undefined;

  before(async () => {
    await extensionApi();
    await workspaceRepository(root);
  });

  afterEach(() => {
    dialogs?.restore();
    dialogs = undefined;
    picks?.restore();
    picks = undefined;
  });

  it('creates the fix branch from the ticket, carrying uncommitted changes, and records the link', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const ticket = fileTicket('SUP-128');
    assert.ok(ticket && ticket.assignee === null, 'SUP-128 starts unclaimed');
    const expected = branchNameFor({ ...ticketForNaming(ticket) }, DEFAULT_BRANCH_TEMPLATE, { maxSlugLength: 50, user: ME });
    assert.ok(expected.ok);

    writeFileSync(join(root, 'README.md'), `${readFileSync(join(root, 'README.md'), 'utf8')}\nWork in progress.\n`);
    writeFileSync(join(root, 'scratch-notes.txt'), 'not yet tracked\n');
    const repository = await workspaceRepository(root);
    await eventually(
      async () => repository.state.workingTreeChanges.length + (repository.state.untrackedChanges?.length ?? 0),
      (n) => n >= 2,
    );

    dialogs = answerDialogs({ 'Create ': 'Bring My Changes Along' });
    const outcome = await vscode.commands.executeCommand('supportRotation.createFixBranch', ref('SUP-128'));
    assert.equal(outcome, 'created', dialogs.messages.join(' | '));
    assert.ok(
      dialogs.messages.some((m) => m.startsWith(`Create ${expected.name} from main`)),
      'said what would happen before switching',
    );
    assert.ok(
      dialogs.messages.includes(`This repository has no remote, so nothing was fetched: ${expected.name} starts from the local branch main.`),
      `said which base it used: ${dialogs.messages.join(' | ')}`,
    );

    assert.equal(git(root, 'rev-parse', '--abbrev-ref', 'HEAD'), expected.name);
    assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /Work in progress\.\n$/);
    assert.ok(existsSync(join(root, 'scratch-notes.txt')));
    assert.match(git(root, 'status', '--porcelain'), /README\.md[\s\S]*scratch-notes\.txt/);

    const written = fileTicket('SUP-128');
    assert.equal(written?.assignee, ME, 'claimed on start');
    assert.deepEqual(written?.links, [{ kind: 'branch', name: expected.name }]);
    assert.equal(written?.comments?.at(-1)?.body, `Fix branch \`${expected.name}\` created.`);
    assert.equal(written?.comments?.at(-1)?.internal, true);
  });

  it('shows the linked ticket in the status bar with its severity and SLA', async () => {
    const api = await extensionApi();
    const text = await eventually(
      async () => api.activeTicketText(),
      (t) => t?.startsWith('$(issues) SUP-128 · S1 · ') ?? false,
    );
    assert.match(text ?? '', /^\$\(issues\) SUP-128 · S1 · (\d.* left|breached .+)$/);
  });

  it('offers no merge request for a local ticket, and says what to do when one is asked for anyway', async () => {
    await extensionApi();
    picks = answerQuickPicks(() => undefined);
    await vscode.commands.executeCommand('supportRotation.activeTicketActions');
    const labels = (picks.shown[0] ?? []).map((item) => item.label);
    assert.ok(
      labels.some((label) => label.includes('Open Ticket')),
      labels.join(' | '),
    );
    assert.ok(!labels.some((label) => label.includes('Merge Request')), `offered for a local ticket: ${labels.join(' | ')}`);

    dialogs = answerDialogs({});
    assert.equal(await vscode.commands.executeCommand('supportRotation.createMergeRequest', ref('SUP-128')), undefined);
    assert.match(
      dialogs.messages.join(' | '),
      /cannot open merge requests from here\. Push the fix branch from Source Control and open the merge request on your git host/,
    );
  });

  it('offers the commit message in an empty commit box, and never replaces what was typed', async () => {
    const repository = await workspaceRepository(root);
    const ticket = fileTicket('SUP-128');
    assert.ok(ticket);
    const offered = commitMessageFor({ title: ticket.title, key: ticket.id, id: ticket.id, url: ticket.url }, DEFAULT_COMMIT_TEMPLATE);
    assert.equal(
      await eventually(
        async () => repository.inputBox.value,
        (v) => v === offered,
      ),
      offered,
    );

    repository.inputBox.value = 'My own words';
    const before = repository.state.HEAD?.commit;
    git(root, 'add', 'README.md');
    git(root, 'commit', '-q', '-m', 'Work in progress');
    await eventually(
      async () => repository.state.HEAD?.commit,
      (c) => c !== before,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The window echoes every write back to this side later, so the offer's own echo may still pass by;
    // an offer written over the typed text would stay.
    assert.equal(
      await eventually(
        async () => repository.inputBox.value,
        (v) => v === 'My own words',
      ),
      'My own words',
    );

    repository.inputBox.value = '';
    git(root, 'add', 'scratch-notes.txt');
    const second = repository.state.HEAD?.commit;
    git(root, 'commit', '-q', '-m', 'Notes');
    await eventually(
      async () => repository.state.HEAD?.commit,
      (c) => c !== second,
    );
    assert.equal(
      await eventually(
        async () => repository.inputBox.value,
        (v) => v === offered,
      ),
      offered,
      'offered again for the next commit',
    );
    repository.inputBox.value = '';
  });

  it('offers to check out a fix branch that already exists instead of creating another', async () => {
    git(root, 'checkout', '-q', 'main');
    const repository = await workspaceRepository(root);
    await eventually(
      async () => repository.state.HEAD?.name,
      (n) => n === 'main',
    );
    dialogs = answerDialogs({ 'already exists': 'Check Out' });
    const outcome = await vscode.commands.executeCommand('supportRotation.createFixBranch', ref('SUP-128'));
    assert.equal(outcome, 'checkedOut', dialogs.messages.join(' | '));
    assert.match(git(root, 'rev-parse', '--abbrev-ref', 'HEAD'), /^support\/SUP-128-/);
    assert.equal(fileTicket('SUP-128')?.links?.length, 1, 'the link is recorded once');
  });

  it('never takes a ticket someone else holds, and asks before branching without it', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const theirs = readQueue().tickets.find((t) => t.assignee !== null && t.assignee !== ME && t.status !== 'solved');
    assert.ok(theirs);
    dialogs = answerDialogs({});
    const outcome = await vscode.commands.executeCommand('supportRotation.createFixBranch', ref(theirs.id));
    assert.equal(outcome, 'cancelled');
    assert.ok(
      dialogs.messages.some((m) => m.includes(`is claimed by ${theirs.assignee}`)),
      dialogs.messages.join(' | '),
    );
    assert.equal(fileTicket(theirs.id)?.assignee, theirs.assignee);
  });

  it('sends an internal note written in an editor', async () => {
    const uri = await vscode.commands.executeCommand<string>('supportRotation.addInternalNote', ref('SUP-127'));
    assert.ok(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), "Reproduced on staging with the customer's query.");
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent');
    const note = fileTicket('SUP-127')?.comments?.at(-1);
    assert.deepEqual(note, { ...note, author: ME, body: "Reproduced on staging with the customer's query.", internal: true });
  });

  it("starts a note from its own heading when VS Code hands back a closed draft's text under a reused name", async () => {
    // Under load VS Code can answer a new untitled document with the text of the one it closed last.
    const closedDraftText = '## Internal note on SUP-124\n\nThe renewal job is the cause.';
    const workspace = vscode.workspace as unknown as { openTextDocument: (options?: unknown) => Thenable<vscode.TextDocument> };
    const original = workspace.openTextDocument;
    workspace.openTextDocument = () => {
      workspace.openTextDocument = original;
      return original({ language: 'markdown', content: closedDraftText });
    };
    let uri: string | undefined;
    try {
      uri = await vscode.commands.executeCommand<string>('supportRotation.addInternalNote', ref('SUP-127'));
    } finally {
      workspace.openTextDocument = original;
    }
    const document = vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri && !d.isClosed).at(-1);
    assert.ok(document, 'a note draft opened');
    assert.ok(!document.getText().includes('renewal job'), document.getText());
    assert.match(document.lineAt(0).text, /SUP-127/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), 'Only this goes on SUP-127.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent');
    assert.equal(fileTicket('SUP-127')?.comments?.at(-1)?.body, 'Only this goes on SUP-127.');
  });

  it('suggests the owning team from the files the ticket names, with the reasons', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const billingTicket = readQueue().tickets.find((t) => t.assignee === ME && t.status !== 'solved' && /services\/billing\/app\//.test(JSON.stringify(t)));
    assert.ok(billingTicket, 'a sample ticket names a billing file');
    picks = answerQuickPicks(() => undefined);
    const uri = await vscode.commands.executeCommand('supportRotation.handOff', ref(billingTicket.id));
    assert.equal(uri, undefined, 'dismissing the team choice opens nothing');
    const teams = (picks.shown[0] ?? []).filter((item) => item.kind !== vscode.QuickPickItemKind.Separator);
    assert.equal(teams[0]?.label, '$(star-full) Billing');
    assert.match(teams[0]?.detail ?? '', /owns services\/billing\/ — \d+ files? named in the ticket/);
    assert.match(teams[0]?.detail ?? '', /CODEOWNERS \/services\/billing\/ \(line \d+\) → @acme\/billing/);
    assert.ok(teams.some((item) => item.label === 'Another team…'));
  });

  it('pre-selects no team when there is no evidence', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const plain = readQueue().tickets.find(
      (t) =>
        (t.assignee === null || t.assignee === ME) && t.status !== 'solved' && !t.links?.length && !/services\/|src\/|\.(ts|rb|py|go):/.test(JSON.stringify(t)),
    );
    assert.ok(plain, 'a sample ticket anyone may hand off names no file');
    picks = answerQuickPicks(() => undefined);
    assert.equal(await vscode.commands.executeCommand('supportRotation.handOff', ref(plain.id)), undefined);
    const first = picks.shown[0]?.[0];
    assert.equal(first?.label, 'Another team…', 'Enter on the first item asks for a team rather than taking one');
  });

  it('keeps the text in its editor when sending fails, and says so', async () => {
    const uri = await vscode.commands.executeCommand<string>('supportRotation.addInternalNote', ref('SUP-119'));
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), 'Text that must survive.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const queue = readFileSync(queueFilePath(), 'utf8');
    writeFileSync(queueFilePath(), '{ "version": 1, "tickets": [ broken');
    dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'failed');
    } finally {
      writeFileSync(queueFilePath(), queue);
    }
    assert.ok(
      dialogs.messages.some((m) => m.startsWith('Sending the internal note failed') && m.endsWith('Your text is still in the editor.')),
      dialogs.messages.join(' | '),
    );
    const still = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.match(still?.getText() ?? '', /Text that must survive\.$/);
    await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri);
  });

  it('hands off: the team changes, the note is added as internal, the claim is released', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const uri = await vscode.commands.executeCommand<string>('supportRotation.handOff', { ...ref('SUP-127'), teamId: 'billing' });
    assert.ok(uri);
    const document = openedDraft(uri);
    assert.ok(document);
    assert.match(document.getText(), /^## Hand-off of SUP-127 to Billing/);
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('### What was investigated\n- ') + '### What was investigated\n- '.length;
    edit.insert(document.uri, document.positionAt(at), 'Search index rebuilt; errors persist.');
    assert.ok(await vscode.workspace.applyEdit(edit));

    dialogs = answerDialogs({ 'Hand off SUP-127 to Billing?': 'Hand Off' });
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent', dialogs.messages.join(' | '));
    const written = fileTicket('SUP-127');
    assert.equal(written?.team, 'billing');
    assert.equal(written?.assignee, null);
    assert.equal(written?.comments?.at(-1)?.internal, true);
    assert.match(written?.comments?.at(-1)?.body ?? '', /### What was investigated\n- Search index rebuilt; errors persist\./);
  });

  it('hands off the active ticket for good: out of the queue, out of the status bar, investigated from my notes', async () => {
    const api = await extensionApi();
    const branch = fileTicket('SUP-128')?.links?.find((l) => l.kind === 'branch')?.name;
    assert.ok(branch, 'SUP-128 has its fix branch');
    git(root, 'checkout', '-q', branch);
    await api.snapshot();
    assert.match(
      (await eventually(
        async () => api.activeTicketText(),
        (t) => t?.includes('SUP-128') ?? false,
      )) ?? '',
      /SUP-128/,
    );
    const myNotes = (fileTicket('SUP-128')?.comments ?? []).filter((c) => c.internal && c.author === ME);
    assert.ok(myNotes.length > 0, 'the fix branch left an internal note of mine');

    const uri = await vscode.commands.executeCommand<string>('supportRotation.handOff', { ...ref('SUP-128'), teamId: 'api-platform' });
    const document = openedDraft(uri);
    assert.ok(document);
    const investigated = document.getText().split('### What was investigated\n')[1]?.split('\n\n###')[0] ?? '';
    assert.equal(investigated, myNotes.map((c) => `- ${c.body}`).join('\n'));

    dialogs = answerDialogs({ 'Hand off SUP-128': 'Hand Off' });
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent', dialogs.messages.join(' | '));
    const written = fileTicket('SUP-128');
    assert.equal(written?.team, 'api-platform');
    assert.equal(written?.status, 'handed-off');
    assert.equal(written?.assignee, null);
    assert.equal(
      await eventually(
        async () => api.activeTicketText(),
        (t) => t === undefined,
      ),
      undefined,
      'no longer the active ticket',
    );
    const rows = await api.snapshot();
    assert.ok(!JSON.stringify(rows).includes('SUP-128'), "gone from the rotation's queue");
  });
});

describe('a fix branch starts from the remote default branch, fetched', () => {
  const root = (): string => dirname(dirname(queueFilePath()));
  let dialogs: AnsweredDialogs | undefined;

  afterEach(() => dialogs?.restore());

  it('leaves out local commits that are not on the remote', async () => {
    const remote = join(mkdtempSync(join(tmpdir(), 'remote-')), 'remote.git');
    git(root(), 'checkout', '-q', 'main');
    git(dirname(remote), 'clone', '-q', '--bare', root(), remote);
    git(root(), 'remote', 'add', 'origin', remote);
    git(root(), 'fetch', '-q', 'origin');
    git(root(), 'remote', 'set-head', 'origin', 'main');
    writeFileSync(join(root(), 'local-only.txt'), 'not pushed\n');
    git(root(), 'add', 'local-only.txt');
    git(root(), 'commit', '-q', '-m', 'Local only');
    const localOnly = git(root(), 'rev-parse', 'HEAD');
    const repository = await workspaceRepository(root());
    await eventually(
      async () => repository.state.remotes.length,
      (n) => n === 1,
    );

    const api = await extensionApi();
    await api.snapshot();
    const target = readQueue().tickets.find((t) => t.assignee === null && t.status !== 'solved');
    assert.ok(target);
    // Earlier suites leave files in the workspace (its .vscode/settings.json): they come along.
    dialogs = answerDialogs({ 'Create ': 'Bring My Changes Along' });
    assert.equal(await vscode.commands.executeCommand('supportRotation.createFixBranch', ref(target.id)), 'created', dialogs.messages.join(' | '));
    assert.match(git(root(), 'rev-parse', '--abbrev-ref', 'HEAD'), new RegExp(`^support/${target.id}-`));
    assert.equal(git(root(), 'rev-parse', 'HEAD'), git(root(), 'rev-parse', 'origin/main'));
    assert.notEqual(git(root(), 'rev-parse', 'HEAD'), localOnly);
  });
});

/** The fields branchNameFor reads, from the file's shape. */
function ticketForNaming(ticket: FileTicket) {
  return {
    sourceId: 'local',
    id: ticket.id,
    key: ticket.id,
    title: ticket.title,
    severity: 1 as const,
    team: ticket.team,
  };
}
