import { strict as assert } from 'node:assert';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { eventually, extensionApi, queueFilePath } from './extensionApi';
import { git, workspaceRepository } from './gitInWorkspace';

/** SUP-121 is open; SUP-210, closed months ago, was the same fault in another customer's words. */
const OPEN = { sourceId: 'local', id: 'SUP-121' };
const PARTNER = 'SUP-210';

describe('"Seen before?" in the ticket panel of a real VS Code', function () {
  this.timeout(120_000);

  it('lists the closed ticket that was the same fault, says why, and names the commit that fixed it', async () => {
    const api = await extensionApi();
    await api.snapshot();
    const root = dirname(dirname(queueFilePath()));
    await workspaceRepository(root);
    const fix = git(root, 'log', '--all', '--format=%H', '--fixed-strings', `--grep=tickets/${PARTNER}`);
    assert.match(fix, /^[0-9a-f]{40}$/, `one commit of the sample history carries ${PARTNER}'s trailer`);

    await vscode.commands.executeCommand('supportRotation.openTicket', OPEN);
    const seen = await eventually(
      async () => api.ticketPanelSeenBefore(OPEN),
      (answer) => answer?.state === 'ready' && answer.tickets.some((t) => t.commits.length > 0),
      90_000,
    );
    assert.equal(seen?.state, 'ready', JSON.stringify(seen));
    const [first] = seen.tickets;
    assert.equal(first?.key, PARTNER, JSON.stringify(seen.tickets.map((t) => t.key)));
    const errors = first.reasons.find((reason) => reason.kind === 'error')?.texts ?? [];
    assert.ok(
      errors.some((text) => /timeout/i.test(text)),
      JSON.stringify(first.reasons),
    );
    assert.ok(
      first.reasons.some((reason) => reason.kind === 'file' && reason.texts.length > 0),
      JSON.stringify(first.reasons),
    );
    assert.deepEqual(
      first.commits.map((commit) => [commit.hash, commit.subject]),
      [[fix, 'Cap statements at 10 s: one report query held 40 connections']],
    );

    assert.equal(await api.postToTicketPanel(OPEN, { type: 'openCommit', hash: fix }), true);
    const diff = await eventually(
      async () => vscode.workspace.textDocuments.find((d) => d.languageId === 'diff' && d.getText().includes(fix)),
      (document) => document !== undefined,
    );
    assert.ok(diff?.getText().includes('statement_timeout: 10_000'), 'the commit opens as its diff');
  });
});
