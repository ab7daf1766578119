import { strict as assert } from 'node:assert';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { fail, type SourceResult } from '../../src/providers/sourceResult';
import type { QueuePage, TicketSource } from '../../src/providers/ticketSource';
import { QueueFileWatcher } from '../../src/ui/queue/queueFileWatcher';
import { QueueModel, type BuiltQueueSources } from '../../src/ui/queue/queueModel';
import { EXTENSION_ID, eventually, extensionApi, queueFilePath, ticketsUnder } from './extensionApi';
import { answerDialogs } from './windowStubs';

interface RawTicket {
  id: string;
  key?: string;
  title: string;
  severity: number | null;
  status: string;
  assignee: string | null;
  createdAt: string;
  slaDueAt?: string;
}

const ME = 'sam.taylor@example.com';
const HIDDEN = new Set(['solved', 'closed', 'resolved', 'done']);
const TARGET_MINUTES: Record<number, number> = { 1: 30, 2: 240, 3: 480, 4: 1440 };

async function readQueue(): Promise<{ version: number; tickets: RawTicket[] }> {
  return JSON.parse(await readFile(queueFilePath(), 'utf8'));
}

const label = (t: RawTicket): string => t.key ?? t.id;
/** The keys of the tickets under a group: a row's label starts with the key, then the clock, then the title. */
const keysUnder = (rows: Parameters<typeof ticketsUnder>[0], group: string): string[] => ticketsUnder(rows, group).map((row) => row.split(' ')[0] ?? '');

