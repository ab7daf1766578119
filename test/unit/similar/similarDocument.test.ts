import { strict as assert } from 'node:assert';
import { documentFields, ticketTerms } from '../../../src/core/similar/similarDocument';

describe('a ticket as the similar-ticket index sees it', () => {
  const ticket = {
    title: 'Checkout fails',
    text: 'The basket page breaks.\n\n~~~text\nZodError: quantity expected number\n~~~\n\n```python\nKeyError: number\n```',
  };

  it("leaves a code fence's language out of the body words, and keeps what the fence holds", () => {
    const body = documentFields(ticket).bodyWords.split(' ');
    assert.ok(!body.includes('text') && !body.includes('python'), body.join(' '));
    assert.ok(body.includes('quantity') && body.includes('basket'), body.join(' '));
    assert.deepEqual(ticketTerms(ticket).body, body);
  });
});
