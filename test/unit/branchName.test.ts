import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import {
  branchNameFor,
  type BranchNameOptions,
  DEFAULT_BRANCH_TEMPLATE,
  MAX_BRANCH_NAME_LENGTH,
  slugOf,
  validateBranchTemplate,
} from '../../src/core/branchName';
import type { Ticket } from '../../src/core/ticket';
import { makeTicket } from '../support/ticketFactory';

const options: BranchNameOptions = { maxSlugLength: 50, user: 'sam.taylor@example.com' };

function nameFor(template: string, ticket: Partial<Ticket> = {}, named = options): string {
  const result = branchNameFor(makeTicket({ id: 'SUP-42', title: 'Invoices show VAT twice', team: 'Billing Ops', severity: 2, ...ticket }), template, named);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.name;
}
const titled = (title: string): string => nameFor(DEFAULT_BRANCH_TEMPLATE, { title });

function gitAccepts(name: string): boolean {
  return spawnSync('git', ['check-ref-format', '--branch', name], { cwd: tmpdir(), stdio: 'ignore' }).status === 0;
}

describe('fix branch names', () => {
  it('follows the default template: support/<key>-<slug>', () => {
    assert.equal(DEFAULT_BRANCH_TEMPLATE, 'support/${key}-${slug}');
    assert.equal(nameFor(DEFAULT_BRANCH_TEMPLATE), 'support/SUP-42-invoices-show-vat-twice');
  });

  it('fills each variable', () => {
    const ticket = { id: '10042', key: 'SUP-42', sourceId: 'zendesk' };
    assert.equal(nameFor('${key}', ticket), 'SUP-42');
    assert.equal(nameFor('${id}', ticket), '10042');
    assert.equal(nameFor('${id}-${slug}', ticket), '10042-invoices-show-vat-twice');
    assert.equal(nameFor('${severity}/${id}', ticket), 's2/10042');
    assert.equal(nameFor('${source}/${id}', ticket), 'zendesk/10042');
    assert.equal(nameFor('${user}/${id}', ticket), 'sam.taylor/10042');
    assert.equal(nameFor('${team}/${id}', ticket), 'billing-ops/10042');
  });

  it('names an untriaged ticket s-less: untriaged', () => {
    assert.equal(nameFor('${severity}/${key}', { severity: 'unknown' }), 'untriaged/SUP-42');
  });

  it('takes the user name before any @, in lower case, and drops it when there is none', () => {
    assert.equal(nameFor('${user}/${key}', {}, { maxSlugLength: 50, user: 'Sam.Taylor@Example.com' }), 'sam.taylor/SUP-42');
    assert.equal(nameFor('${user}/${key}', {}, { maxSlugLength: 50, user: 'DOMAIN\\sam' }), 'domain-sam/SUP-42');
    assert.equal(nameFor('${user}/${key}', {}, { maxSlugLength: 50 }), 'SUP-42');
  });

  it('drops an absent team together with its path component', () => {
    assert.equal(nameFor('fix/${team}/${key}', { team: undefined }), 'fix/SUP-42');
    assert.equal(nameFor('fix/${team}-${key}', { team: undefined }), 'fix/SUP-42');
  });

  it('sanitises values: #123 becomes 123, spaces and slashes in a team become -', () => {
    assert.equal(nameFor(DEFAULT_BRANCH_TEMPLATE, { id: '123', key: '#123', title: 'Crash' }), 'support/123-crash');
    assert.equal(nameFor('${team}/${key}', { team: ' Payments / EMEA ' }), 'payments-emea/SUP-42');
    assert.equal(nameFor('${key}', { key: '?!', id: '77' }), '77', 'a key with nothing left falls back to the id');
    assert.equal(nameFor('${key}', { key: '', id: '' }), 'ticket');
  });

  it('folds accents and letters without them to ASCII', () => {
    assert.equal(titled('Straße Ünïcödé café'), 'support/SUP-42-strasse-unicode-cafe');
    assert.equal(titled('Œuvre Łódź Ærø Đurđevac þing ﬁle'), 'support/SUP-42-oeuvre-lodz-aero-durdevac-thing-file');
  });

  it('drops emoji, control characters and punctuation without leaving separators behind', () => {
    assert.equal(titled('🔥 URGENT!!! \u0007 nothing\tworks 👩‍💻'), 'support/SUP-42-urgent-nothing-works');
  });

  it('falls back to "ticket" when nothing of the title is left', () => {
    assert.equal(titled(''), 'support/SUP-42-ticket');
    assert.equal(titled('?!… 🙈 *** ...'), 'support/SUP-42-ticket');
    assert.equal(titled('Ошибка при оплате'), 'support/SUP-42-ticket', 'scripts without a Latin spelling are not transliterated');
  });

  it('cuts the slug at a word boundary, and hard-cuts a single long word', () => {
    assert.equal(slugOf('one two three four', 12), 'one-two');
    assert.equal(slugOf('one two three four', 13), 'one-two-three', 'a word ending exactly at the limit stays');
    assert.equal(slugOf('abcdefghijklmnopqrstuvwxyz', 10), 'abcdefghij');
    assert.equal(slugOf('short', 10), 'short');
    assert.equal(nameFor(DEFAULT_BRANCH_TEMPLATE, { title: 'Invoices show VAT twice' }, { maxSlugLength: 16 }), 'support/SUP-42-invoices-show');
  });

  it(`keeps the whole name within ${MAX_BRANCH_NAME_LENGTH} characters`, () => {
    const name = nameFor('${slug}/${slug}/${slug}/${slug}/${slug}/${key}', { title: 'word '.repeat(40) }, { maxSlugLength: 100 });
    assert.equal(name.length, MAX_BRANCH_NAME_LENGTH - 1, 'cut, then the trailing - removed');
    assert.ok(gitAccepts(name));
  });

  describe('git check-ref-format rules, in titles, values and literal text', () => {
    // Each row: what the template and ticket would give if pasted in as they are (git refuses it),
    // and what comes out instead.
    const rules: { rule: string; template: string; ticket?: Partial<Ticket>; naive?: string; expected: string }[] = [
      { rule: 'no ..', template: 'fix..${key}', naive: 'fix..SUP-42', expected: 'fix.SUP-42' },
      { rule: 'no .. from a key', template: 'fix/${key}', ticket: { key: 'A..B' }, naive: 'fix/A..B', expected: 'fix/A.B' },
      { rule: 'no @{', template: 'fix@{${key}}', naive: 'fix@{SUP-42}', expected: 'fix-SUP-42' },
      // `--branch` lets `@` through, but every other git command reads it as HEAD.
      { rule: 'not a lone @', template: '@/${key}', expected: 'SUP-42' },
      { rule: 'no component ending in .lock', template: 'fix.lock/${key}.lock', naive: 'fix.lock/SUP-42.lock', expected: 'fix-lock/SUP-42-lock' },
      { rule: 'no .lock left behind by removing one', template: '${key}.lock.lock', naive: 'SUP-42.lock.lock', expected: 'SUP-42.lock-lock' },
      { rule: 'no leading -', template: '-${key}', naive: '-SUP-42', expected: 'SUP-42' },
      { rule: 'no leading . in any component', template: '.fix/.${key}', naive: '.fix/.SUP-42', expected: 'fix/SUP-42' },
      { rule: 'no //', template: 'fix//${key}', naive: 'fix//SUP-42', expected: 'fix/SUP-42' },
      { rule: 'no leading /', template: '/fix/${key}', naive: '/fix/SUP-42', expected: 'fix/SUP-42' },
      { rule: 'no trailing /', template: 'fix/${key}/', naive: 'fix/SUP-42/', expected: 'fix/SUP-42' },
      { rule: 'no trailing .', template: 'fix/${key}.', naive: 'fix/SUP-42.', expected: 'fix/SUP-42' },
      { rule: 'no backslash', template: 'fix\\${key}', naive: 'fix\\SUP-42', expected: 'fix-SUP-42' },
      { rule: 'no space', template: 'fix ${key}', naive: 'fix SUP-42', expected: 'fix-SUP-42' },
      { rule: 'no ~ ^ : ? * [', template: 'fix~^:?*[${key}', naive: 'fix~^:?*[SUP-42', expected: 'fix-SUP-42' },
      { rule: 'no control characters', template: 'fix\u0001${key}\u007f', naive: 'fix\u0001SUP-42\u007f', expected: 'fix-SUP-42' },
      { rule: 'not HEAD', template: '${key}', ticket: { key: 'HEAD' }, naive: 'HEAD', expected: 'HEAD-branch' },
      {
        rule: 'a title of dots and slashes',
        template: DEFAULT_BRANCH_TEMPLATE,
        ticket: { title: '../.lock//@{-1}' },
        naive: 'support/SUP-42-../.lock//@{-1}',
        expected: 'support/SUP-42-lock-1',
      },
    ];
    for (const { rule, template, ticket, naive, expected } of rules) {
      it(rule, () => {
        if (naive !== undefined) assert.equal(gitAccepts(naive), false, `git should refuse ${JSON.stringify(naive)}`);
        assert.equal(nameFor(template, ticket), expected);
        assert.ok(gitAccepts(expected));
      });
    }
  });

  describe('templates that cannot name a ticket', () => {
    const refused: { template: string; says: string }[] = [
      { template: '', says: 'needs ${key} or ${id}' },
      { template: '///', says: 'needs ${key} or ${id}' },
      { template: 'fixes/${slug}', says: 'needs ${key} or ${id}' },
      { template: 'support/${ticket}-${key}', says: 'uses ${ticket}, which is not known' },
      { template: 'support/${}-${key}', says: 'uses ${}, which is not known' },
      { template: 'support/${key', says: 'has a ${ without its closing }' },
      { template: 'support/${key}-${slug', says: 'has a ${ without its closing }' },
    ];
    for (const { template, says } of refused) {
      it(`refuses ${JSON.stringify(template)}, naming the setting`, () => {
        const result = branchNameFor(makeTicket({ id: 'SUP-1' }), template, options);
        assert.equal(result.ok, false);
        assert.ok(!result.ok && result.message.startsWith('The setting supportRotation.branch.template '), !result.ok ? result.message : '');
        assert.ok(!result.ok && result.message.includes(says), !result.ok ? result.message : '');
        assert.equal(validateBranchTemplate(template), result.ok ? undefined : result.message);
      });
    }

    it('accepts the default and literal text that only sanitises away', () => {
      assert.equal(validateBranchTemplate(DEFAULT_BRANCH_TEMPLATE), undefined);
      assert.equal(validateBranchTemplate('🔥/${key}'), undefined);
      assert.equal(nameFor('🔥/${key}'), 'SUP-42');
    });
  });
});
