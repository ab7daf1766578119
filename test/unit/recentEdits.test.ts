import { strict as assert } from 'node:assert';
import { RecentEdits } from '../../src/core/recentEdits';
import { makeTicket, person } from '../support/ticketFactory';

describe('recent edits over a queue load', () => {
  const before = [makeTicket({ id: 'a' }), makeTicket({ id: 'b' })];
  const claimed = makeTicket({ id: 'a', assignee: person('sam'), revision: '1' });

  it('keeps a claim made while a load that read the old file was running', () => {
    const edits = new RecentEdits();
    const since = edits.mark(); // the load starts and reads the file before the claim is written
    edits.record(claimed);
    const shown = edits.applyTo(before, since);
    assert.equal(shown[0]?.assignee?.id, 'sam');
    assert.equal(shown[1], before[1]);
  });

  it('trusts a load that started after the edit, and forgets the edit', () => {
    const edits = new RecentEdits();
    edits.record(claimed);
    const since = edits.mark();
    const releasedElsewhere = [makeTicket({ id: 'a', revision: '2' })];
    assert.equal(edits.applyTo(releasedElsewhere, since)[0]?.assignee, null);
    // Forgotten: an older load finishing later no longer brings it back either.
    assert.equal(edits.applyTo(releasedElsewhere, 0)[0]?.assignee, null);
  });

  it('matches tickets by source as well as id', () => {
    const edits = new RecentEdits();
    const since = edits.mark();
    edits.record(makeTicket({ id: 'a', sourceId: 'other', assignee: person('sam') }));
    assert.equal(edits.applyTo(before, since)[0]?.assignee, null);
  });
});
