import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';
import { answerQuickPicks, type AnsweredQuickPicks } from './windowStubs';

const ME = 'sam.taylor@example.com';
const FILE = 'services/search/search/ranking.py';

describe('pairing with an expert in a real VS Code', function () {
  this.timeout(60_000);
  let picks: AnsweredQuickPicks | undefined;
  afterEach(() => picks?.restore());

  it('names who wrote the files the ticket points at, with evidence, and asks them in an internal note', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const root = dirname(dirname(queueFilePath()));
    await workspaceRepository(root);
    const authors = git(root, 'shortlog', '-sne', 'HEAD', '--', FILE)
      .split('\n')
      .map((l) => /<(.+)>$/.exec(l)?.[1])
      .filter((e): e is string => Boolean(e) && e !== ME);
    const expected = authors[0];
    assert.ok(expected, `someone besides me wrote ${FILE}`);

    let experts: vscode.QuickPickItem[] = [];
    picks = answerQuickPicks((items) => {
      if (experts.length === 0) {
        experts = items;
        return items.find((item) => item.description?.startsWith(expected));
      }
      return items.find((item) => item.label.includes('Ask in an Internal Note'));
    });
    const uri = await vscode.commands.executeCommand<string>('supportRotation.pairWithExpert', { sourceId: 'local', id: 'SUP-127' });
    assert.ok(uri, 'a note draft was opened');
    assert.ok(!experts.some((e) => e.description?.startsWith(ME)), 'I am not suggested to myself');
    const chosen = experts.find((e) => e.description?.startsWith(expected));
    assert.ok(chosen, experts.map((e) => `${e.label} ${e.description}`).join(' | '));
    assert.match(chosen.detail ?? '', new RegExp(`${FILE.replace(/[./]/g, '\\$&')}: \\d+ commits?, \\d+ lines, last `));

    const people = vscode.workspace.getConfiguration('supportRotation').get<{ email: string; handles?: string[] }[]>('people') ?? [];
    const handle = people.find((p) => p.email === expected)?.handles?.[0];
    assert.ok(handle, `the sample workspace gives ${expected} a handle`);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    assert.ok(document.getText().includes(`${handle}, could you pair with me on SUP-127`), document.getText());
    assert.ok(!document.getText().includes(`@${expected}`), 'no e-mail address as a handle');
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent');
    const queue = JSON.parse(readFileSync(queueFilePath(), 'utf8')) as { tickets: { id: string; comments?: { body: string; internal: boolean }[] }[] };
    const note = queue.tickets.find((t) => t.id === 'SUP-127')?.comments?.at(-1);
    assert.equal(note?.internal, true);
    assert.ok(note?.body.startsWith(`${handle}, could you pair with me`), note?.body);
  });

  it("shows the CODEOWNERS rule and the customer's region that the sample workspace's people make evidence", async () => {
    await extensionApi();
    let experts: vscode.QuickPickItem[] = [];
    picks = answerQuickPicks((items) => {
      experts = items;
      return undefined;
    });
    await vscode.commands.executeCommand('supportRotation.pairWithExpert', { sourceId: 'local', id: 'SUP-103' });
    const priya = experts.find((e) => e.label === 'Priya Natarajan');
    assert.ok(priya, experts.map((e) => `${e.label} ${e.description}`).join(' | '));
    assert.match(priya.detail ?? '', /CODEOWNERS \/services\/billing\/lib\/tax\/ \(line \d+\)/);
    assert.match(priya.detail ?? '', /in the customer's region \(EMEA\)/);
    assert.match(priya.description ?? '', /in EMEA/);
  });
});
