/**
 * Markdown as people write it in notes and hand-offs, for comparing the Jira converters' reader with
 * the ticket panel's markdown-it: the sample queue's descriptions and comments, the test fixtures
 * written as customers report faults, the injection payloads, and notes generated from the blocks
 * and inline pieces of real ones.
 */
import fc from 'fast-check';
import { FAULT_PAIRS } from '../../../fixtures/similar/faultPairs';
import { XSS_PAYLOADS } from '../../../fixtures/xssPayloads';
import { sampleQueueData } from '../../../support/sampleQueueData';
import { FINDINGS_NOTE } from './findingsNote';

/** The Markdown of the converters' own tests and of the bodies the Jira tests post. */
const CONVERTER_FIXTURES = [
  '## Cause\n\n**bold** *em* ~~old~~ `code` [docs](https://example.com/d)',
  '````python\n  indented\n\n\ttab `tick` ``` fence\n````',
  '```\n```',
  '3. a\n   - b\n4. c',
  '> said\n\n---\n\na\nb\n\n| h |\n|---|\n| `c` |',
  '**[`x`](https://e.com)**',
  '<b>x</b>',
  '# Cause\n\n**bold** *em* ~~old~~ `code` [docs](https://e.com/d) <https://e.com>',
  '```ts\nconst a = 1;\n```',
  '```\nend {noformat} here\n```',
  '- a\n  1. b\n     - c\n- d',
  'a\nb  \nc',
  '> said\n\n---\n\n| h | i |\n|---|---|\n| 1 | 2 |',
  'a \\*b\\* {x} [y] snake_case well-known - dash',
  '## Plan\n\nSee https://example.com/a_b and [docs](https://e.com/x?a=1&b=2) &amp; &copy;.\n\n- **one**\n- `two`\n\n> quoted\nwww.example.com',
  FINDINGS_NOTE,
];

interface SampleTicket {
  description?: string;
  comments?: { body?: string }[];
}

function sampleQueueBodies(): string[] {
  const { tickets } = sampleQueueData() as { tickets: SampleTicket[] };
  return tickets.flatMap((ticket) => [ticket.description ?? '', ...(ticket.comments ?? []).map((comment) => comment.body ?? '')]);
}

const WORDS = ['cache', 'token', 'retry', 'the', 'order', 'sync', 'invoice', 'timeout', 'SUP-121', 'v2.3.1', 'p95', 'über', 'naïve', '日本', 'x_y', 'a-b'];
const word = fc.constantFrom(...WORDS);
const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'mailto:'),
    fc.constantFrom('example.com', 'wiki.example.com', 'bücher.example'),
    fc.constantFrom('', '/a b', '/run?x=1&y=2', '/p_(q)', '/%41%zz', '#frag'),
  )
  .map((parts) => parts.join(''));

const inlinePiece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: word.map((w) => `~~${w}~~`) },
  { weight: 1, arbitrary: word.map((w) => `\`${w}()\``) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([w, u]) => `[${w}](${u.replace(/ /g, '%20')})`) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([w, u]) => `[${w}](<${u}> "title")`) },
  { weight: 1, arbitrary: url.map((u) => `<${u.replace(/ /g, '')}>`) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([w, u]) => `![${w}](${u.replace(/ /g, '')})`) },
  { weight: 1, arbitrary: fc.constantFrom('&amp;', '&lt;b&gt;', '&#8594;', '&nbsp;', '\\*', '\\_', 'C:\\temp', '2 * 3', 'a|b', '<div>', '->', '--', '...') },
);
const sentence = fc.array(inlinePiece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(' '));
/** Lines of a paragraph, broken softly, by two spaces or by a backslash. */
const lines = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '  \n', '\\\n'))
  .map(([parts, lineEnd]) => parts.join(lineEnd));

const listItems = (marker: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(marker, sentence, fc.option(sentence)), { minLength: 1, maxLength: 4 })
    .map((items) => items.map(([m, text, nested]) => `${m} ${text}${nested === null ? '' : `\n   - ${nested}`}`).join('\n'));

const block = fc.oneof(
  { weight: 4, arbitrary: lines },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([level, text]) => `${'#'.repeat(level)} ${text}`) },
  { weight: 1, arbitrary: sentence.map((text) => `${text}\n---`) },
  { weight: 2, arbitrary: listItems(fc.constantFrom('-', '*', '+')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }).chain((start) => listItems(fc.constant(`${start}.`))) },
  { weight: 1, arbitrary: lines.map((text) => text.replace(/^/gm, '> ')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'ts', 'java', 'sh', 'json {"x"}'), lines)
      .map(([fence, info, code]) => `${fence}${info}\n${code}\n${fence}`),
  },
  { weight: 1, arbitrary: lines.map((code) => code.replace(/^/gm, '    ')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(word, inlinePiece), { minLength: 1, maxLength: 4 })
      .map((rows) => ['| Key | Value |', '| :-- | --: |', ...rows.map(([key, value]) => `| ${key} | ${value.replace(/\|/g, '\\|')} |`)].join('\n')),
  },
  { weight: 1, arbitrary: fc.constantFrom('***', '___', '- - -') },
);

/** Fixed, so that the corpus is the same on every run. */
const SEED = 20261201;

/** Notes of headings, paragraphs, lists, quotes, code, tables and rules, with emphasis, code spans and links in their text. */
function generatedNotes(count: number): string[] {
  const note = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));
  return fc.sample(note, { numRuns: count, seed: SEED });
}

export function markdownCorpus(generated: number): { name: string; markdown: string }[] {
  return [
    ...CONVERTER_FIXTURES.map((markdown, i) => ({ name: `converter fixture ${i + 1}`, markdown })),
    ...sampleQueueBodies().map((markdown, i) => ({ name: `sample queue body ${i + 1}`, markdown })),
    ...FAULT_PAIRS.flatMap((pair) => [pair.open.text, pair.resolved.text]).map((markdown, i) => ({ name: `fault report ${i + 1}`, markdown })),
    ...XSS_PAYLOADS.map((markdown, i) => ({ name: `injection payload ${i + 1}`, markdown })),
    ...generatedNotes(generated).map((markdown, i) => ({ name: `generated note ${i + 1}`, markdown })),
  ];
}
