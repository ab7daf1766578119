import { strict as assert } from 'node:assert';
import { markdownToWiki, wikiToMarkdown } from '../../../../src/providers/jira/markup';

describe('Jira wiki markup to Markdown (Data Center bodies)', () => {
  it('converts headings, emphasis, monospace, links and mentions', () => {
    assert.equal(
      wikiToMarkdown('h3. Crash on *save*\n*bold* _em_ -gone- {{x()}} [the log|https://example.com/l] [https://example.com] [~jdoe] well-known snake_case'),
      '### Crash on **save**\n\n**bold** *em* ~~gone~~ `x()` [the log](https://example.com/l) <https://example.com> @jdoe well-known snake\\_case',
    );
  });

  it('keeps {code:lang} and {noformat} blocks byte for byte, markup inside left alone', () => {
    const code = 'class A {\n  // *not bold* {quote} [x|y]\n\n}\n';
    assert.equal(wikiToMarkdown(`before\n{code:java}\n${code}{code}\nafter`), `before\n\n\`\`\`java\n${code}\`\`\`\n\nafter`);
    assert.equal(wikiToMarkdown('{code:title=A.kt|language=kotlin}\nfun a() = 1\n{code}'), '```kotlin\nfun a() = 1\n```');
    assert.equal(wikiToMarkdown('{noformat}\n*raw*\n{noformat}'), '```\n*raw*\n```');
  });

  it('nests * and # lists by their marker depth, mixed types included', () => {
    assert.equal(wikiToMarkdown('* a\n** b\n**# c\n* d\n# e\n## f'), '- a\n  - b\n    1. c\n- d\n1. e\n   1. f');
  });

  it('quotes {quote} sections and bq. lines, and reads tables with links in cells', () => {
    assert.equal(wikiToMarkdown('{quote}\nsaid _this_\n{quote}\nbq. short'), '> said *this*\n>\n> short');
    assert.equal(wikiToMarkdown('||Key||Value||\n|a|[link|https://e.com]|\n----'), '| Key | Value |\n| --- | --- |\n| a | [link](https://e.com) |\n\n---');
  });

  it('escapes Markdown syntax found in plain wiki text', () => {
    assert.equal(wikiToMarkdown('1. not a list, `tick` <b>'), '1\\. not a list, \\`tick\\` \\<b\\>');
  });
});

describe('Markdown to Jira wiki markup (notes posted to Data Center)', () => {
  it('converts headings, emphasis, code and links', () => {
    assert.equal(
      markdownToWiki('# Cause\n\n**bold** *em* ~~old~~ `code` [docs](https://e.com/d) <https://e.com>'),
      'h1. Cause\n\n*bold* _em_ -old- {{code}} [docs|https://e.com/d] [https://e.com]',
    );
  });

  it('writes code blocks as {code:lang}, or {noformat} when no language is given', () => {
    assert.equal(markdownToWiki('```ts\nconst a = 1;\n```'), '{code:ts}\nconst a = 1;\n{code}');
    assert.equal(markdownToWiki('```\nplain\n```'), '{noformat}\nplain\n{noformat}');
    assert.equal(markdownToWiki('```\nend {noformat} here\n```'), '{code}\nend {noformat} here\n{code}');
  });

  it('nests lists with repeated markers', () => {
    assert.equal(markdownToWiki('- a\n  1. b\n     - c\n- d'), '* a\n*# b\n*#* c\n* d');
  });

  it('breaks lines where the panel does, at every newline', () => {
    assert.equal(markdownToWiki('a\nb  \nc'), 'a\\\\ b\\\\ c');
  });

  it('writes quotes, rules and tables', () => {
    assert.equal(markdownToWiki('> said\n\n---\n\n| h | i |\n|---|---|\n| 1 | 2 |'), '{quote}\nsaid\n{quote}\n\n----\n\n||h||i||\n|1|2|');
  });

  it('escapes text Jira would read as markup', () => {
    assert.equal(markdownToWiki('a \\*b\\* {x} [y] snake_case well-known - dash'), 'a \\*b\\* \\{x\\} \\[y\\] snake\\_case well-known \\- dash');
  });
});
