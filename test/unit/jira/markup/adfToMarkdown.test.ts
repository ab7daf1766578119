import { strict as assert } from 'node:assert';
import { adfToMarkdown } from '../../../../src/providers/jira/markup';

const text = (value: string, marks?: object[]): object => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: object[]): object => ({ type: 'paragraph', content });
const item = (...content: object[]): object => ({ type: 'listItem', content });
const doc = (...content: object[]): object => ({ version: 1, type: 'doc', content });

describe('ADF to Markdown (Jira Cloud bodies)', () => {
  it('renders headings, emphasis, inline code, links and hard breaks', () => {
    const markdown = adfToMarkdown(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Crash on save')] },
        paragraph(
          text('bold', [{ type: 'strong' }]),
          text(' '),
          text('em', [{ type: 'em' }]),
          text(' '),
          text('gone', [{ type: 'strike' }]),
          text(' '),
          text('x()', [{ type: 'code' }]),
          text(' '),
          text('the log', [{ type: 'link', attrs: { href: 'https://example.com/log?a=1' } }]),
          { type: 'hardBreak' },
          text('next line'),
        ),
      ),
    );
    assert.equal(markdown, '## Crash on save\n\n**bold** *em* ~~gone~~ `x()` [the log](https://example.com/log?a=1)\\\nnext line');
  });

  it('nests bullet and ordered lists under their items', () => {
    const markdown = adfToMarkdown(
      doc({
        type: 'bulletList',
        content: [
          item(paragraph(text('one')), { type: 'orderedList', attrs: { order: 3 }, content: [item(paragraph(text('three'))), item(paragraph(text('four')))] }),
          item(paragraph(text('two'))),
        ],
      }),
    );
    assert.equal(markdown, '- one\n  3. three\n  4. four\n- two');
  });

  it('keeps a code block with its language, byte for byte, inside a list too', () => {
    const code = 'if (a) {\n  return "```";\n}\n\n\tdone';
    const markdown = adfToMarkdown(doc(paragraph(text('x')), { type: 'codeBlock', attrs: { language: 'typescript' }, content: [text(code)] }));
    assert.equal(markdown, `x\n\n\`\`\`\`typescript\n${code}\n\`\`\`\``);
    const inList = adfToMarkdown(doc({ type: 'bulletList', content: [item(paragraph(text('a')), { type: 'codeBlock', content: [text('b\nc')] })] }));
    assert.equal(inList, '- a\n\n  ```\n  b\n  c\n  ```');
  });

  it('shows mentions as @Name and emoji by their text or short name', () => {
    const markdown = adfToMarkdown(
      doc(
        paragraph(
          { type: 'mention', attrs: { id: '5b10ac8d82e05b22cc7d4ef5', text: '@Ana Lima' } },
          text(' and '),
          { type: 'mention', attrs: { id: 'x', text: 'Bo' } },
          text(' '),
          { type: 'emoji', attrs: { shortName: ':grinning:', text: '😀' } },
          { type: 'emoji', attrs: { shortName: ':party_parrot:' } },
        ),
      ),
    );
    assert.equal(markdown, '@Ana Lima and @Bo 😀:party\\_parrot:');
  });

  it('keeps the text of node types it does not know, block or inline', () => {
    const markdown = adfToMarkdown(
      doc(
        { type: 'futureBlock', attrs: { mood: 'x' }, content: [paragraph(text('inside a new block'))] },
        paragraph(text('a '), { type: 'futureInline', attrs: { text: 'labelled' } }, text(' '), { type: 'futureWrapper', content: [text('wrapped')] }),
        { type: 'extensionThing', text: 'own text' },
      ),
    );
    assert.equal(markdown, 'inside a new block\n\na labelled wrapped\n\nown text');
  });

  it('renders quotes, rules, panels, tables and media', () => {
    const markdown = adfToMarkdown(
      doc(
        { type: 'blockquote', content: [paragraph(text('said'))] },
        { type: 'rule' },
        { type: 'panel', attrs: { panelType: 'warning' }, content: [paragraph(text('careful'))] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [paragraph(text('Key'))] },
                { type: 'tableHeader', content: [paragraph(text('Value'))] },
              ],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [paragraph(text('a|b'))] },
                { type: 'tableCell', content: [paragraph(text('2'))] },
              ],
            },
          ],
        },
        { type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'file', id: 'abc-123', collection: 'c', alt: 'screenshot.png' } }] },
        { type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'external', url: 'https://example.com/a.png' } }] },
      ),
    );
    assert.equal(
      markdown,
      [
        '> said',
        '---',
        '> **Warning**\n>\n> careful',
        '| Key | Value |\n| --- | --- |\n| a\\|b | 2 |',
        '*Attachment: screenshot.png*',
        '[file](https://example.com/a.png)',
      ].join('\n\n'),
    );
  });

  it('escapes text that Markdown would read as markup', () => {
    assert.equal(adfToMarkdown(doc(paragraph(text('# not a heading, *not em* <b>')))), '\\# not a heading, \\*not em\\* \\<b\\>');
  });

  it('turns what is not ADF into its text or nothing, never throwing', () => {
    assert.equal(adfToMarkdown('plain description'), 'plain description');
    assert.equal(adfToMarkdown(null), '');
    assert.equal(adfToMarkdown(42), '');
    assert.equal(adfToMarkdown({ content: [{ text: 'loose' }, { type: 'text', text: ' text' }] }), 'loose text');
    assert.equal(adfToMarkdown(doc(paragraph(text('a'), { type: 7, text: 'b' }, 'c' as unknown as object))), 'abc');
  });

  it('reads malformed marks or content as none and keeps the node', () => {
    const odd = [
      { type: 'text', text: 'no marks', marks: 'strong' },
      { type: 'text', text: ' and', marks: [{ type: 7 }] },
      { type: 'text', text: ' these', marks: { type: 'em' } },
    ];
    assert.equal(adfToMarkdown(doc(paragraph(...odd))), 'no marks and these');
    assert.equal(adfToMarkdown(doc({ type: 'paragraph', content: 'not a list' }, paragraph(text('next')))), 'next');
    assert.equal(adfToMarkdown(doc(paragraph(text('kept', [{ type: 'strong' }])))), '**kept**');
  });
});
