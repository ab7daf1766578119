import { strict as assert } from 'node:assert';
import type { AdfNode } from '../../../../src/providers/jira/markup/adfNode';
import { adfToMarkdown, markdownToAdf, markdownToWiki, wikiToMarkdown, type AdfDocument } from '../../../../src/providers/jira/markup';

const LEVELS = 10_000;
/** Each conversion of a hostile input must finish within this on a busy machine: quadratic work on these sizes would take minutes. */
const BOUND_MS = 10_000;
/** Hostile strings are this long: far beyond any real comment. */
const HUGE = 100_000;

function timed<T>(convert: () => T, boundMs = BOUND_MS): T {
  const started = performance.now();
  const result = convert();
  const took = performance.now() - started;
  assert.ok(took < boundMs, `took ${Math.round(took)} ms`);
  return result;
}

/** How deep an ADF document nests, counted without recursion. */
function adfDepth(doc: AdfDocument): number {
  let deepest = 0;
  const pending: [AdfNode, number][] = doc.content.map((node) => [node, 1]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of node.content ?? []) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** ADF nested `levels` deep through `type`, with one text node at the bottom. */
function deepAdf(type: string, levels: number): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'bottom' }] };
  for (let i = 0; i < levels; i++) node = type === 'bulletList' ? { type, content: [{ type: 'listItem', content: [node] }] } : { type, content: [node] };
  return { version: 1, type: 'doc', content: [node] };
}

describe('hostile bodies are converted without crashing or hanging', function () {
  this.timeout(120_000);

  for (const type of ['blockquote', 'bulletList', 'unknownWrapper']) {
    it(`ADF nested ${LEVELS} levels through ${type} keeps its text`, () => {
      assert.match(
        timed(() => adfToMarkdown(deepAdf(type, LEVELS))),
        /bottom/,
      );
    });
  }

  it('ADF with a text node of 200 thousand characters', () => {
    const text = 'a*'.repeat(HUGE);
    const markdown = timed(() => adfToMarkdown({ version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }));
    assert.equal(markdown.length, text.length * 1.5);
  });

  it(`Markdown quotes and lists nested ${LEVELS} levels`, () => {
    for (const markdown of ['>'.repeat(LEVELS) + ' deep', `${'- '.repeat(LEVELS)}item`]) {
      const adf = timed(() => markdownToAdf(markdown));
      assert.equal(adf.type, 'doc');
      assert.equal(typeof timed(() => markdownToWiki(markdown)), 'string');
    }
  });

  it('Markdown nested past the nesting limit keeps what is inside, as text, 100 levels deep', () => {
    for (const [markdown, inside] of [
      ['>'.repeat(LEVELS) + ' deep', /deep/],
      [`${'- '.repeat(LEVELS)}item`, /item/],
      [`${'> '.repeat(LEVELS)}quoted\n${'> '.repeat(LEVELS)}*still* quoted`, /quoted[^]*still[^]*quoted/],
    ] as const) {
      const adf = timed(() => markdownToAdf(markdown));
      assert.match(JSON.stringify(adf), inside);
      assert.ok(adfDepth(adf) <= 102, `${adfDepth(adf)} levels`);
      assert.match(
        timed(() => markdownToWiki(markdown)),
        inside,
      );
    }
  });

  it(`Markdown emphasis nested ${LEVELS} levels keeps a document in proportion to the note`, () => {
    const markdown = `${'*a '.repeat(LEVELS)}middle${' b*'.repeat(LEVELS)}`;
    const adf = JSON.stringify(timed(() => markdownToAdf(markdown)));
    assert.match(adf, /middle/);
    assert.ok(adf.length < 100 * markdown.length, `${adf.length} characters of ADF`);
    assert.match(
      timed(() => markdownToWiki(markdown)),
      /middle/,
    );
  });

  it('Markdown notes of 1 MB, written and hostile, in time proportional to their length', function () {
    this.timeout(600_000);
    const megabyte = (unit: string): string => unit.repeat(Math.ceil(1_000_000 / unit.length));
    const note = '## Cause\n\nThe **cache** is stale; see [the runbook](https://wiki.example.com/run?a=1) and `flush()`.\n\n- one\n  - two\n\n> quoted\n\n';
    const table = `| key | value |\n|---|---|\n${megabyte('| a | *b* |\n')}`;
    for (const markdown of [megabyte(note), megabyte('*'), megabyte('['), megabyte('`x '), megabyte('> a\n'), megabyte('- a\n'), table]) {
      assert.ok(timed(() => markdownToWiki(markdown), BOUND_MS * 3).length > 0);
      assert.equal(timed(() => markdownToAdf(markdown), BOUND_MS * 3).type, 'doc');
    }
  });

  it('Markdown of unclosed openers, 100 kB long', () => {
    for (const opener of ['*', '[', '`', '_', '~~', '](', '<']) {
      const markdown = `${opener}x `.repeat(Math.floor(HUGE / (opener.length + 2)));
      assert.equal(timed(() => markdownToAdf(markdown)).type, 'doc');
      assert.ok(timed(() => markdownToWiki(markdown)).length > 0);
    }
  });

  it(`wiki markup nested ${LEVELS} list levels and ${LEVELS} quote toggles`, () => {
    assert.match(
      timed(() => wikiToMarkdown(`${'*'.repeat(LEVELS)} deep`)),
      /deep$/,
    );
    assert.match(
      timed(() => wikiToMarkdown('{quote}'.repeat(LEVELS) + 'end')),
      /end$/,
    );
  });

  it('wiki markup of unclosed openers, 100 kB long', () => {
    for (const opener of ['*', '_', '-', '{{', '[', '!', '{code}', '\\', '|']) {
      const wiki = `${opener}x `.repeat(Math.floor(HUGE / (opener.length + 2)));
      assert.ok(timed(() => wikiToMarkdown(wiki)).length > 0, opener);
    }
  });
});