/** The order the view must show, computed here from the file by the documented rule. */
function expectedOrder(tickets: RawTicket[]): RawTicket[] {
  const due = (t: RawTicket): number =>
    t.slaDueAt ? Date.parse(t.slaDueAt) : t.severity === null ? Infinity : Date.parse(t.createdAt) + (TARGET_MINUTES[t.severity] ?? 0) * 60_000;
  const rank = (t: RawTicket): number => t.severity ?? 5;
  return [...tickets].sort((a, b) => rank(a) - rank(b) || (due(a) === due(b) ? 0 : due(a) - due(b)) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

describe('the queue in a real VS Code', () => {
  let original = '';

  before(async () => {
    original = await readFile(queueFilePath(), 'utf8');
  });

  afterEach(async () => {
    // Each test starts from the sample queue as generated.
    const api = await extensionApi();
    await writeFile(queueFilePath(), original);
    await eventually(
      () => api.snapshot(),
      (rows) => rows.length > 0,
    );
  });

  it('activates by itself on a workspace that has a queue file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    const active = await eventually(
      async () => extension.isActive,
      (isActive) => isActive,
    );
    assert.equal(active, true);
  });

  it('shows the groups and the order of the queue file', async () => {
    const api = await extensionApi();
    const rows = await api.snapshot();
    assert.deepEqual(
      rows.slice(0, 3).map((r) => r.label),
      ['Assigned to me', 'Unclaimed', 'Claimed by others'],
    );
    const open = (await readQueue()).tickets.filter((t) => !HIDDEN.has(t.status));
    const mine = expectedOrder(open.filter((t) => t.assignee?.toLowerCase() === ME)).map(label);
    const unclaimed = [1, 2, 3, 4, null].flatMap((s) => expectedOrder(open.filter((t) => t.assignee === null && t.severity === s))).map(label);
    assert.ok(mine.length > 0 && unclaimed.length > 0, 'the sample has tickets in both groups');
    assert.deepEqual(keysUnder(rows, 'Assigned to me'), mine);
    assert.deepEqual(keysUnder(rows, 'Unclaimed'), unclaimed);
    for (const row of ticketsUnder(rows, 'Unclaimed')) assert.match(row, /^\S+-\d+ · (\S+( \S+)? left|breached \S+( \S+)?|untriaged) · ./, row);
    assert.equal(rows[0]?.description, String(mine.length));
    const others = open.filter((t) => t.assignee !== null && t.assignee.toLowerCase() !== ME);
    assert.deepEqual([...keysUnder(rows, 'Claimed by others')].sort(), others.map(label).sort());
    assert.deepEqual(
      rows.find((r) => r.label === 'Unclaimed')?.children.map((c) => c.label),
      ['S1', 'S2', 'S3', 'S4', 'S?'].filter((_, i) => open.some((t) => t.assignee === null && (t.severity ?? 5) === i + 1)),
    );
  });

  it('claims through the command: the file and the tree change', async () => {
    const api = await extensionApi();
    const target = expectedOrder((await readQueue()).tickets.filter((t) => t.assignee === null && !HIDDEN.has(t.status)))[0];
    assert.ok(target);
    const outcome = await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'local', id: String(target.id) });
    assert.equal(outcome, 'ok');
    const written = (await readQueue()).tickets.find((t) => t.id === target.id);
    assert.equal(written?.assignee, ME);
    const rows = await api.snapshot();
    assert.ok(keysUnder(rows, 'Assigned to me').includes(label(target)));
    assert.ok(!keysUnder(rows, 'Unclaimed').includes(label(target)));
  });

  it('releases through the command', async () => {
    const api = await extensionApi();
    const target = (await readQueue()).tickets.find((t) => t.assignee === ME && !HIDDEN.has(t.status));
    assert.ok(target);
    assert.equal(await vscode.commands.executeCommand('supportRotation.release', { sourceId: 'local', id: String(target.id) }), 'ok');
    assert.equal((await readQueue()).tickets.find((t) => t.id === target.id)?.assignee, null);
    const rows = await api.snapshot();
    assert.ok(keysUnder(rows, 'Unclaimed').includes(label(target)));
  });

  it('does not take a ticket someone else claimed meanwhile', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const queue = await readQueue();
    const target = queue.tickets.find((t) => t.assignee === null && !HIDDEN.has(t.status));
    assert.ok(target);
    target.assignee = 'mei.chen@example.com';
    await writeFile(queueFilePath(), JSON.stringify(queue, null, 2));
    const outcome = await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'local', id: String(target.id) });
    assert.equal(outcome, 'conflict');
    assert.equal((await readQueue()).tickets.find((t) => t.id === target.id)?.assignee, 'mei.chen@example.com');
  });

  it('follows changes made to the file outside the editor', async () => {
    const api = await extensionApi();
    const queue = await readQueue();
    queue.tickets.push({ id: 'SUP-9001', title: 'Added by another tool', severity: 1, status: 'new', assignee: null, createdAt: new Date().toISOString() });
    await writeFile(queueFilePath(), JSON.stringify(queue, null, 2));
    // No command is run: only the file watcher can bring the new ticket in.
    const rows = await eventually(
      () => api.snapshotNow(),
      (r) => keysUnder(r, 'Unclaimed').includes('SUP-9001'),
    );
    assert.ok(keysUnder(rows, 'Unclaimed').includes('SUP-9001'));
  });

  it('says where a queue file that is not JSON breaks, keeping the tickets of the last good read', async () => {
    const api = await extensionApi();
    await api.snapshot();
    await writeFile(queueFilePath(), '{\n  "version": 1,\n  "tickets": [,]\n}\n');
    const descriptions = (rows: Awaited<ReturnType<typeof api.snapshotNow>>): string[] =>
      rows.flatMap((r) => [r.description ?? '', ...descriptions(r.children)]);
    // The position comes from JSON's scanner, in its own bundle loaded on this failure only.
    const rows = await eventually(
      () => api.snapshotNow(),
      (r) => descriptions(r).some((d) => d.includes('is not valid JSON at')),
    );
    assert.ok(
      descriptions(rows).some((d) => d.includes('is not valid JSON at line 3, column 15 (value expected)')),
      descriptions(rows).join(' | '),
    );
    assert.ok(keysUnder(rows, 'Unclaimed').length > 0, 'the last good tickets still show');
  });

  it('shows the welcome view when there is no queue, and the sample queue command brings one', async () => {
    const api = await extensionApi();
    await vscode.workspace.fs.delete(vscode.Uri.file(queueFilePath()));
    const state = await eventually(
      async () => api.state(),
      (s) => s === 'missing',
    );
    assert.equal(state, 'missing');
    assert.deepEqual(await api.snapshotNow(), []);
    const written = await vscode.commands.executeCommand<string | undefined>('supportRotation.createSampleQueue');
    assert.equal(written, queueFilePath());
    const rows = await eventually(
      () => api.snapshotNow(),
      (r) => r.length > 0,
    );
    assert.equal(rows[0]?.label, 'Assigned to me');
    assert.equal(api.state(), 'ready');
  });
});

