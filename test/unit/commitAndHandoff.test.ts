import { strict as assert } from 'node:assert';
import { ticketNamedByBranch } from '../../src/core/branchTicket';
import { commitMessageFor, DEFAULT_COMMIT_TEMPLATE } from '../../src/core/commitMessage';
import { emptySections, HANDOFF_SECTIONS, handoffNoteTemplate, internalNotesBy } from '../../src/core/handoffNote';
import { makeTicket, person } from '../support/ticketFactory';

describe('commit message template', () => {
  it('is the title, a blank line and a trailer with the ticket URL', () => {
    const ticket = makeTicket({ id: 'SUP-42', title: 'Invoices show VAT\ntwice', url: 'https://support.example.com/t/42' });
    assert.equal(commitMessageFor(ticket, DEFAULT_COMMIT_TEMPLATE), 'Invoices show VAT twice\n\nSupport-Ticket: https://support.example.com/t/42');
  });

  it('uses the key when the ticket has no URL, and leaves unknown variables as written', () => {
    const ticket = makeTicket({ id: 'SUP-42', title: 'VAT' });
    assert.equal(commitMessageFor(ticket, '${key}: ${title} ${nope}\n\nRefs: ${url}'), 'SUP-42: VAT ${nope}\n\nRefs: SUP-42');
  });
});

describe('ticket named by a branch', () => {
  const tickets = [makeTicket({ id: 'SUP-42' }), makeTicket({ id: 'SUP-421' }), makeTicket({ id: '7', key: '#7' })];

  it('finds a key whatever the case and separators around it', () => {
    assert.equal(ticketNamedByBranch('support/SUP-42-vat-twice', tickets)?.key, 'SUP-42');
    assert.equal(ticketNamedByBranch('fix/sup-42', tickets)?.key, 'SUP-42');
  });

  it('does not take SUP-42 inside SUP-421, nor a key glued to other letters', () => {
    assert.equal(ticketNamedByBranch('support/SUP-421-x', tickets)?.key, 'SUP-421');
    assert.equal(ticketNamedByBranch('support/XSUP-42', tickets), undefined);
  });

  it('does not guess number-only keys from names', () => {
    assert.equal(ticketNamedByBranch('fix/7-typo', tickets), undefined);
  });
});

describe('hand-off note', () => {
  const ticket = makeTicket({
    id: 'SUP-42',
    title: 'Invoices show VAT twice',
    url: 'https://support.example.com/t/42',
    organization: 'Nordlicht Logistik',
    requester: person('Lena Fischer'),
    region: 'EMEA',
    links: [{ kind: 'branch', name: 'support/SUP-42-vat' }],
  });
  const note = handoffNoteTemplate({
    ticket,
    teamName: 'Billing',
    slaText: 'S2 · 3h left',
    suspects: [{ path: 'services/billing/lib/tax/vat_calculator.rb', why: 'owns services/billing/**' }],
  });

  it('has every section, in order, pre-filled with what is known', () => {
    const headings = [...note.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [...HANDOFF_SECTIONS]);
    assert.match(note, /^## Hand-off of SUP-42 to Billing/);
    assert.match(note, /S2 · 3h left — customer: Nordlicht Logistik, Lena Fischer — region EMEA/);
    assert.match(note, /- `services\/billing\/lib\/tax\/vat_calculator.rb` \(owns services\/billing\/\*\*\)/);
    assert.match(note, /- Fix branch: `support\/SUP-42-vat`/);
    assert.match(note, /- Ticket: https:\/\/support.example.com\/t\/42/);
  });

  it('names the sections the engineer has not filled in yet', () => {
    assert.deepEqual(emptySections(note), ['What was investigated', 'How to reproduce', 'Next steps']);
    const filled = note.replace('### What was investigated\n- ', '### What was investigated\n- Reproduced with a German customer account');
    assert.deepEqual(emptySections(filled), ['How to reproduce', 'Next steps']);
  });

  it('starts "What was investigated" from my internal notes, and only mine', () => {
    const at = new Date('2026-11-24T09:00:00Z');
    const comments = [
      { author: person('Me@Example.com'), createdAt: at, body: 'Reproduced on staging.\nOnly German accounts.', internal: true },
      { author: person('me@example.com'), createdAt: at, body: 'Thanks, we are on it.', internal: false },
      { author: person('colleague@example.com'), createdAt: at, body: 'Saw this last week.', internal: true },
    ];
    const investigated = internalNotesBy(comments, 'me@example.com');
    assert.deepEqual(investigated, ['Reproduced on staging.\nOnly German accounts.']);
    const withNotes = handoffNoteTemplate({ ticket, teamName: 'Billing', slaText: 'S2', suspects: [], investigated });
    assert.match(withNotes, /### What was investigated\n- Reproduced on staging\.\n {2}Only German accounts\.\n\n### How to reproduce/);
    assert.ok(!emptySections(withNotes).includes('What was investigated'));
    assert.deepEqual(internalNotesBy(comments, undefined), []);
  });
});
