import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { eventually, extensionApi } from './extensionApi';

describe('the rotation dashboard in a real VS Code', () => {
  it('takes no message before it is open', async () => {
    const api = await extensionApi();
    assert.equal(await api.postToDashboard({ type: 'refresh' }), 'closed');
  });

  it('opens from its command as one panel', async () => {
    await vscode.commands.executeCommand('supportRotation.openDashboard');
    await vscode.commands.executeCommand('supportRotation.openDashboard');
    const tabs = await eventually(
      async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Rotation Dashboard'),
      (found) => found.length > 0,
    );
    assert.equal(tabs.length, 1);
  });

  it('refuses messages that do not fit the protocol', async () => {
    const api = await extensionApi();
    for (const message of [
      { type: 'runScript', code: 'alert(1)' },
      { type: 'filter', filter: { severity: '9' } },
      { type: 'filter', filter: { team: 7 } },
      { type: 'openTicket', sourceId: 'local', id: 'x'.repeat(501) },
      'exportCsv',
      null,
    ])
      assert.equal(await api.postToDashboard(message), 'refused', JSON.stringify(message));
    assert.equal(await api.postToDashboard({ type: 'filter', filter: { severity: '1' } }), 'handled');
    assert.equal(await api.postToDashboard({ type: 'filter', filter: {} }), 'handled');
  });

  it('exports the figures as CSV to the file the save dialog names, the sample queue’s year counted', async () => {
    const api = await extensionApi();
    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'rotation-')), 'rotation.csv'));
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    window.showSaveDialog = () => Promise.resolve(target);
    try {
      assert.equal(await api.postToDashboard({ type: 'exportCsv' }), 'handled');
    } finally {
      window.showSaveDialog = original;
    }
    const lines = readFileSync(target.fsPath, 'utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], 'Month,Split,Series,Opened,Resolved,Median resolution (hours),p90 resolution (hours),SLA breaches,Breaches that cannot be judged');
    const all = lines.filter((l) => l.includes(',All,All,'));
    assert.equal(all.length, 12, 'twelve months');
    const opened = all.reduce((sum, l) => sum + Number(l.split(',')[3]), 0);
    const resolved = all.reduce((sum, l) => sum + Number(l.split(',')[4]), 0);
    assert.ok(opened >= 80, `${opened} opened in the year`);
    assert.ok(resolved >= 60, `${resolved} resolved in the year`);
    assert.ok(
      lines.some((l) => l.includes(',Team,billing,')),
      'split by team',
    );
  });
});
