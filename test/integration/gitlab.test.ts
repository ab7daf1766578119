import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { fakeGitlab, SAM, type FakeGitlab } from '../conformance/gitlab/gitlabServer';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';
import { commandLinks, watchProgress, type ShownProgress, type WatchedProgress } from './progressStubs';
import { answerDialogs, answerInputBoxes } from './windowStubs';

describe('a GitLab source in a real VS Code (GitLab-shaped server on 127.0.0.1)', function () {
  this.timeout(60_000);
  let gitlab: FakeGitlab;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('supportRotation');

  let progress: WatchedProgress | undefined;
  const refusal = (): ShownProgress | undefined => progress?.shown.find((p) => /refused the request \(401\)/.test(p.title));

  before(async () => {
    gitlab = await fakeGitlab(3);
    // Not signed in yet: the first load is refused, and the message offers to sign in.
    progress = watchProgress();
    await config().update(
      'sources',
      [
        { id: 'local', kind: 'local' },
        { id: 'gl', kind: 'gitlab', label: 'GitLab support', baseUrl: gitlab.server.url, project: 'acme/support' },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
    await eventually(
      async () => refusal(),
      (shown) => shown !== undefined,
    );
  });

  it('offers to sign in when GitLab refuses the request, and the offer stays until signed in', () => {
    const shown = refusal();
    assert.ok(shown, JSON.stringify(progress?.shown));
    assert.equal(shown.ended, false);
    const links = commandLinks(shown.title);
    assert.deepEqual([...links.keys()], ['Sign In', 'Open Settings', 'Show Log']);
    assert.deepEqual(links.get('Sign In'), { command: 'supportRotation.signInGitlab', args: ['gl'] });
    assert.deepEqual(links.get('Open Settings'), { command: 'supportRotation.openSettings', args: [] });
    assert.deepEqual(links.get('Show Log'), { command: 'supportRotation.showLog', args: [] });
  });

  after(async () => {
    progress?.restore();
    await vscode.commands.executeCommand('supportRotation.signOutGitlab', 'gl');
    await config().update('sources', undefined, vscode.ConfigurationTarget.Workspace);
    await gitlab.server.close();
  });

  it("signs in from the refusal's link with a token checked against /user, which takes the refusal away, then shows the GitLab issues beside the local queue", async () => {
    const api = await extensionApi();
    const signIn = commandLinks(refusal()?.title ?? '').get('Sign In');
    assert.ok(signIn);
    const inputs = answerInputBoxes('glpat-test');
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand(signIn.command, ...signIn.args), 'signedIn');
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    assert.equal(
      await eventually(
        async () => refusal()?.ended,
        (ended) => ended === true,
      ),
      true,
      'the refusal is gone',
    );
    assert.ok(
      dialogs.messages.some((m) => m.startsWith('Signed in to GitLab support as Sam Taylor (@sam.taylor)')),
      dialogs.messages.join(' | '),
    );
    assert.ok(gitlab.server.requests.some((r) => r.url === '/api/v4/user' && r.headers['private-token'] === 'glpat-test'));
    const rows = await eventually(
      () => api.snapshot(),
      (r) => /#1 · [^·"]+ · Issue 1/.test(JSON.stringify(r)),
    );
    assert.match(JSON.stringify(rows), /#3 · [^·"]+ · Issue 3/);
    assert.match(JSON.stringify(rows), /SUP-1\d\d /, 'the local queue is still there');
  });

  it('claims a GitLab issue through the same command as a local ticket', async () => {
    await (await extensionApi()).snapshot();
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'gl', id: '2' }), 'ok');
    assert.deepEqual(gitlab.issues.get(2)?.assignees, [SAM]);
  });

  it('pushes the fix branch and opens a draft merge request that closes the issue, recorded on it', async () => {
    const api = await extensionApi();
    const root = dirname(dirname(queueFilePath()));
    const mirror = join(mkdtempSync(join(tmpdir(), 'gitlab-mirror-')), 'mirror.git');
    git(dirname(mirror), 'clone', '-q', '--bare', root, mirror);
    git(root, 'remote', 'add', 'gitlab-mirror', mirror);
    const repository = await workspaceRepository(root);
    await eventually(
      async () => repository.state.remotes.length,
      (n) => n > 0,
    );
    const dialogs = answerDialogs({ 'Create ': 'Bring My Changes Along' });
    try {
      await api.snapshot();
      assert.equal(
        await vscode.commands.executeCommand('supportRotation.createFixBranch', { sourceId: 'gl', id: '1' }),
        'created',
        dialogs.messages.join(' | '),
      );
      const branch = git(root, 'rev-parse', '--abbrev-ref', 'HEAD');
      assert.match(branch, /^support\/1-issue-1$/);
      await eventually(
        async () => api.activeTicketText(),
        (t) => t?.startsWith('$(issues) #1 ') ?? false,
      );
      assert.equal(
        await vscode.commands.executeCommand('supportRotation.createMergeRequest', { sourceId: 'gl', id: '1' }),
        'created',
        dialogs.messages.join(' | '),
      );
      assert.match(git(mirror, 'branch', '--list', branch), new RegExp(branch.replace(/\//g, '\\/')));
      const request = gitlab.mergeRequests[0];
      assert.deepEqual([request?.source_branch, request?.target_branch, request?.title], [branch, 'main', 'Draft: Issue 1']);
      assert.match(request?.description ?? '', /^Closes #1\n/);
      const notes = gitlab.issues.get(1)?.notes.map((n) => [n.body, n.internal]) ?? [];
      assert.ok(
        notes.some(([body, internal]) => internal && String(body).startsWith('Merge request https://gitlab.example.com/acme/support/-/merge_requests/1')),
        JSON.stringify(notes),
      );
    } finally {
      dialogs.restore();
      git(root, 'checkout', '-q', 'main');
      git(root, 'remote', 'remove', 'gitlab-mirror');
      // The commit message offered for #1 would otherwise stay for the suites that follow.
      repository.inputBox.value = '';
    }
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
