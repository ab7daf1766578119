import { strict as assert } from 'node:assert';
import { adfToMarkdown, markdownToAdf, markdownToWiki, wikiToMarkdown } from '../../../../src/providers/jira/markup';
import { FINDINGS_NOTE as NOTE } from './findingsNote';

/** The structure both sides agree on: Markdown read into ADF. */
const structure = (markdown: string): unknown => markdownToAdf(markdown).content;

describe('round trips of a note through Jira', () => {
  it('Markdown → ADF → Markdown keeps every block, code byte for byte', () => {
    assert.deepEqual(structure(adfToMarkdown(markdownToAdf(NOTE))), structure(NOTE));
  });

  it('Markdown → wiki markup → Markdown keeps every block, code byte for byte', () => {
    assert.deepEqual(structure(wikiToMarkdown(markdownToWiki(NOTE))), structure(NOTE));
  });

  it('carries the code block exactly, with its language, both ways', () => {
    for (const back of [adfToMarkdown(markdownToAdf(NOTE)), wikiToMarkdown(markdownToWiki(NOTE))]) {
      const blocks = markdownToAdf(back).content.filter((node) => node.type === 'codeBlock');
      assert.deepEqual(
        blocks.map((node) => [node.attrs?.language, node.content?.[0]?.text]),
        [
          ['java', 'class Cache {\n  // *stars*, _under_, {braces} [x|y] and ``` fences\n\n\tvoid flush() {}\n}'],
          [undefined, 'no language {code}-free'],
        ],
      );
    }
  });
});
