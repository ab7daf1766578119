/**
 * Nothing a user typed is lost on the way to Jira: whatever Markdown the reader does not recognise
 * stays text, so every letter and digit of a note is in the ADF and in the wiki markup written from
 * it. Generated notes mix words with Markdown's punctuation, links, tables and reference
 * definitions; the seed is fixed so that runs repeat.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { AdfNode } from '../../../../src/providers/jira/markup/adfNode';
import { markdownToAdf, markdownToWiki } from '../../../../src/providers/jira/markup';

const SEED = 20261201;
const RUNS = 3_000;

/** Words whose digits never start a line, so that no number becomes an ordered list's (wiki markup has no list start to keep it in). */
const word = fc.stringMatching(/^[a-zA-Zäßé][a-zA-Z0-9äßé]{0,6}$/);
/**
 * Markdown's punctuation and whitespace. Left out are what converters drop by design: quotes and
 * parentheses (a link's title), `!` (an image's description, which wiki markup has no place for)
 * and `&` (a character reference, whose name is replaced by its character).
 */
const punctuation = fc.constantFrom(
  '*',
  '**',
  '_',
  '__',
  '~',
  '~~',
  '`',
  '[',
  ']',
  '<',
  '>',
  '#',
  '-',
  '+',
  '=',
  '|',
  ':',
  '/',
  '\\',
  '.',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '    ',
);
/** Whole links, whose address is kept in the link (in ASCII: an address's other letters are percent-encoded). */
const address = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const link = fc.tuple(word, address, address).map(([text, host, path]) => `[${text}](https://${host}.example/${path})`);
const cells = (count: { minLength: number; maxLength: number }): fc.Arbitrary<string> => fc.array(word, count).map((row) => `| ${row.join(' | ')} |`);
/** Tables whose rows may have fewer or more cells than the header, and reference definitions, which markdown-it would drop. */
const table = fc
  .integer({ min: 1, max: 3 })
  .chain((columns) =>
    fc
      .tuple(cells({ minLength: columns, maxLength: columns }), fc.array(cells({ minLength: 1, maxLength: columns + 2 }), { maxLength: 3 }))
      .map(([header, rows]) => `\n${header}\n|${' --- |'.repeat(columns)}\n${rows.join('\n')}\n`),
  );
const definition = fc.tuple(word, address).map(([label, host]) => `\n[${label}]: https://${host}.example\n`);
const note = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: word },
      { weight: 10, arbitrary: punctuation },
      { weight: 2, arbitrary: link },
      { weight: 1, arbitrary: table },
      { weight: 1, arbitrary: definition },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** The letters and digits of a text, each with how often it occurs. */
function alphanumerics(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.match(/[\p{L}\p{N}]/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** Each letter or digit of `input` that `output` holds fewer times. */
function missing(input: string, output: string): string[] {
  const have = alphanumerics(output);
  return [...alphanumerics(input)].filter(([char, count]) => (have.get(char) ?? 0) < count).map(([char]) => char);
}

/** What a reader of the ADF sees: its text, link addresses and code languages, without the node and mark names. */
function adfText(nodes: readonly AdfNode[]): string {
  const parts: string[] = [];
  const pending = [...nodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node) continue;
    parts.push(node.text ?? '', typeof node.attrs?.language === 'string' ? node.attrs.language : '');
    for (const mark of node.marks ?? []) if (typeof mark.attrs?.href === 'string') parts.push(mark.attrs.href);
    pending.push(...[...(node.content ?? [])].reverse());
  }
  return parts.join(' ');
}

/** Wiki markup less the names of its macros and heading markers, which are not the note's text. */
function wikiText(wiki: string): string {
  return wiki.replace(/\{(quote|noformat|code)(?::([^}]*))?\}/g, ' $2 ').replace(/^h[1-6]\. /gm, '');
}

/** A code fence with an info string: Jira's code blocks keep only a language, and wiki markup only one of letters, digits and `+#.-`. */
const FENCE_WITH_INFO = /^[ \t>*+-]*(`{3,}|~{3,})[^\n]*[^\s`~]/m;

describe('every letter and digit a note holds reaches Jira', function () {
  this.timeout(120_000);

  it('in the ADF and in the wiki markup, whatever Markdown the note mixes in', () => {
    fc.assert(
      fc.property(note, (markdown) => {
        fc.pre(!FENCE_WITH_INFO.test(markdown));
        assert.deepEqual(missing(markdown, adfText(markdownToAdf(markdown).content)), [], 'ADF');
        assert.deepEqual(missing(markdown, wikiText(markdownToWiki(markdown))), [], 'wiki markup');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
