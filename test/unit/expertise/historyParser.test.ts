import { strict as assert } from 'node:assert';
import { HistoryParser, type HistoryCommit } from '../../../src/core/expertise/historyRecord';

/** What `git log -z --numstat --format=<LOG_FORMAT>` prints, field by field. */
const OUTPUT = [
  '\u001eaaa\u001f1700000000\u001fPriya\tN.\u001fpriya@example.com\0',
  '\n3\t1\tcafé.c\0',
  '1\t0\tsay "hi" => there.txt\0',
  '-\t-\tdocs/diagram.png\0',
  '2\t2\t\0services/{api}/old\\name.ts\0services/gateway/new\nname.ts\0',
  '\u001ebbb\u001f1690000000\u001fJonas\u001fjonas@example.com\0',
  '\u001eccc\u001f1680000000\u001fJonas\u001fjonas@example.com\0',
  '\n0\t0\t\0a => b\0\u001enot a header\0',
  '2\t2\tcafé.c\0',
].join('');

function parse(chunks: readonly string[]): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  const parser = new HistoryParser((c) => commits.push(c));
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  return commits;
}

const EXPECTED = [
  {
    hash: 'aaa',
    time: 1_700_000_000,
    authorName: 'Priya\tN.',
    authorEmail: 'priya@example.com',
    changes: [
      { path: 'café.c', lines: 4 },
      { path: 'say "hi" => there.txt', lines: 1 },
      { path: 'docs/diagram.png', lines: 0 },
      { path: 'services/gateway/new\nname.ts', renamedFrom: 'services/{api}/old\\name.ts', lines: 4 },
    ],
  },
  { hash: 'bbb', time: 1_690_000_000, authorName: 'Jonas', authorEmail: 'jonas@example.com', changes: [] },
  {
    hash: 'ccc',
    time: 1_680_000_000,
    authorName: 'Jonas',
    authorEmail: 'jonas@example.com',
    changes: [
      { path: '\u001enot a header', renamedFrom: 'a => b', lines: 0 },
      { path: 'café.c', lines: 4 },
    ],
  },
];

describe('git log -z --numstat, read field by field', () => {
  it('takes every path as it is, renames from their own fields, and commits without changes', () => {
    assert.deepEqual(parse([OUTPUT]), EXPECTED);
  });

  it('gives the same commits whichever way the output is cut into chunks', () => {
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks = Array.from({ length: Math.ceil(OUTPUT.length / size) }, (_, i) => OUTPUT.slice(i * size, (i + 1) * size));
      assert.deepEqual(parse(chunks), EXPECTED, `chunks of ${size}`);
    }
  });
});
