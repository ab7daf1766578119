/**
 * `firstSyntaxError` reads JSON with a scanner of our own; before, jsonc-parser (VS Code's scanner)
 * answered, with comments and trailing commas disallowed. People have seen its answers, so ours
 * must be the same: same place, same words. Every case here runs both. The seed of the generated
 * cases is fixed so that a failure can be replayed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { firstSyntaxError } from '../../../src/providers/local/jsonSyntaxError';
import { firstJsonSyntaxError } from '../../../src/providers/local/jsonSyntaxScanner';
import { rawTicket } from '../../support/tempQueue';
import { REPO_ROOT } from '../../support/testPaths';

const SEED = 20261201;

/** The answer as jsonc-parser gave it, worded the same way. */
function jsoncParserAnswer(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return '';
  const before = text.slice(0, first.offset);
  const code = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return ` at line ${before.split('\n').length}, column ${first.offset - before.lastIndexOf('\n')} (${code})`;
}

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

/** Queue files as the extension writes them (two spaces) and as people may (tabs, none, CRLF). */
const QUEUES: readonly string[] = (() => {
  const queue = {
    $schema: './queue.schema.json',
    version: 1,
    tickets: [
      rawTicket('SUP-1', { severity: null, comments: [{ author: 'amy@example.com', createdAt: '2026-11-24T09:00:00+01:00', body: 'a "quoted"\nline é ✓' }] }),
      rawTicket('SUP-2', { links: [{ kind: 'branch', name: 'support/SUP-2-fix' }], revision: 12, slaDueAt: '2026-11-24T10:00:00Z', score: -1.5e-3 }),
    ],
  };
  const pretty = JSON.stringify(queue, null, 2);
  return [pretty, JSON.stringify(queue), JSON.stringify(queue, null, '\t'), pretty.replace(/\n/g, '\r\n')];
})();

