import { strict as assert } from 'node:assert';
import { assignmentChange, displacedBy } from '../../../src/providers/gitlab/assignmentNotes';

const SAM = { id: 7, username: 'sam.taylor', name: 'Sam Taylor' };
const MEI = { id: 9, username: 'mei.chen', name: 'Mei Chen' };
const note = (id: number, body: string, author = SAM, system = true) => ({ id, body, author, created_at: '2026-11-24T09:00:00Z', system });

describe("GitLab's system notes about assignees", () => {
  it('reads who was assigned and unassigned, in every form GitLab writes', () => {
    assert.deepEqual(assignmentChange(note(1, 'assigned to @sam.taylor')), { assigned: ['sam.taylor'], unassigned: [] });
    assert.deepEqual(assignmentChange(note(1, 'unassigned @mei.chen')), { assigned: [], unassigned: ['mei.chen'] });
    assert.deepEqual(assignmentChange(note(1, 'assigned to @sam.taylor and unassigned @mei.chen')), { assigned: ['sam.taylor'], unassigned: ['mei.chen'] });
    assert.deepEqual(assignmentChange(note(1, 'assigned to @a, @b, and @c_d and unassigned @e-f and @g.h')), {
      assigned: ['a', 'b', 'c_d'],
      unassigned: ['e-f', 'g.h'],
    });
  });

  it('leaves other notes alone: other system notes, and anything a person wrote', () => {
    assert.equal(assignmentChange(note(1, 'changed the description')), undefined);
    assert.equal(assignmentChange(note(1, 'assigned to @sam.taylor', SAM, false)), undefined);
  });

  it("names whom one person's changes took off the issue: never themselves, and nothing anyone else did", () => {
    const notes = [
      note(3, 'assigned to @sam.taylor and unassigned @mei.chen'),
      note(4, 'assigned to @mei.chen and unassigned @sam.taylor', MEI),
      note(5, 'unassigned @sam.taylor'),
    ];
    assert.deepEqual(displacedBy(notes, SAM), ['mei.chen']);
    assert.deepEqual(displacedBy(notes, MEI), ['sam.taylor']);
    assert.deepEqual(displacedBy([note(6, 'assigned to @sam.taylor')], SAM), []);
  });
});
