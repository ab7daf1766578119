import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { isSafeLink, normalizeLink, normalizeLinkText } from '../../../../src/providers/jira/markup/linkAddress';
import { markdownToAdf } from '../../../../src/providers/jira/markup';

/** The panel's parser, whose addresses the converters' reader writes the same way. */
const markdownIt = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

const ADDRESSES = [
  'https://example.com/a b?q=1&r=ü#frag',
  'https://example.com/%41%2f%zz%',
  '  https://example.com/trimmed  ',
  'HTTPS://Example.COM/Path',
  'https://bücher.example/straße',
  'https://Bücher.example:8080/',
  'http://xn--bcher-kva.example/%C3%A4%2F%20',
  'mailto:jürgen@bücher.example',
  'http://user:pa ss@host.example/p',
  'http://[::1]:8080/x[y]',
  'ftp://files.example/a{b}|c^d`e',
  '//cdn.example/x.js',
  'relative/path with space/ü',
  '#anchor',
  'custom+scheme:thing/ü',
  'https://a.b.c.example/\uD83D\uDE00 and \uD800 alone',
  'https://host.example\u3002jp/',
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
];

describe('link addresses, as the ticket panel writes them', () => {
  it('are encoded, their host in punycode, as markdown-it encodes them', () => {
    for (const address of ADDRESSES) assert.equal(normalizeLink(address), markdownIt.normalizeLink(address), address);
  });

  it("show an autolink's text decoded, its host in Unicode, as markdown-it shows it", () => {
    for (const address of ADDRESSES) assert.equal(normalizeLinkText(address), markdownIt.normalizeLinkText(address), address);
  });

  it('refuse script, file and data addresses but the data of common image types', () => {
    const verdicts = [
      'javascript:x',
      ' JavaScript:x',
      'vbscript:x',
      'file:///etc/passwd',
      'data:text/html,x',
      'data:image/svg+xml,x',
      'data:image/png;base64,AA',
      'https://e.com',
    ].map((address) => [address, isSafeLink(address), markdownIt.validateLink(address)]);
    assert.deepEqual(
      verdicts.map(([address, safe]) => [address, safe]),
      verdicts.map(([address, , expected]) => [address, expected]),
    );
    assert.deepEqual(
      verdicts.filter(([, safe]) => safe).map(([address]) => address),
      ['data:image/png;base64,AA', 'https://e.com'],
    );
  });

  it('leave a link to a refused address as the text that was written', () => {
    assert.deepEqual(markdownToAdf('[run](javascript:alert(1)) and <vbscript:x>').content, [
      { type: 'paragraph', content: [{ type: 'text', text: '[run](javascript:alert(1)) and <vbscript:x>' }] },
    ]);
  });
});
