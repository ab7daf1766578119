import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { fakeZendesk, GROUPS, SAM, type ZendeskServer } from '../conformance/zendesk/zendeskServer';
import { eventually, extensionApi } from './extensionApi';
import { commandLinks, watchProgress, type ShownProgress, type WatchedProgress } from './progressStubs';
import { answerDialogs, answerInputBoxes, answerQuickPicks } from './windowStubs';

describe('a Zendesk source in a real VS Code (Zendesk-shaped server on 127.0.0.1)', function () {
  this.timeout(60_000);
  let zendesk: ZendeskServer;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('supportRotation');
  let progress: WatchedProgress | undefined;
  const refusal = (): ShownProgress | undefined => progress?.shown.find((p) => /Zendesk escalations refused the request: no one is signed in/.test(p.title));

  before(async () => {
    zendesk = await fakeZendesk(3);
    // Not signed in yet: the first load is refused, and the notice offers to sign in until someone does.
    progress = watchProgress();
    await config().update(
      'sources',
      [
        { id: 'local', kind: 'local' },
        { id: 'zd', kind: 'zendesk', label: 'Zendesk escalations', baseUrl: zendesk.server.url, view: 360 },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
    await eventually(
      async () => refusal(),
      (shown) => shown !== undefined,
    );
  });

  after(async () => {
    progress?.restore();
    await vscode.commands.executeCommand('supportRotation.signOutZendesk', 'zd');
    await config().update('sources', undefined, vscode.ConfigurationTarget.Workspace);
    await zendesk.server.close();
  });

  it('offers to sign in when Zendesk refuses the request, and the offer stays until signed in', () => {
    const shown = refusal();
    assert.ok(shown, JSON.stringify(progress?.shown));
    assert.equal(shown.ended, false);
    const links = commandLinks(shown.title);
    assert.deepEqual([...links.keys()], ['Sign In', 'Open Settings', 'Show Log']);
    assert.deepEqual(links.get('Sign In'), { command: 'supportRotation.signInZendesk', args: ['zd'] });
  });

  it('signs in with an e-mail address and API token checked against /users/me, then shows the view beside the local queue', async () => {
    const api = await extensionApi();
    const picks = answerQuickPicks((items) => items.find((i) => i.label === 'E-mail address and API token'));
    const inputs = answerInputBoxes(SAM.email, 'zd-sam');
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.signInZendesk', 'zd'), 'signedIn');
    } finally {
      picks.restore();
      inputs.restore();
      dialogs.restore();
    }
    assert.ok(
      dialogs.messages.some((m) => m.startsWith('Signed in to Zendesk escalations as Sam Taylor')),
      dialogs.messages.join(' | '),
    );
    assert.equal(
      await eventually(
        async () => refusal()?.ended,
        (ended) => ended === true,
      ),
      true,
      'the refusal is gone',
    );
    const basic = `Basic ${Buffer.from(`${SAM.email}/token:zd-sam`).toString('base64')}`;
    assert.ok(zendesk.server.requests.some((r) => r.url === '/api/v2/users/me' && r.headers.authorization === basic));
    const rows = await eventually(
      () => api.snapshot(),
      (r) => /#1 · [^·"]+ · Ticket 1/.test(JSON.stringify(r)),
    );
    assert.match(JSON.stringify(rows), /#3 · [^·"]+ · Ticket 3/);
    assert.match(JSON.stringify(rows), /SUP-1\d\d /, 'the local queue is still there');
  });

  it('claims a Zendesk ticket through the same command as a local ticket', async () => {
    await (await extensionApi()).snapshot();
    assert.equal(await vscode.commands.executeCommand('supportRotation.claim', { sourceId: 'zd', id: '2' }), 'ok');
    assert.equal(zendesk.tickets.get(2)?.assignee_id, SAM.id);
  });

  it('sends an internal note written in an editor, as a private comment', async () => {
    const uri = await vscode.commands.executeCommand<string>('supportRotation.addInternalNote', { sourceId: 'zd', id: '2' });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), 'Reproduced on staging.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent');
    const last = zendesk.tickets.get(2)?.comments.at(-1);
    assert.deepEqual([last?.body, last?.public, last?.author_id], ['Reproduced on staging.', false, SAM.id]);
  });

  it('hands off to the team’s group in one update: the group, no assignee, the note private', async () => {
    await (await extensionApi()).snapshot();
    const uri = await vscode.commands.executeCommand<string>('supportRotation.handOff', { sourceId: 'zd', id: '2', teamId: 'billing' });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document);
    const dialogs = answerDialogs({ 'Hand off #2 to Billing?': 'Hand Off' });
    const writes = zendesk.server.requests.filter((r) => r.method === 'PUT').length;
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.sendDraft', document.uri), 'sent', dialogs.messages.join(' | '));
    } finally {
      dialogs.restore();
    }
    const ticket = zendesk.tickets.get(2);
    assert.deepEqual([ticket?.group_id, ticket?.assignee_id, ticket?.comments.at(-1)?.public], [GROUPS.find((g) => g.name === 'billing')?.id, null, false]);
    assert.equal(zendesk.server.requests.filter((r) => r.method === 'PUT').length - writes, 1, 'one update');
  });
});