/** A source that answers `listQueue` with what `list` gives; nothing else is asked of it here. */
class ScriptedSource implements TicketSource {
  readonly kind = 'local';
  readonly label: string;
  readonly me = ME;
  readonly capabilities = { claim: false, internalNotes: false, publicReplies: false, handoff: false, linkChanges: false };

  constructor(
    readonly id: string,
    private readonly list: () => Promise<SourceResult<QueuePage>>,
  ) {
    this.label = id;
  }

  listQueue(): Promise<SourceResult<QueuePage>> {
    return this.list();
  }

  getTicket = unsupported;
  claim = unsupported;
  release = unsupported;
  addInternalNote = unsupported;
  addPublicReply = unsupported;
  handOff = unsupported;
  linkChange = unsupported;
}

function unsupported(): Promise<SourceResult<never>> {
  return Promise.resolve(fail('notFound', 'not part of this test'));
}

/** A promise settled from outside, to hold a load or a build at a chosen point. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const missingQueue = (): Promise<SourceResult<QueuePage>> => Promise.resolve(fail('notFound', 'There is no queue file at .support/queue.json.'));
const built = (sources: TicketSource[], files: string[] = []): BuiltQueueSources => ({
  sources,
  needsFolder: false,
  localFiles: files.map((f) => vscode.Uri.file(f)),
});

describe('the queue model while its sources change', () => {
  it('a source removed while it loads does not decide the state: a deleted queue shows the welcome view', async () => {
    const listing = gate<void>();
    const refused = gate<SourceResult<QueuePage>>();
    const gitlab = new ScriptedSource('gl', () => {
      listing.open();
      return refused.promise;
    });
    const builds = [built([new ScriptedSource('local', missingQueue), gitlab]), built([new ScriptedSource('local', missingQueue)])];
    const model = new QueueModel({ build: () => Promise.resolve(builds.shift() ?? built([])), watch: () => undefined }, () => undefined);
    const dialogs = answerDialogs({});
    try {
      const first = model.reconfigure();
      await listing.promise;
      // The GitLab source is removed from the settings while its load is still under way.
      const second = model.reconfigure();
      refused.open(fail('unauthorised', 'GitLab refused the request (401).'));
      await Promise.all([first, second]);
      assert.deepEqual(
        model.statuses().map((s) => s.source.id),
        ['local'],
      );
      assert.equal(model.state, 'missing');
    } finally {
      dialogs.restore();
      model.dispose();
    }
  });

  it('settings changed twice in a row end with the sources of the last change, whichever build finishes first', async () => {
    const slowBuild = gate<BuiltQueueSources>();
    const watched: string[][] = [];
    const builds = [slowBuild.promise, Promise.resolve(built([new ScriptedSource('local', missingQueue)], ['/queues/new.json']))];
    const model = new QueueModel(
      { build: () => builds.shift() ?? Promise.resolve(built([])), watch: (files) => watched.push(files.map((f) => f.fsPath)) },
      () => undefined,
    );
    const dialogs = answerDialogs({});
    try {
      const older = model.reconfigure();
      const newer = model.reconfigure();
      await newer;
      slowBuild.open(built([new ScriptedSource('local', missingQueue), new ScriptedSource('gl', missingQueue)], ['/queues/old.json']));
      await older;
      assert.deepEqual(
        model.statuses().map((s) => s.source.id),
        ['local'],
      );
      assert.deepEqual(watched, [[vscode.Uri.file('/queues/new.json').fsPath]]);
    } finally {
      dialogs.restore();
      model.dispose();
    }
  });

  it('a queue file watched again keeps its watcher, so no change is missed while a new one starts', () => {
    const workspace = vscode.workspace as unknown as { createFileSystemWatcher: typeof vscode.workspace.createFileSystemWatcher };
    const original = workspace.createFileSystemWatcher;
    const created: string[] = [];
    workspace.createFileSystemWatcher = (pattern, ...rest) => {
      created.push(typeof pattern === 'string' ? pattern : pattern.pattern);
      return original(pattern, ...rest);
    };
    const watcher = new QueueFileWatcher(() => undefined);
    try {
      watcher.watch([vscode.Uri.file(queueFilePath())]);
      watcher.watch([vscode.Uri.file(queueFilePath())]);
      assert.deepEqual(created, ['queue.json']);
    } finally {
      workspace.createFileSystemWatcher = original;
      watcher.dispose();
    }
  });
});
