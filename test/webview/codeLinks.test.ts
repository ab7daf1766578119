import { strict as assert } from 'node:assert';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { linkCodeReferences } from '../../webview/codeLinks';
import { renderMarkdown } from '../../webview/markdown';

const { window } = new JSDOM('<!DOCTYPE html><body></body>');
const purify = createDOMPurify(window);

const DESCRIPTION = `Sentry:

~~~text
error: duplicate key value violates unique constraint
    at /srv/acme/services/api/node_modules/pg/lib/client.js:535:17
    at async withTransaction (/srv/acme/services/api/src/db/pool.ts:28:20)
~~~

The lookup at \`services/api/src/routes/orders.ts:41\` runs first, see [the runbook](https://example.com/orders.ts:41).`;

const IDS = new Map([
  ['/srv/acme/services/api/src/db/pool.ts:28', 'id-pool-000001'],
  ['services/api/src/routes/orders.ts:41', 'id-orders-0001'],
]);

function rendered(source: string, ids: ReadonlyMap<string, string>): HTMLElement {
  const container = window.document.createElement('div');
  container.append(renderMarkdown(source, purify));
  linkCodeReferences(container, ids);
  return container;
}

describe('code references in the panel become links', () => {
  it('wraps the text of each resolved reference, in code blocks and inline code, carrying only its id', () => {
    const container = rendered(DESCRIPTION, IDS);
    const links = [...container.querySelectorAll('a.code-reference')].map((a) => [a.textContent, a.getAttribute('data-reference'), a.getAttribute('href')]);
    assert.deepEqual(links, [
      ['/srv/acme/services/api/src/db/pool.ts:28:20', 'id-pool-000001', '#'],
      ['services/api/src/routes/orders.ts:41', 'id-orders-0001', '#'],
    ]);
    assert.equal(container.querySelector('pre a')?.closest('pre')?.textContent?.includes('at async withTransaction (/srv/acme/'), true);
  });

  it('changes no text: the page reads exactly as without links', () => {
    assert.equal(rendered(DESCRIPTION, IDS).textContent, rendered(DESCRIPTION, new Map()).textContent);
  });

  it('leaves unresolved references and existing links alone', () => {
    const container = rendered(DESCRIPTION, IDS);
    assert.equal(container.querySelectorAll('a').length, 3);
    assert.equal(container.querySelector('a:not(.code-reference)')?.getAttribute('href'), 'https://example.com/orders.ts:41');
    assert.equal(container.querySelector('a:not(.code-reference) a'), null);
    assert.ok(!container.innerHTML.includes('client.js:535:17</a>'));
  });

  it('keeps markup written around a path as text', () => {
    const container = rendered('`<img src=x onerror=alert(1)>services/api/src/routes/orders.ts:41`', IDS);
    assert.equal(container.querySelector('img'), null);
    assert.equal(container.querySelector('a.code-reference')?.textContent, 'services/api/src/routes/orders.ts:41');
    assert.equal(container.querySelector('code')?.textContent, '<img src=x onerror=alert(1)>services/api/src/routes/orders.ts:41');
  });

  it('links every mention of the same reference', () => {
    const container = rendered('services/api/src/routes/orders.ts:41 and again services/api/src/routes/orders.ts:41.', IDS);
    assert.equal(container.querySelectorAll('a.code-reference[data-reference="id-orders-0001"]').length, 2);
  });
});
