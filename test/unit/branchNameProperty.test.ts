/**
 * The promise of branchName.ts, checked by git itself: for any title and any accepted template,
 * `git check-ref-format --branch` accepts the name. 5,000 generated cases, mixing arbitrary
 * Unicode with the fragments git's rules are about.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import fc from 'fast-check';
import { BRANCH_VARIABLES, branchNameFor } from '../../src/core/branchName';
import { makeTicket } from './support/ticketFactory';

const CASES = 5_600;
const PARALLEL = 8;
const TRICKY = ['..', '@{', '@', '.lock', '/', '//', '-', '.', '~', '^', ':', '?', '*', '[', '\\', ' ', '\t', '\u0000', '\u001f', '\u007f', '🔥', 'ß', 'é', 'HEAD', 'refs/', '.git'];

const fragment = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
const text = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
const variable = fc.constantFrom(...BRANCH_VARIABLES.map((v) => `\${${v}}`));
const pieces = fc.array(fc.oneof(variable, fragment), { maxLength: 4 }).map((parts) => parts.join(''));
/** Templates that name the ticket (most), and any template at all (some, to exercise refusals). */
const template = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(pieces, fc.constantFrom('${key}', '${id}'), pieces).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: pieces },
);

function gitAccepts(name: string): Promise<boolean> {
  return new Promise((resolve) => execFile('git', ['check-ref-format', '--branch', name], (error) => resolve(error === null)));
}

/** Runs the checks a few at a time: thousands of git processes, without starving the machine. */
async function rejectedByGit(names: readonly string[]): Promise<string[]> {
  const rejected: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] ?? '';
      if (!(await gitAccepts(name))) rejected.push(name);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return rejected;
}

describe('fix branch names against git check-ref-format --branch (property)', function () {
  this.timeout(120_000);

  it(`accepts the name for ${CASES} generated titles, keys, teams and templates`, async () => {
    const samples = fc.sample(fc.record({ title: text, key: text, team: text, user: text, template, maxSlugLength: fc.integer({ min: 8, max: 100 }) }), { numRuns: CASES, seed: 20261124 });
    const names: string[] = [];
    let refusedTemplates = 0;
    for (const s of samples) {
      const result = branchNameFor(makeTicket({ id: s.key || 'x', key: s.key, title: s.title, team: s.team }), s.template, { maxSlugLength: s.maxSlugLength, user: s.user });
      if (result.ok) names.push(result.name);
      else {
        refusedTemplates++;
        assert.match(result.message, /supportRotation\.branch\.template/);
      }
    }
    // Most generated templates hold ${key} or ${id}: the check covers thousands of real names.
    assert.ok(names.length >= 5_000, `only ${names.length} names of ${CASES} (${refusedTemplates} templates refused)`);
    assert.ok(refusedTemplates > 0, 'some templates without ${key} or ${id} were generated and refused');
    const started = Date.now();
    const rejected = await rejectedByGit(names);
    console.log(`      ${names.length} names checked by git in ${((Date.now() - started) / 1000).toFixed(1)} s; ${refusedTemplates} templates refused`);
    assert.deepEqual(rejected.slice(0, 10), []);
  });
});
