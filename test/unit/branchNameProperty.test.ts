/**
 * The promise of branchName.ts, checked by git itself: for any ticket and any accepted template,
 * `git check-ref-format --branch` accepts the name. Thousands of generated cases mix arbitrary
 * Unicode with the fragments git's rules are about; the seed is fixed so that CI is repeatable.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { BRANCH_VARIABLES, branchNameFor, MAX_BRANCH_NAME_LENGTH, validateBranchTemplate } from '../../src/core/branchName';
import { SEVERITIES } from '../../src/core/severity';
import { makeTicket } from '../support/ticketFactory';

const CASES = 6_000;
const SEED = 20261124;
/** Git processes at once: enough to hide each one's start-up, few enough for a 2-core machine. */
const PARALLEL = 4;

/** What git's rules are about, and text that only looks like something else. */
const TRICKY = [
  '..',
  '@{',
  '@{-1}',
  '@',
  '.lock',
  '/',
  '//',
  '-',
  '.',
  '~',
  '^',
  ':',
  '?',
  '*',
  '[',
  '\\',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u200b',
  '\u0301',
  '🔥',
  '👩‍💻',
  'ß',
  'é',
  'Ø',
  'ﬁ',
  'HEAD',
  'refs/',
  '.git',
  '${key}',
];
/** Only in templates: braces and dollars that are not (quite) variables. */
const TEMPLATE_TRICKY = ['$', '{', '}', '${', '$key', '{key}', '${ key}', '${foo}'];

const unicode = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
const fragment = fc.oneof(fc.constantFrom(...TRICKY), unicode);
const text = fc.oneof(
  { weight: 9, arbitrary: fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join('')) },
  // Long enough for the slug cut and the cap on the whole name.
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 100, maxLength: 300 }) },
);
const variable = fc.constantFrom(...BRANCH_VARIABLES.map((v) => `\${${v}}`));
const literal = fc.oneof({ weight: 19, arbitrary: fragment }, { weight: 1, arbitrary: fc.constantFrom(...TEMPLATE_TRICKY) });
const pieces = fc.array(fc.oneof(variable, literal), { maxLength: 5 }).map((parts) => parts.join(''));
/** Mostly templates that name the ticket; some of anything at all, to exercise refusals. */
const template = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(pieces, fc.constantFrom('${key}', '${id}'), pieces).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: pieces },
);
const sample = fc.record({
  title: text,
  key: text,
  id: text,
  sourceId: text,
  team: fc.option(text, { nil: undefined }),
  severity: fc.constantFrom(...SEVERITIES),
  user: fc.option(
    fc.tuple(text, fc.constantFrom('', '@example.com', '@')).map(([name, domain]) => name + domain),
    { nil: undefined },
  ),
  template,
  maxSlugLength: fc.integer({ min: 8, max: 100 }),
});
type Sample = typeof sample extends fc.Arbitrary<infer T> ? T : never;

/**
 * The names git refuses. One `xargs` starts a git per name, since check-ref-format takes one name
 * and has no batch mode, and starting thousands of processes from Node costs several times as much.
 * git prints each name it accepts, in one write of less than a pipe's atomic size, so lines from
 * processes running side by side do not mix. Not being able to run git at all fails the test.
 */
function rejectedByGit(names: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Outside any repository: nothing for git to find and read first.
    const xargs = spawn('xargs', ['-0', '-n', '1', '-P', String(PARALLEL), 'git', 'check-ref-format', '--branch'], {
      cwd: tmpdir(),
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let printed = '';
    xargs.stdout.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    xargs.on('error', reject);
    xargs.on('close', (code) => {
      // 0: every git accepted; 123: some refused. Anything else: git or xargs could not run.
      if (code !== 0 && code !== 123) return reject(new Error(`xargs git check-ref-format exited with ${code}`));
      const accepted = new Set(printed.split('\n'));
      resolve(names.filter((name) => !accepted.has(name)));
    });
    xargs.stdin.end(names.map((name) => `${name}\0`).join(''));
  });
}

describe('fix branch names against git check-ref-format --branch (property)', function () {
  // About 5,000 git processes: seconds on an idle machine, a minute or more when other work shares the cores.
  this.timeout(300_000);

  it(`gives a name git accepts, at most ${MAX_BRANCH_NAME_LENGTH} characters, for ${CASES} generated tickets and templates`, async () => {
    const started = Date.now();
    /** Each name, with the case that gave it (to report a failure). */
    const named: { name: string; from: Sample }[] = [];
    let refused = 0;
    for (const s of fc.sample(sample, { numRuns: CASES, seed: SEED })) {
      const ticket = makeTicket({ id: s.id, key: s.key, title: s.title, sourceId: s.sourceId, team: s.team, severity: s.severity });
      const result = branchNameFor(ticket, s.template, { maxSlugLength: s.maxSlugLength, user: s.user });
      // The settings UI and the command must agree on which templates are refused.
      assert.equal(validateBranchTemplate(s.template), result.ok ? undefined : result.message, JSON.stringify(s.template));
      if (!result.ok) {
        refused++;
        assert.match(result.message, /supportRotation\.branch\.template/);
        continue;
      }
      assert.ok(result.name.length <= MAX_BRANCH_NAME_LENGTH, JSON.stringify(s));
      named.push({ name: result.name, from: s });
    }
    // Not vacuous: most templates are accepted, and refusals happen too.
    assert.ok(named.length >= 5_000, `only ${named.length} of ${CASES} templates accepted`);
    assert.ok(refused > 0, 'no template was refused');
    const generated = Date.now();

    const rejected = new Set(await rejectedByGit(named.map((n) => n.name)));
    const seconds = (from: number, to: number): string => ((to - from) / 1000).toFixed(1);
    console.log(
      `      ${named.length} names, ${refused} templates refused; generated in ${seconds(started, generated)} s, checked by git in ${seconds(generated, Date.now())} s`,
    );
    assert.deepEqual(named.filter((n) => rejected.has(n.name)).slice(0, 5), [], `git refused ${rejected.size} names`);
  });
});
