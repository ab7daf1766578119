import { strict as assert } from 'node:assert';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { renderMarkdown } from '../../webview/markdown';
import { XSS_PAYLOADS } from '../fixtures/xssPayloads';

const { window } = new JSDOM('<!DOCTYPE html><body></body>');
const purify = createDOMPurify(window);
const FORBIDDEN = [
  'script',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'template',
  'noscript',
  'video',
  'source',
  'details',
  'marquee',
  'body',
];

function rendered(source: string): Element {
  const container = window.document.createElement('div');
  container.append(renderMarkdown(source, purify));
  return container;
}

describe('customer Markdown through markdown-it and DOMPurify', () => {
  for (const payload of XSS_PAYLOADS) {
    it(`renders harmlessly: ${payload.replace(/\n/g, '⏎').slice(0, 70)}`, () => {
      const html = rendered(payload);
      for (const tag of FORBIDDEN) assert.equal(html.querySelector(tag), null, `<${tag}> survived`);
      for (const element of html.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          assert.ok(!attribute.name.toLowerCase().startsWith('on'), `${attribute.name} on <${element.tagName}>`);
          assert.ok(!['style', 'srcdoc', 'xlink:href', 'formaction', 'action'].includes(attribute.name.toLowerCase()), attribute.name);
          if (attribute.name === 'href') assert.match(attribute.value, /^(https?:|mailto:)/i);
          if (attribute.name === 'src') assert.match(attribute.value, /^https:/i);
        }
      }
    });
  }

  it('shows raw HTML as text, so the reader still sees what the customer wrote', () => {
    assert.equal(rendered('<script>alert(1)</script>').textContent?.trim(), '<script>alert(1)</script>');
    assert.equal(rendered('Use <b>bold</b>?').textContent?.trim(), 'Use <b>bold</b>?');
  });

  it('keeps ordinary Markdown: emphasis, lists, code blocks, https links and images', () => {
    const html = rendered(
      '**Hi** _there_\n\n- one\n- two\n\n```\nconst x = 1;\n```\n\n[docs](https://docs.example.com) ![chart](https://example.com/c.png) <mail@example.com>',
    );
    assert.ok(html.querySelector('strong') && html.querySelector('em'));
    assert.equal(html.querySelectorAll('li').length, 2);
    assert.equal(html.querySelector('pre code')?.textContent, 'const x = 1;\n');
    assert.equal(html.querySelector('a[href="https://docs.example.com"]')?.textContent, 'docs');
    assert.ok(html.querySelector('img[src="https://example.com/c.png"]'));
    assert.ok(html.querySelector('a[href="mailto:mail@example.com"]'));
  });

  it('drops images that are not https, keeping their text out of the way', () => {
    const html = rendered('![tracker](http://example.com/p.gif) ![local](file:///etc/passwd)');
    assert.equal(html.querySelectorAll('img').length, 0);
  });
});
