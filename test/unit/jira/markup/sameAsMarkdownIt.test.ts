/**
 * The Jira converters read Markdown with a reader of their own; the ticket panel renders it with
 * markdown-it. Both converters, fed markdown-it's tokens and the reader's, must write the same ADF
 * and the same wiki markup for every note of the corpus. The cases where the reader differs on
 * purpose are listed below, each with its reason, and checked to still differ.
 */
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { markdownToAdf, tokensToAdf } from '../../../../src/providers/jira/markup/markdownToAdf';
import { markdownToWiki, tokensToWiki } from '../../../../src/providers/jira/markup/markdownToWiki';
import type { MarkdownToken } from '../../../../src/providers/jira/markup/markdownToken';
import { markdownCorpus } from './markdownCorpus';

/** The panel's parser, as the converters used it before they had a reader of their own. */
const markdownIt = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
type Token = ReturnType<typeof markdownIt.parse>[number];

function fromMarkdownIt(token: Token): MarkdownToken {
  return {
    type: token.type,
    tag: token.tag,
    nesting: token.nesting,
    content: token.content,
    info: token.info,
    markup: token.markup,
    attrs: Object.fromEntries((token.attrs ?? []).map(([name, value]) => [name, String(value)])),
    children: token.children ? token.children.map(fromMarkdownIt) : null,
  };
}

function throughMarkdownIt(markdown: string): { adf: unknown; wiki: string } {
  const tokens = markdownIt.parse(markdown, {}).map(fromMarkdownIt);
  return { adf: tokensToAdf(tokens), wiki: tokensToWiki(tokens) };
}

function throughReader(markdown: string): { adf: unknown; wiki: string } {
  return { adf: markdownToAdf(markdown), wiki: markdownToWiki(markdown) };
}

/** Where the reader differs from markdown-it on purpose: in each, markdown-it loses text the reader keeps. */
const DELIBERATE_DIFFERENCES: { markdown: string; kept: string; why: string }[] = [
  {
    markdown: 'See [the runbook][rb].\n\n[rb]: https://wiki.example.com/runbook',
    kept: 'wiki.example.com/runbook',
    why: 'reference links are not read: the definition and the reference stay as text instead of the definition vanishing',
  },
  {
    markdown: '| a | b |\n|---|---|\n| 1 | 2 | 3 |',
    kept: '3',
    why: 'a row with more cells than the header keeps the extra cells in its last one, where markdown-it drops them',
  },
  {
    markdown: `${'> '.repeat(120)}deep`,
    kept: 'deep',
    why: 'past 100 nested blocks the rest is one paragraph of text, where markdown-it drops it',
  },
  {
    markdown: `${'- '.repeat(60)}item`,
    kept: 'item',
    why: 'past 100 nested blocks (50 lists and their items) the rest is one paragraph of text, where markdown-it drops it',
  },
  {
    markdown: `${'*a '.repeat(120)}z${' b*'.repeat(120)}`,
    kept: '*a *a',
    why: 'emphasis nested past 100 levels is shown as the text that made it: every ADF text node carries all its marks, so deeper nesting grows the document with the square of the note',
  },
  {
    markdown: `[site](https://${Array.from({ length: 5 }, () => `ü${'a'.repeat(58)}`).join('.')}/x)`,
    kept: '%C3%BCaaaa',
    why: 'a host name longer than 255 characters stays in the address, percent-encoded, where markdown-it drops it',
  },
  {
    markdown: 'Winter &Cconint; &fjlig;',
    kept: '&Cconint;',
    why: 'named references outside the common ones stay as written (markdown-it knows all 2,000 of HTML)',
  },
];

describe('the Jira converters read Markdown as the ticket panel does', function () {
  this.timeout(120_000);

  it('write the same ADF and wiki markup as with markdown-it, for every note of the corpus', () => {
    const corpus = markdownCorpus(400);
    const differing = corpus.filter(({ markdown }) => {
      const expected = throughMarkdownIt(markdown);
      const actual = throughReader(markdown);
      return JSON.stringify(actual.adf) !== JSON.stringify(expected.adf) || actual.wiki !== expected.wiki;
    });
    assert.deepEqual(
      differing.map(({ name, markdown }) => ({ name, markdown, wiki: throughReader(markdown).wiki, markdownIt: throughMarkdownIt(markdown).wiki })),
      [],
    );
    assert.ok(corpus.length > 600, `${corpus.length} notes`);
  });

  for (const { markdown, kept, why } of DELIBERATE_DIFFERENCES) {
    it(`differs where it keeps text: ${why}`, () => {
      const expected = throughMarkdownIt(markdown);
      const actual = throughReader(markdown);
      assert.notEqual(actual.wiki, expected.wiki);
      assert.ok(actual.wiki.includes(kept.replace(/[*[\]]/g, '\\$&')) || actual.wiki.includes(kept), actual.wiki);
      assert.ok(JSON.stringify(actual.adf).includes(kept), 'the ADF keeps it too');
    });
  }
});
