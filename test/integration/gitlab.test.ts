import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { fakeGitlab, SAM, type FakeGitlab } from '../unit/gitlab/fakeGitlab';
import { eventually, extensionApi } from './extensionApi';
import { answerDialogs, answerInputBoxes } from './windowStubs';

describe('a GitLab source in a real VS Code (GitLab-shaped server on 127.0.0.1)', function () {
  this.timeout(60_000);
  let gitlab: FakeGitlab;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('supportRotation');

  before(async () => {
    gitlab = await fakeGitlab(3);
    await config().update('sources', [{ id: 'local', kind: 'local' }, { id: 'gl', kind: 'gitlab', label: 'GitLab support', baseUrl: gitlab.server.url, project: 'acme/support' }], vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('supportRotation.signOutGitlab', 'gl');
    await config().update('sources', undefined, vscode.ConfigurationTarget.Workspace);
    await gitlab.server.close();
  });

  it('signs in with a token checked against /user, then shows the GitLab issues beside the local queue', async () => {
    const api = await extensionApi();
    const inputs = answerInputBoxes('glpat-test');
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.signInGitlab', 'gl'), 'signedIn');
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    assert.ok(dialogs.messages.some((m) => m.startsWith('Signed in to GitLab support as Sam Taylor (@sam.taylor)')), dialogs.messages.join(' | '));
    assert.ok(gitlab.server.requests.some((r) => r.url === '/api/v4/user' && r.headers['private-token'] === 'glpat-test'));
    const rows = await eventually(() => api.snapshot(), (r) => JSON.stringify(r).includes('#1 Issue 1'));
    assert.match(JSON.stringify(rows), /#3 Issue 3/);
    assert.match(JSON.stringify(rows), /SUP-1\d\d /, 'the local queue is still there');
  });

  it('claims a GitLab issue through the same command as a local ticket', async () => {
    await (await extensionApi()).snapshot();
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'gl', id: '2' }), 'ok');
    assert.deepEqual(gitlab.issues.get(2)?.assignees, [SAM]);
  });

  it('refuses a bad token and stores nothing', async () => {
    const inputs = answerInputBoxes('wrong-token');
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.signInGitlab', 'gl'), 'refused');
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    assert.ok(dialogs.messages.some((m) => m.startsWith('The token was not accepted') && m.endsWith('Nothing was stored.')));
    // The earlier token is still the one in use.
    assert.equal(await vscode.commands.executeCommand('supportRotation.release', { sourceId: 'gl', id: '2' }), 'ok');
  });
});
