import { strict as assert } from 'node:assert';
import { HistoryParser, parseNumstat, type HistoryCommit } from '../../../src/core/expertise/historyRecord';

describe('git log --numstat, read line by line', () => {
  it('reads counts, binary files and both rename notations', () => {
    assert.deepEqual(parseNumstat('12\t3\tservices/api/src/server.ts'), { path: 'services/api/src/server.ts', lines: 15 });
    assert.deepEqual(parseNumstat('-\t-\tdocs/diagram.png'), { path: 'docs/diagram.png', lines: 0 });
    assert.deepEqual(parseNumstat('1\t1\tservices/{api => gateway}/src/server.ts'), {
      path: 'services/gateway/src/server.ts',
      renamedFrom: 'services/api/src/server.ts',
      lines: 2,
    });
    assert.deepEqual(parseNumstat('0\t0\tsrc/{ => legacy}/old.ts'), { path: 'src/legacy/old.ts', renamedFrom: 'src/old.ts', lines: 0 });
    assert.deepEqual(parseNumstat('4\t0\tREADME => README.md'), { path: 'README.md', renamedFrom: 'README', lines: 4 });
    assert.equal(parseNumstat('not a numstat line'), undefined);
  });

  it('groups the lines of each commit under its header, names with tabs and all', () => {
    const commits: HistoryCommit[] = [];
    const parser = new HistoryParser((c) => commits.push(c));
    for (const line of [
      '\u001eaaa\u001f1700000000\u001fPriya\tN.\u001fpriya@example.com',
      '',
      '3\t1\ta.rb',
      '1\t0\tb.rb',
      '\u001ebbb\u001f1690000000\u001fJonas\u001fjonas@example.com',
      '',
      '2\t2\ta.rb',
    ])
      parser.line(line);
    parser.end();
    assert.deepEqual(
      commits.map((c) => [c.hash, c.authorName, c.changes.map((x) => x.path)]),
      [
        ['aaa', 'Priya\tN.', ['a.rb', 'b.rb']],
        ['bbb', 'Jonas', ['a.rb']],
      ],
    );
  });
});
