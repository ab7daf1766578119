import { strict as assert } from 'node:assert';
import { markdownToAdf } from '../../../../src/providers/jira/markup';

describe('Markdown to ADF (notes posted to Jira Cloud)', () => {
  it('builds a version 1 document of headings and marked text', () => {
    assert.deepEqual(markdownToAdf('## Cause\n\n**bold** *em* ~~old~~ `code` [docs](https://example.com/d)'), {
      version: 1,
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Cause' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'em', marks: [{ type: 'em' }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'old', marks: [{ type: 'strike' }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'code', marks: [{ type: 'code' }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'docs', marks: [{ type: 'link', attrs: { href: 'https://example.com/d' } }] },
          ],
        },
      ],
    });
  });

  it('keeps a fenced code block with its language and exact text', () => {
    const code = '  indented\n\n\ttab `tick` ``` fence';
    assert.deepEqual(markdownToAdf(`\`\`\`\`python\n${code}\n\`\`\`\``).content, [
      { type: 'codeBlock', attrs: { language: 'python' }, content: [{ type: 'text', text: code }] },
    ]);
    assert.deepEqual(markdownToAdf('```\n```').content, [{ type: 'codeBlock', content: [] }]);
  });

  it('nests lists inside list items and keeps an ordered list start', () => {
    assert.deepEqual(markdownToAdf('3. a\n   - b\n4. c').content, [
      {
        type: 'orderedList',
        attrs: { order: 3 },
        content: [
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
              { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] }] },
            ],
          },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c' }] }] },
        ],
      },
    ]);
  });

  it('makes blockquotes, rules, line breaks (as the panel shows them) and tables with paragraphs in every cell', () => {
    assert.deepEqual(markdownToAdf('> said\n\n---\n\na\nb\n\n| h |\n|---|\n| `c` |').content, [
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'said' }] }] },
      { type: 'rule' },
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'h' }] }] }] },
          {
            type: 'tableRow',
            content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c', marks: [{ type: 'code' }] }] }] }],
          },
        ],
      },
    ]);
  });

  it('keeps only the link beside code, as ADF allows', () => {
    assert.deepEqual(markdownToAdf('**[`x`](https://e.com)**').content, [
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://e.com' } }, { type: 'code' }] }] },
    ]);
  });

  it('leaves raw HTML as text', () => {
    assert.deepEqual(markdownToAdf('<b>x</b>').content, [{ type: 'paragraph', content: [{ type: 'text', text: '<b>x</b>' }] }]);
  });
});
