import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { fakeGithub, SAM, SUPPORT, type GithubServer } from '../conformance/github/githubServer';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';
import { answerDialogs } from './windowStubs';

type GetSession = typeof vscode.authentication.getSession;

/** VS Code's authentication, answered by the test: the session a signed-in GitHub account gives. */
function answerSessions(): { asked: { provider: string; scopes: readonly string[] }[]; restore(): void } {
  const authentication = vscode.authentication as unknown as { getSession: GetSession };
  const original = authentication.getSession;
  const asked: { provider: string; scopes: readonly string[] }[] = [];
  const session: vscode.AuthenticationSession = {
    id: 'session-1',
    accessToken: 'gho_sam',
    account: { id: String(SAM.id), label: SAM.login },
    scopes: ['repo'],
  };
  authentication.getSession = (provider: string, scopes: readonly string[]) => {
    asked.push({ provider, scopes });
    return Promise.resolve(session);
  };
  return { asked, restore: () => (authentication.getSession = original) };
}

/** Modal warnings, with the detail they show, answered with `answer`. */
function answerModals(answer: string | undefined): { shown: { message: string; detail: string }[]; restore(): void } {
  const window = vscode.window as unknown as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const shown: { message: string; detail: string }[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = rest.find((r): r is { detail?: string } => typeof r === 'object' && r !== null);
    shown.push({ message: String(message), detail: options?.detail ?? '' });
    return Promise.resolve(answer !== undefined && rest.includes(answer) ? answer : undefined);
  };
  return { shown, restore: () => (window.showWarningMessage = original) };
}

describe('a GitHub source in a real VS Code (GitHub-shaped server on 127.0.0.1)', function () {
  this.timeout(60_000);
  let github: GithubServer;
  let sessions: ReturnType<typeof answerSessions>;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('supportRotation');

  before(async () => {
    github = await fakeGithub();
    for (let i = 0; i < 3; i++) github.createIssue({ createdAt: Date.now() - (3 - i) * 1000 });
    sessions = answerSessions();
    await config().update(
      'sources',
      [
        { id: 'local', kind: 'local' },
        { id: 'gh', kind: 'github', label: 'GitHub support', baseUrl: github.apiUrl, repository: SUPPORT },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
  });

  after(async () => {
    sessions.restore();
    await config().update('sources', undefined, vscode.ConfigurationTarget.Workspace);
    await github.server.close();
  });

  it('shows the GitHub issues beside the local queue, signed in with VS Code’s own GitHub account', async () => {
    const rows = await eventually(
      () => extensionApi().then((api) => api.snapshot()),
      (r) => /#1 · [^·"]+ · Issue 1/.test(JSON.stringify(r)),
    );
    assert.match(JSON.stringify(rows), /#3 · [^·"]+ · Issue 3/);
    assert.match(JSON.stringify(rows), /SUP-1\d\d /, 'the local queue is still there');
    assert.deepEqual(sessions.asked[0], { provider: 'github-enterprise', scopes: ['repo'] });
    assert.ok(github.server.requests.every((r) => r.headers.authorization === 'Bearer gho_sam'));
  });

  it('claims a GitHub issue through the same command as a local ticket', async () => {
    await (await extensionApi()).snapshot();
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'gh', id: '2' }), 'ok');
    assert.deepEqual(
      github.issue(SUPPORT, 2).assignees.map((a) => a.login),
      [SAM.login],
    );
  });

  it('asks before a note from the panel goes out, because on GitHub it is a public comment on a public repository', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('supportRotation.openTicket', { sourceId: 'gh', id: '2' });
    const declined = answerModals(undefined);
    try {
      await eventually(
        () => api.postToTicketPanel({ sourceId: 'gh', id: '2' }, { type: 'sendNote', requestId: 'g1', body: 'Looking at the invoice renderer.' }),
        (delivered) => delivered,
      );
      await eventually(
        async () => declined.shown.length,
        (n) => n > 0,
      );
    } finally {
      declined.restore();
    }
    assert.match(declined.shown[0]?.detail ?? '', /public on acme\/support, a public repository/);
    assert.deepEqual(github.issue(SUPPORT, 2).comments, [], 'declined: nothing posted');
    const accepted = answerModals('Send to Customer');
    try {
      await api.postToTicketPanel({ sourceId: 'gh', id: '2' }, { type: 'sendNote', requestId: 'g2', body: 'Looking at the invoice renderer.' });
      await eventually(
        async () => github.issue(SUPPORT, 2).comments.length,
        (n) => n > 0,
      );
    } finally {
      accepted.restore();
    }
    assert.deepEqual(
      github.issue(SUPPORT, 2).comments.map((c) => [c.body, c.user.login]),
      [['Looking at the invoice renderer.', SAM.login]],
    );
  });

  it('pushes the fix branch and opens a draft pull request that closes the issue, shown on the ticket', async () => {
    const api = await extensionApi();
    const root = dirname(dirname(queueFilePath()));
    const mirror = join(mkdtempSync(join(tmpdir(), 'github-mirror-')), 'mirror.git');
    git(dirname(mirror), 'clone', '-q', '--bare', root, mirror);
    git(root, 'remote', 'add', 'github-mirror', mirror);
    const repository = await workspaceRepository(root);
    await eventually(
      async () => repository.state.remotes.length,
      (n) => n > 0,
    );
    const dialogs = answerDialogs({ 'Create ': 'Bring My Changes Along' });
    try {
      await api.snapshot();
      assert.equal(
        await vscode.commands.executeCommand('supportRotation.createFixBranch', { sourceId: 'gh', id: '1' }),
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
        await vscode.commands.executeCommand('supportRotation.createMergeRequest', { sourceId: 'gh', id: '1' }),
        'created',
        dialogs.messages.join(' | '),
      );
      assert.match(git(mirror, 'branch', '--list', branch), new RegExp(branch.replace(/\//g, '\\/')));
      assert.ok(
        dialogs.messages.some((m) => /^Pull request #\d+ opened for #1\./.test(m)),
        `GitHub's name for it: ${dialogs.messages.join(' | ')}`,
      );
      const pull = [...github.issues.values()].find((i) => i.pull);
      assert.deepEqual([pull?.pull?.head, pull?.pull?.base, pull?.pull?.draft, pull?.title], [branch, 'main', true, 'Issue 1']);
      assert.match(pull?.body ?? '', /^Closes #1\n/);
      assert.deepEqual(github.issue(SUPPORT, 1).comments, [], 'nothing public was written to record it');
      assert.deepEqual(
        github.issue(SUPPORT, 1).assignees.map((a) => a.login),
        [SAM.login],
        'claimed on start',
      );
    } finally {
      dialogs.restore();
      git(root, 'checkout', '-q', 'main');
      git(root, 'remote', 'remove', 'github-mirror');
      // The GitLab suite makes a fix branch of the same name for its own #1.
      if (git(root, 'branch', '--list', 'support/1-issue-1') !== '') git(root, 'branch', '-q', '-D', 'support/1-issue-1');
      repository.inputBox.value = '';
    }
  });
});
