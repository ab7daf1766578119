import { strict as assert } from 'node:assert';
import { adfToMarkdown, markdownToAdf, markdownToWiki, wikiToMarkdown } from '../../../../src/providers/jira/markup';

const LEVELS = 10_000;
/** Each conversion of a hostile input must finish within this on a busy machine: quadratic work on these sizes would take minutes. */
const BOUND_MS = 10_000;
/** Hostile strings are this long: far beyond any real comment. */
const HUGE = 100_000;

function timed<T>(convert: () => T): T {
  const started = performance.now();
  const result = convert();
  const took = performance.now() - started;
  assert.ok(took < BOUND_MS, `took ${Math.round(took)} ms`);
  return result;
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
