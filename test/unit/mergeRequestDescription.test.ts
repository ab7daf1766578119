import { strict as assert } from 'node:assert';
import { mergeRequestDescription } from '../../src/core/mergeRequestDescription';

describe('the description of a merge request for a ticket', () => {
  it('closes the ticket with the keyword GitLab reads, and links the ticket', () => {
    assert.equal(
      mergeRequestDescription({ key: '#7', url: 'https://git.example.com/g/p/-/issues/7' }, 'closes'),
      'Closes #7\n\nSupport ticket: https://git.example.com/g/p/-/issues/7',
    );
  });

  it('only relates to it when asked, and names the key when the ticket has no web page', () => {
    assert.equal(mergeRequestDescription({ key: 'SUP-12', url: undefined }, 'related'), 'Related to SUP-12\n\nSupport ticket: SUP-12');
  });
});
