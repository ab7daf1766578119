import { strict as assert } from 'node:assert';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { adfText, TEAM_FIELD } from '../conformance/jira/jiraRecords';
import { API_TOKEN, fakeJira, INTERNAL_ROLE, QUEUE_JQL, SAM, type JiraServer } from '../conformance/jira/jiraServer';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';
import { answerDialogs, answerInputBoxes } from './windowStubs';

describe('a Jira Cloud source in a real VS Code (Jira-shaped server on 127.0.0.1)', function () {
  this.timeout(60_000);
  let jira: JiraServer;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('supportRotation');
  const issue = (id: string): NonNullable<ReturnType<JiraServer['issues']['get']>> => jira.issues.get(id) ?? assert.fail(`issue ${id}`);

  before(async () => {
    jira = await fakeJira('cloud', 3);
    await config().update(
      'sources',
      [
        { id: 'local', kind: 'local' },
        {
          id: 'jr',
          kind: 'jira',
          label: 'Jira escalations',
          baseUrl: jira.server.url,
          jql: QUEUE_JQL,
          teamField: TEAM_FIELD,
          teamFieldIsSelect: true,
          internalCommentVisibility: { type: 'role', value: INTERNAL_ROLE },
        },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('supportRotation.signOutJira', 'jr');
    await config().update('sources', undefined, vscode.ConfigurationTarget.Workspace);
    await jira.server.close();
  });

  it('signs in with an e-mail address and API token checked against /rest/api/3/myself, then shows the JQL queue beside the local one', async () => {
    const api = await extensionApi();
    const inputs = answerInputBoxes(SAM.email, API_TOKEN);
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.signInJira', 'jr'), 'signedIn', dialogs.messages.join(' | '));
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    const basic = `Basic ${Buffer.from(`${SAM.email}:${API_TOKEN}`).toString('base64')}`;
    assert.ok(jira.server.requests.some((r) => r.url === '/rest/api/3/myself' && r.headers.authorization === basic));
    const rows = await eventually(
      () => api.snapshot(),
      (r) => /SUP-1 · [^·"]+ · Issue 1/.test(JSON.stringify(r)),
    );
    assert.match(JSON.stringify(rows), /SUP-3 · [^·"]+ · Issue 3/);
    assert.match(JSON.stringify(rows), /SUP-1\d\d /, 'the local queue is still there');
  });

  it('claims a Jira issue through the same command as a local ticket', async () => {
    await (await extensionApi()).snapshot();
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'jr', id: '10002' }), 'ok');
    assert.equal(issue('10002').assignee?.accountId, SAM.accountId);
  });

  it('sends an internal note written in an editor, as a comment restricted to the role, in ADF', async () => {
    const uri = await vscode.commands.executeCommand<string>('supportRotation.addInternalNote', { sourceId: 'jr', id: '10002' });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), 'Reproduced on staging.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent');
    const last = issue('10002').comments.at(-1);
    assert.deepEqual([adfText(last?.body), last?.visibility?.value, last?.author.accountId], ['Reproduced on staging.', INTERNAL_ROLE, SAM.accountId]);
  });

  it('hands off by the team field: the team set, the note internal, no assignee', async () => {
    await (await extensionApi()).snapshot();
    const uri = await vscode.commands.executeCommand<string>('supportRotation.handOff', { sourceId: 'jr', id: '10002', teamId: 'billing' });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    const dialogs = answerDialogs({ 'Hand off SUP-2 to Billing?': 'Hand Off' });
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent', dialogs.messages.join(' | '));
    } finally {
      dialogs.restore();
    }
    const handed = issue('10002');
    assert.deepEqual([handed.team, handed.assignee, handed.comments.at(-1)?.visibility?.value], ['billing', null, INTERNAL_ROLE]);
  });

  it('records a fix branch as a remote link on the issue', async () => {
    const api = await extensionApi();
    const root = dirname(dirname(queueFilePath()));
    const repository = await workspaceRepository(root);
    const dialogs = answerDialogs({ 'Create ': 'Bring My Changes Along' });
    try {
      await api.snapshot();
      assert.equal(
        await vscode.commands.executeCommand('supportRotation.createFixBranch', { sourceId: 'jr', id: '10001' }),
        'created',
        dialogs.messages.join(' | '),
      );
      const branch = git(root, 'rev-parse', '--abbrev-ref', 'HEAD');
      assert.match(branch, /^support\/SUP-1-issue-1$/);
      const links = await eventually(
        async () => issue('10001').remoteLinks,
        (l) => l.length > 0,
      );
      assert.deepEqual(
        links.map((l) => [l.globalId, l.object.title]),
        [[`support-rotation:branch:${branch}`, branch]],
      );
    } finally {
      dialogs.restore();
      git(root, 'checkout', '-q', 'main');
      git(root, 'branch', '-q', '-D', 'support/SUP-1-issue-1');
      // The commit message offered for SUP-1 would otherwise stay for the suites that follow.
      repository.inputBox.value = '';
    }
  });
});
