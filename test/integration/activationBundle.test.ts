import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './extensionApi';

/** The extension's bundles Node has loaded so far in this extension host. */
function loadedBundles(): string[] {
  const dist = join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '', 'dist');
  return Object.keys(require.cache)
    .filter((file) => file.startsWith(`${dist}/`))
    .map((file) => file.slice(dist.length + 1))
    .sort();
}

// Suites run in file name order, and this one runs first: no other suite has yet written a broken
// queue file, configured a remote source, asked for experts or opened the dashboard.
describe('the bundles in a real VS Code', () => {
  it('shows the local queue with the activation bundle and the modules and zod every bundle shares, nothing else', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('supportRotation.refresh');
    assert.ok((await api.snapshot()).length > 0, 'the local queue shows');
    assert.deepEqual(loadedBundles(), ['extension.js', 'shared.js', 'zod.js']);
  });
});
