/** The published JSON Schema of the queue file, derived from the zod schemas so the two cannot drift. */
import * as z from 'zod/mini';
import { queueFileSchema } from './queueFileSchema';

function queueJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(queueFileSchema, { io: 'input', target: 'draft-7' }),
    title: 'Support Rotation local queue',
    description: 'The escalation queue kept in the workspace (default .support/queue.json).',
  };
}

export function queueJsonSchemaText(): string {
  return `${JSON.stringify(queueJsonSchema(), null, 2)}\n`;
}
