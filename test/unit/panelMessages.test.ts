import { strict as assert } from 'node:assert';
import { fromWebviewSchema, panelStateSchema, toWebviewSchema } from '../../src/shared/panelMessages';

describe('ticket panel messages', () => {
  it('accepts each message the webview may send', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'sendNote', requestId: 'r1', body: 'Reproduced.' },
      { type: 'sendReply', requestId: 'r2', body: 'We are on it.' },
      { type: 'runAction', action: 'claim' },
      { type: 'openLink', href: 'https://example.com' },
      { type: 'copy', text: 'npm test' },
    ]) {
      assert.ok(fromWebviewSchema.safeParse(message).success, JSON.stringify(message));
    }
  });

  it('refuses unknown types, unknown actions, empty or oversized bodies, and missing ids', () => {
    for (const message of [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'runAction', action: 'deleteTicket' },
      { type: 'sendNote', requestId: 'r1', body: '' },
      { type: 'sendNote', requestId: 'r1', body: 'x'.repeat(100_001) },
      { type: 'sendReply', body: 'no id' },
      { type: 'openLink', href: 42 },
      'ready',
      null,
    ]) {
      assert.equal(fromWebviewSchema.safeParse(message).success, false, JSON.stringify(message)?.slice(0, 80));
    }
  });

  it('describes a ticket with plain data only, and checks the times', () => {
    const ticket = {
      sourceId: 'local',
      id: 'SUP-1',
      key: 'SUP-1',
      title: 't',
      description: '',
      severity: 2,
      status: 'open',
      assignee: null,
      assignedToMe: false,
      labels: [],
      createdAt: '2026-11-24T08:00:00.000Z',
      updatedAt: '2026-11-24T08:00:00.000Z',
      comments: [],
      links: [],
    };
    const message = { type: 'ticket', ticket, actions: ['claim'], sourceLabel: 'Local queue', internalNotes: true, publicReplies: true };
    assert.ok(toWebviewSchema.safeParse(message).success);
    assert.equal(toWebviewSchema.safeParse({ ...message, ticket: { ...ticket, createdAt: 'yesterday' } }).success, false);
    assert.equal(toWebviewSchema.safeParse({ ...message, actions: ['format-disk'] }).success, false);
  });

  it('restores a panel only from a state that names its ticket', () => {
    assert.deepEqual(panelStateSchema.parse({ sourceId: 'local', id: 'SUP-1' }), { sourceId: 'local', id: 'SUP-1', draft: '', scrollTop: 0 });
    assert.equal(panelStateSchema.safeParse({ draft: 'x' }).success, false);
  });
});
