import { strict as assert } from 'node:assert';
import { historyOfQueue } from '../../../src/providers/jira/jiraHistory';

describe("Jira history's default JQL, from the queue's", () => {
  it('drops the top-level clauses that leave out what is done, and the ordering', () => {
    assert.equal(
      historyOfQueue('project = SUP AND labels = escalation AND statusCategory != Done ORDER BY priority DESC'),
      'project = SUP AND labels = escalation',
    );
    assert.equal(historyOfQueue('project = SUP and resolution = Unresolved'), 'project = SUP');
    assert.equal(historyOfQueue('(project = A OR project = B) AND resolution is EMPTY'), '(project = A OR project = B)');
  });

  it('reads AND and OR inside quotes and parentheses as text, not as joins', () => {
    assert.equal(historyOfQueue('summary ~ "a AND status" AND status != Done'), 'summary ~ "a AND status"');
  });

  it('keeps a query with a top-level OR whole, since dropping a clause there would widen it', () => {
    assert.equal(historyOfQueue('project = SUP OR statusCategory != Done'), 'project = SUP OR statusCategory != Done');
  });

  it('asks for every issue when only state clauses were given', () => {
    assert.equal(historyOfQueue('statusCategory != Done'), 'created IS NOT EMPTY');
  });
});
