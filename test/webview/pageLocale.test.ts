import { strict as assert } from 'node:assert';
import * as l10n from '@vscode/l10n';
import { JSDOM } from 'jsdom';
import { renderActions } from '../../webview/actions';
import { displayLanguage, useLocale } from '../../webview/locale';

describe("the panel page speaks VS Code's display language", () => {
  const globals = globalThis as { document?: Document };
  let saved: Document | undefined;

  before(() => {
    saved = globals.document;
    globals.document = new JSDOM('<!DOCTYPE html><body></body>').window.document;
  });

  after(() => {
    globals.document = saved;
    // The translations are global to the module: later suites read English again.
    l10n.config({ contents: {} });
  });

  it('shows the translations the extension sent', () => {
    useLocale('de', { Claim: 'Übernehmen', 'Ticket actions': 'Ticket-Aktionen' });
    const actions = renderActions(['claim', 'openInBrowser'], () => undefined);
    assert.deepEqual(
      [...actions.children].map((button) => button.textContent),
      ['Übernehmen', 'Open in Browser'],
    );
    assert.equal(actions.getAttribute('aria-label'), 'Ticket-Aktionen');
    assert.equal(displayLanguage(), 'de');
  });

  it("takes VS Code's language names as Intl knows them, and falls back to the default for one it does not", () => {
    useLocale('zh-cn', undefined);
    assert.equal(displayLanguage(), 'zh-CN');
    useLocale('not a language', undefined);
    assert.equal(displayLanguage(), undefined);
  });
});
