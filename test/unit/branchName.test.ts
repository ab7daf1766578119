import { strict as assert } from 'node:assert';
import { branchNameFor, DEFAULT_BRANCH_TEMPLATE, slugOf, validateBranchTemplate } from '../../src/core/branchName';
import { makeTicket } from './support/ticketFactory';

const options = { maxSlugLength: 50, user: 'sam.taylor@example.com' };
const nameOf = (title: string, template = DEFAULT_BRANCH_TEMPLATE, key = 'SUP-42'): string => {
  const result = branchNameFor(makeTicket({ id: key, key, title, team: 'Billing Ops', severity: 2 }), template, options);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.name;
};

describe('fix branch names', () => {
  it('follows the default template: support/<key>-<slug>', () => {
    assert.equal(nameOf('Invoices show VAT twice'), 'support/SUP-42-invoices-show-vat-twice');
  });

  it('fills every variable', () => {
    assert.equal(nameOf('VAT', '${user}/${team}/${severity}-${source}-${id}-${key}-${slug}'), 'sam.taylor/billing-ops/s2-local-SUP-42-SUP-42-vat');
    const untriaged = branchNameFor(makeTicket({ id: 'x1', severity: 'unknown', title: 't' }), 'fix/${severity}/${id}', options);
    assert.deepEqual(untriaged, { ok: true, name: 'fix/untriaged/x1' });
  });

  it('folds accents and letters without them to ASCII', () => {
    assert.equal(nameOf('Straße Ünïcödé café Œuvre Łódź'), 'support/SUP-42-strasse-unicode-cafe-oeuvre-lodz');
  });

  it('drops emoji, control characters and punctuation without leaving separators behind', () => {
    assert.equal(nameOf('🔥 URGENT!!! \u0007 nothing\tworks 🔥'), 'support/SUP-42-urgent-nothing-works');
  });

  it('uses a fallback when the title has nothing to keep', () => {
    assert.equal(nameOf(''), 'support/SUP-42-ticket');
    assert.equal(nameOf('?!… 🙈 ***'), 'support/SUP-42-ticket');
  });

  it('keeps number-only keys usable', () => {
    assert.equal(nameOf('Crash', DEFAULT_BRANCH_TEMPLATE, '#123'), 'support/123-crash');
  });

  it('cuts the slug at a word boundary, and hard-cuts a single long word', () => {
    assert.equal(slugOf('one two three four', 12), 'one-two');
    assert.equal(slugOf('abcdefghijklmnopqrstuvwxyz', 10), 'abcdefghij');
    assert.equal(slugOf('short', 10), 'short');
  });

  it('removes what git refuses from literal text: .., @{, .lock, leading - and ., //, trailing / and .', () => {
    assert.equal(nameOf('x', '-.hidden/../a..b/${key}.lock/'), 'hidden/a.b/SUP-42-lock');
    assert.equal(nameOf('x', 'fix//@{${key}}~^:?*[\\ .'), 'fix/SUP-42');
    assert.equal(nameOf('x', '${key}.lock.lock'), 'SUP-42.lock-lock');
  });

  it('never yields the name HEAD', () => {
    assert.equal(nameOf('x', '${key}', 'HEAD'), 'HEAD-branch');
  });

  it('rejects templates that cannot name a ticket, naming the setting', () => {
    for (const template of ['', 'fixes/', '${slug}', 'support/${ticket}']) {
      const message = validateBranchTemplate(template);
      assert.ok(message?.includes('supportRotation.branch.template'), `${template}: ${message}`);
      const result = branchNameFor(makeTicket({ id: 'SUP-1' }), template, options);
      assert.equal(result.ok, false);
    }
    assert.equal(validateBranchTemplate(DEFAULT_BRANCH_TEMPLATE), undefined);
  });
});
