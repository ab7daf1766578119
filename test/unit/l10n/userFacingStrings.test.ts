import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../support/testPaths';
import { WEBVIEW_PROPERTIES, unlocalisedTexts } from '../../support/userFacingStrings';

/** Every file of the extension host that may speak to the user: the ones that import `vscode`. */
function vscodeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => /from 'vscode'/.test(readFileSync(file, 'utf8')));
}

describe('user-facing strings go through vscode.l10n.t', () => {
  it('finds none written out in English in the extension host code', () => {
    const files = vscodeFiles(join(REPO_ROOT, 'src'));
    assert.ok(files.length > 30, `the check reads the UI code (${files.length} files)`);
    const found = files.flatMap((file) => unlocalisedTexts(relative(REPO_ROOT, file), readFileSync(file, 'utf8')));
    assert.deepEqual(
      found.map((f) => `${f.file}:${f.line} ${f.text}`),
      [],
    );
  });

  it('catches English in messages, picks, tree items, progress and properties, in every shape', () => {
    const source = `
      vscode.window.showInformationMessage('No ticket here.');
      vscode.window.showWarningMessage(\`\${key} is held by \${name}\`, { modal: true }, 'Hand Off');
      vscode.window.setStatusBarMessage(\`$(check) Claimed \${key}\`);
      const item = new vscode.TreeItem('Tickets that could not be read');
      item.tooltip = ok ? vscode.l10n.t('Fine') : 'Click to retry.';
      vscode.window.showQuickPick(items, { placeHolder: 'Claim which ticket?' });
      const action = { label: '$(preview) Open Ticket', run };
      md.appendText(text ?? 'unclaimed');
    `;
    const found = unlocalisedTexts('sample.ts', source).map((f) => f.text);
    assert.deepEqual(found, [
      "'No ticket here.'",
      '`${key} is held by ${name}`',
      "'Hand Off'",
      '`$(check) Claimed ${key}`',
      "'Tickets that could not be read'",
      "'Click to retry.'",
      "'Claim which ticket?'",
      "'$(preview) Open Ticket'",
      "'unclaimed'",
    ]);
  });

  it('lets through localised text, icons, punctuation and computed values', () => {
    const source = `
      vscode.window.showInformationMessage(vscode.l10n.t('No ticket here.'));
      vscode.window.setStatusBarMessage(\`$(check) \${vscode.l10n.t('Claimed {0}', key)}\`, 4000);
      const item = new vscode.TreeItem(\`\${ticket.key} \${ticket.title}\`);
      item.description = [sla, label].join(' · ');
      const row = { label: ticket.title, description: \`\${hash} · \${date}\` };
      log().info(\`Claimed \${key}\`);
    `;
    assert.deepEqual(unlocalisedTexts('sample.ts', source), []);
  });

  it("finds none written out in English in the ticket panel's page", () => {
    const dir = join(REPO_ROOT, 'webview');
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
    assert.ok(files.length > 8, `the check reads the page's code (${files.length} files)`);
    const found = files.flatMap((name) => unlocalisedTexts(`webview/${name}`, readFileSync(join(dir, name), 'utf8'), WEBVIEW_PROPERTIES));
    assert.deepEqual(
      found.map((f) => `${f.file}:${f.line} ${f.text}`),
      [],
    );
  });

  it('catches English in the page: element text, text content and the attributes people read or hear', () => {
    const source = `
      el('h2', { text: 'Description', attributes: { id: 'description-heading' } });
      custom('vscode-textarea', { attributes: { placeholder: 'Write here', 'aria-label': 'Internal note', title: \`Why \${name}\` } });
      status.textContent = 'Sent.';
      el('p', { text: l10n.t('Sent.') });
      el('time', { text: relativeAge(then, now), attributes: { datetime: iso } });
    `;
    assert.deepEqual(
      unlocalisedTexts('page.ts', source, WEBVIEW_PROPERTIES).map((f) => f.text),
      ["'Description'", "'Write here'", "'Internal note'", '`Why ${name}`', "'Sent.'"],
    );
  });
});