describe('where a JSON text breaks', () => {
  describe('answers as jsonc-parser did', () => {
    const same = (text: string): void => assert.equal(firstSyntaxError(text), jsoncParserAnswer(text), JSON.stringify(text));

    it('on the files of this repository', () => {
      const files = ['resources/sampleQueue.json', 'schemas/queue.schema.json', 'sample/.support/teams.json', 'sample/.vscode/settings.json', 'package.json'];
      for (const file of files) same(read(file));
      // The settings file has comments: it is one of the files that must fail here.
      assert.match(firstSyntaxError(read('sample/.vscode/settings.json')), /^ at line 2, column 3 \(invalid comment token\)$/);
    });

    const cases: readonly (readonly [string, string, string])[] = [
      ['a valid queue', QUEUES[0] ?? '', ''],
      ['a valid queue with CRLF line ends', QUEUES[3] ?? '', ''],
      ['empty text', '', ' at line 1, column 1 (value expected)'],
      ['only whitespace', ' \n\t ', ' at line 2, column 3 (value expected)'],
      ['a byte order mark', '\uFEFF{"version": 1}', ' at line 1, column 1 (invalid symbol)'],
      ['a word that is not a literal', '{"a": nul}', ' at line 1, column 7 (invalid symbol)'],
      ['a capitalised literal', '[True]', ' at line 1, column 2 (invalid symbol)'],
      ['a single quote', "{'a': 1}", ' at line 1, column 2 (invalid symbol)'],
      ['a lone minus', '[-]', ' at line 1, column 2 (invalid symbol)'],
      ['a plus sign', '[+1]', ' at line 1, column 2 (invalid symbol)'],
      ['a leading dot', '[.5]', ' at line 1, column 2 (invalid symbol)'],
      ['a lone slash', '[1 / 2]', ' at line 1, column 4 (invalid symbol)'],
      ['a control character outside a string', '[\u0001]', ' at line 1, column 2 (invalid symbol)'],
      ['a form feed, which is not JSON whitespace', '[\f1]', ' at line 1, column 2 (invalid symbol)'],
      ['letters right after a number', '[12abc]', ' at line 1, column 4 (invalid symbol)'],
      ['a second dot in a number', '[1.5.3]', ' at line 1, column 5 (invalid symbol)'],
      // jsonc-parser's "invalid number format" never comes: its scanner only lets through numbers Number() reads.
      // A number cut short is "unexpected end of number", and a leading zero ends the number before the next digit.
      ['a fraction without digits', '{"a": 1.}', ' at line 1, column 7 (unexpected end of number)'],
      ['an exponent without digits', '[1e]', ' at line 1, column 2 (unexpected end of number)'],
      ['an exponent with a sign and no digits', '[2.5E-]', ' at line 1, column 2 (unexpected end of number)'],
      ['a leading zero', '[01]', ' at line 1, column 3 (comma expected)'],
      ['a leading zero at the top', '-01', ' at line 1, column 3 (end of file expected)'],
      ['a property name that is not a string', '{version: 1}', ' at line 1, column 2 (invalid symbol)'],
      ['a number as a property name', '{1: 1}', ' at line 1, column 2 (property name expected)'],
      ['a bracket where a property name goes', '{]', ' at line 1, column 2 (property name expected)'],
      ['a comma where a property name goes', '{"a": 1,,"b": 2}', ' at line 1, column 9 (property name expected)'],
      ['a trailing comma in an object', '{\n  "a": 1,\n}', ' at line 3, column 1 (property name expected)'],
      ['a trailing comma in an array', '{\n  "tickets": [1,]\n}', ' at line 2, column 17 (value expected)'],
      ['a leading comma in an array', '[,1]', ' at line 1, column 2 (value expected)'],
      ['a leading comma in an object', '{,"a": 1}', ' at line 1, column 2 (value expected)'],
      ['a missing value', '{"a": }', ' at line 1, column 7 (value expected)'],
      ['a missing value at the end', '{"a":', ' at line 1, column 6 (value expected)'],
      ['a comma at the end', '[1,', ' at line 1, column 4 (value expected)'],
      ['a closing brace for nothing', '}', ' at line 1, column 1 (value expected)'],
      ['a missing colon', '{"a" 1}', ' at line 1, column 6 (colon expected)'],
      ['a missing colon at the end', '{"a"', ' at line 1, column 5 (colon expected)'],
      ['a missing comma between members', '{"a": 1\n "b": 2}', ' at line 2, column 2 (comma expected)'],
      ['a missing comma between elements', '[1 2]', ' at line 1, column 4 (comma expected)'],
      ['a wrong closing bracket', '[1}', ' at line 1, column 3 (comma expected)'],
      ['an unclosed object', '{"a": 1', ' at line 1, column 8 (close brace expected)'],
      ['an unclosed array', '[1, [2]', ' at line 1, column 8 (close bracket expected)'],
      ['an unclosed empty array', '[ ', ' at line 1, column 3 (close bracket expected)'],
      ['a second value', '{} {}', ' at line 1, column 4 (end of file expected)'],
      ['a closing bracket too many', '[1]]', ' at line 1, column 4 (end of file expected)'],
      ['an unterminated string', '{"a": "b', ' at line 1, column 7 (unexpected end of string)'],
      ['a line break in a string', '{"a": "b\n"}', ' at line 1, column 7 (unexpected end of string)'],
      ['a carriage return in a string', '["a\rb"]', ' at line 1, column 2 (unexpected end of string)'],
      ['a backslash at the end', '["a\\', ' at line 1, column 2 (unexpected end of string)'],
      ['a short unicode escape', '["\\u12"]', ' at line 1, column 2 (invalid unicode)'],
      ['a unicode escape that is not hex', '["\\u12G4"]', ' at line 1, column 2 (invalid unicode)'],
      ['an unknown escape', '["a\\x41"]', ' at line 1, column 2 (invalid escape character)'],
      ['an escaped line break', '["a\\\nb"]', ' at line 1, column 2 (invalid escape character)'],
      ['a tab in a string', '{"a": "b\tc"}', ' at line 1, column 7 (invalid character)'],
      ['a NUL in a string', '["\u0000"]', ' at line 1, column 2 (invalid character)'],
      ['two problems in a string: the last one counts', '["\\x \\u1"]', ' at line 1, column 2 (invalid unicode)'],
      ['a bad escape in a string left open', '["\\x', ' at line 1, column 2 (unexpected end of string)'],
      ['a line comment', '{\n  // the queue\n  "version": 1\n}', ' at line 2, column 3 (invalid comment token)'],
      ['a block comment', '[1, /* two */ 2]', ' at line 1, column 5 (invalid comment token)'],
      ['a block comment left open', '[1 /* two', ' at line 1, column 4 (invalid comment token)'],
      ['an error after CRLF line ends', '{\r\n  "a": 1,\r\n  "b": x\r\n}', ' at line 3, column 8 (invalid symbol)'],
      ['an error after a lone carriage return, which does not count as a line', '{\r "a": x}', ' at line 1, column 9 (invalid symbol)'],
      ['an error after astral characters, counted in UTF-16 code units', '["😀", x]', ' at line 1, column 8 (invalid symbol)'],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => {
        assert.equal(firstSyntaxError(text), expected);
        same(text);
      });
    }

    it('on every queue file with a character inserted, deleted or replaced', () => {
      // What JSON's grammar is about, and characters that only look like it.
      const interesting = fc.constantFrom(...'{}[]:,"\\/*-+.0123456789eEtrufalsn \t\r\nu\u0000\u001f\f\uFEFF\u00A0\u2028\uD83D\'x');
      const character = fc.oneof(interesting, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
      const mutation = fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 2 }),
        insert: fc.oneof(fc.constant(''), character, fc.string({ unit: interesting, maxLength: 3 })),
      });
      fc.assert(
        fc.property(fc.constantFrom(...QUEUES), fc.array(mutation, { minLength: 1, maxLength: 3 }), (queue, mutations) => {
          let text = queue;
          for (const { at, remove, insert } of mutations) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + remove);
          }
          same(text);
        }),
        { seed: SEED, numRuns: 4_000 },
      );
    });

    it('on queue files cut short anywhere', () => {
      const queue = QUEUES[0] ?? '';
      for (let end = 0; end < queue.length; end++) same(queue.slice(0, end));
    });
  });

  it('finds nothing wrong with any text JSON.parse accepts', () => {
    const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 3 });
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), whitespace, whitespace, (value, indent, before, after) => {
        const text = before + JSON.stringify(value, null, indent) + after;
        JSON.parse(text);
        assert.equal(firstSyntaxError(text), '');
      }),
      { seed: SEED, numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.json(), fc.string({ unit: 'binary' }), (text, key) => {
        const wrapped = `{${JSON.stringify(key)}:${text}}`;
        JSON.parse(wrapped);
        assert.equal(firstSyntaxError(wrapped), '');
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  describe('stays bounded', () => {
    const DEPTH = 100_000;

    it('reads nesting 100,000 deep without running out of stack', () => {
      assert.equal(firstSyntaxError('['.repeat(DEPTH) + ']'.repeat(DEPTH)), '');
      assert.equal(firstSyntaxError('{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)), '');
      assert.deepEqual(firstJsonSyntaxError('['.repeat(DEPTH)), { offset: DEPTH, kind: 'closeBracketExpected' });
      // The innermost object and array close, then the outermost array is closed with a brace.
      assert.deepEqual(firstJsonSyntaxError('[{"a":'.repeat(DEPTH) + '1' + '}]'.repeat(DEPTH - 1) + '}}'), { offset: 8 * DEPTH, kind: 'commaExpected' });
    });

    it('differs from jsonc-parser on purpose only where it ran out of stack: that deep, it threw', () => {
      const deep = '['.repeat(DEPTH);
      assert.throws(() => jsoncParserAnswer(deep), RangeError);
      assert.equal(firstSyntaxError(deep), ` at line 1, column ${DEPTH + 1} (close bracket expected)`);
    });

    it('reads 5 MB in time proportional to its length', function () {
      this.timeout(60_000);
      const ticket = JSON.stringify(
        rawTicket('SUP-1', { comments: [{ author: 'amy@example.com', createdAt: '2026-11-24T09:00:00Z', body: 'x\\n"y" é'.repeat(20) }] }),
      );
      const queueOf = (bytes: number): string => {
        const tickets = Array.from({ length: Math.ceil(bytes / (ticket.length + 1)) }, () => ticket).join(',');
        return `{"version": 1, "tickets": [${tickets}], "broken": x}`;
      };
      const fastest = (text: string): number => {
        let best = Infinity;
        for (let run = 0; run < 3; run++) {
          const started = process.hrtime.bigint();
          assert.match(firstSyntaxError(text), /\(invalid symbol\)$/);
          best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
        }
        return best;
      };
      const big = queueOf(5 * 1024 * 1024);
      const quarter = queueOf((5 * 1024 * 1024) / 4);
      assert.ok(big.length >= 5 * 1024 * 1024);
      const [bigMs, quarterMs] = [fastest(big), fastest(quarter)];
      // Four times the text takes about four times as long; work that grew with the square would take sixteen times.
      assert.ok(bigMs < 8 * quarterMs + 20, `5 MB: ${bigMs.toFixed(1)} ms, 1.25 MB: ${quarterMs.toFixed(1)} ms`);
      assert.ok(bigMs < 5_000, `5 MB: ${bigMs.toFixed(1)} ms`);
    });
  });
});
