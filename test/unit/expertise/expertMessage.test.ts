import { strict as assert } from 'node:assert';
import { askMessage, mentionOf } from '../../../src/core/expertise/expertMessage';
import type { Expert } from '../../../src/core/expertise/expertRanking';

const priya = { name: 'Priya Natarajan', email: 'priya.natarajan@example.com' };

describe('mentioning an expert', () => {
  it('uses the handle configured for the person, without a doubled @', () => {
    assert.equal(mentionOf(priya, [{ ...priya, email: 'Priya.Natarajan@example.com', handles: ['@priya-natarajan'] }]), '@priya-natarajan');
    assert.equal(mentionOf(priya, [{ ...priya, handles: ['priya'] }]), '@priya');
  });

  it("skips team handles and e-mail addresses, and falls back to the person's name, never an address", () => {
    assert.equal(mentionOf(priya, [{ ...priya, handles: ['@acme/billing', 'priya@example.com'] }]), 'Priya Natarajan');
    assert.equal(mentionOf(priya, []), 'Priya Natarajan');
    assert.ok(!mentionOf(priya, []).includes('@'));
  });

  it('asks with the mention first, and the files that make them the one to ask', () => {
    const expert: Expert = {
      key: priya.email,
      ...priya,
      score: 1,
      files: [{ path: 'services/billing/lib/tax/vat_calculator.rb', commits: 12, lines: 300, lastTime: 0 }],
      ownership: [],
      inPreferredRegion: false,
    };
    assert.equal(
      askMessage({ key: 'SUP-42', title: 'VAT twice' }, expert, '@priya-natarajan'),
      '@priya-natarajan, could you pair with me on SUP-42 (VAT twice)? You know `services/billing/lib/tax/vat_calculator.rb` (12 commits), which the ticket points at. 20 minutes today would help.',
    );
  });
});
