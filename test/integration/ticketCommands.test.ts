import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './extensionApi';
import { answerDialogs, answerQuickPicks } from './windowStubs';

const ME = 'sam.taylor@example.com';

/** The ticket keys a quick pick offered, from its labels ("SUP-127 Title"). */
const keysOffered = (items: readonly vscode.QuickPickItem[]): string[] => items.map((item) => item.label.split(' ')[0] ?? '');

function titleInManifest(command: string): string {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; title: string }[] } };
  const title = manifest.contributes.commands.find((c) => c.command === command)?.title;
  assert.ok(title, `${command} has a title in the manifest`);
  return title;
}

describe('ticket commands in a real VS Code: one way to choose the ticket, check the source, report failures', () => {
  before(async () => {
    const api = await extensionApi();
    await api.loaded();
  });

  it('names the command by its title, never its id, when something unexpected fails', async () => {
    const picks = answerQuickPicks(() => {
      throw new Error('the picker broke');
    });
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.claim'), undefined);
    } finally {
      picks.restore();
      dialogs.restore();
    }
    assert.equal(titleInManifest('supportRotation.claim'), 'Claim Ticket');
    assert.deepEqual(dialogs.messages, ['Claim Ticket failed: the picker broke']);
    assert.deepEqual(dialogs.offered, [['Show Log']]);
  });

  it('offers only unclaimed tickets to claim and only mine to release', async () => {
    const api = await extensionApi();
    const picks = answerQuickPicks(() => undefined);
    try {
      await vscode.commands.executeCommand('supportRotation.claim');
      await vscode.commands.executeCommand('supportRotation.release');
    } finally {
      picks.restore();
    }
    const rows = await api.snapshotNow();
    const contextOf = new Map<string, string>();
    const walk = (list: typeof rows): void =>
      list.forEach((r) => (r.contextValue?.startsWith('ticket.') ? contextOf.set(r.label.split(' ')[0] ?? '', r.contextValue) : walk(r.children)));
    walk(rows);
    const [claimable = [], releasable = []] = picks.shown.map(keysOffered);
    assert.ok(claimable.length > 0 && releasable.length > 0, `both commands asked: ${JSON.stringify(picks.shown.length)}`);
    assert.ok(
      claimable.every((key) => contextOf.get(key) === 'ticket.unclaimed' || !contextOf.has(key)),
      `claimable: ${claimable.join(', ')}`,
    );
    assert.ok(
      releasable.every((key) => contextOf.get(key) === 'ticket.mine'),
      `releasable: ${releasable.join(', ')} (me: ${ME})`,
    );
    assert.ok(claimable.some((key) => contextOf.get(key) === 'ticket.unclaimed'));
  });

  it('says in one message when the ticket’s source cannot do what the command needs (and what to do instead), and does nothing', async () => {
    const api = await extensionApi();
    const mine = (await api.snapshotNow()).flatMap(function flat(r): string[] {
      return r.contextValue === 'ticket.mine' ? [r.label.split(' ')[0] ?? ''] : r.children.flatMap(flat);
    });
    assert.ok(mine[0], 'the sample queue has a ticket of mine');
    const dialogs = answerDialogs({});
    try {
      assert.equal(await vscode.commands.executeCommand('supportRotation.createMergeRequest', { sourceId: 'local', id: mine[0] }), undefined);
    } finally {
      dialogs.restore();
    }
    assert.equal(dialogs.messages.length, 1, dialogs.messages.join(' | '));
    assert.match(dialogs.messages[0] ?? '', /^Local queue cannot open merge requests from here\. Push the fix branch from Source Control/);
  });
});
