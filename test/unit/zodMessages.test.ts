import { strict as assert } from 'node:assert';
import * as z from 'zod/mini';
import { fieldMessages } from '../../src/core/zodMessages';

const firstMessage = (schema: z.ZodMiniType, value: unknown): string | undefined => schema.safeParse(value).error?.issues[0]?.message;

describe("zod's messages, as the extension words them", () => {
  it('say what a value must be and what was found, for any schema', () => {
    assert.equal(firstMessage(z.string(), 3), 'must be a string; found 3');
    assert.equal(firstMessage(z.string().check(z.minLength(1)), ''), 'must be a non-empty string; found ""');
    assert.equal(firstMessage(z.enum(['low', 'high']), 'urgent'), 'must be "low" or "high"; found "urgent"');
    assert.equal(firstMessage(z.object({ url: z.url() }), {}), 'must be a URL; it is missing');
    assert.equal(firstMessage(z.number().check(z.maximum(4)), 9), 'must be 4 or less; found 9');
  });

  it('name the keys an object does not take', () => {
    assert.equal(firstMessage(z.strictObject({ a: z.string() }), { a: 'x', colour: 'red', size: 2 }), 'has keys it does not take: colour, size');
  });

  it('name the field in the one-sentence form files people edit are read with', () => {
    const parsed = z
      .object({ tickets: z.array(z.object({ severity: z.nullable(z.number()) })) })
      .safeParse({ tickets: [{ severity: 'high' }] }, fieldMessages('the queue'));
    assert.equal(parsed.error?.issues[0]?.message, 'tickets[0].severity must be a number; found "high"');
  });
});
