import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queueJsonSchemaText } from '../../src/providers/local/queueJsonSchema';

const root = join(__dirname, '..', '..');

describe('published queue JSON Schema', () => {
  it('is exactly what the zod schemas generate (run `npm run schema` after changing them)', () => {
    assert.equal(readFileSync(join(root, 'schemas', 'queue.schema.json'), 'utf8'), queueJsonSchemaText());
  });

  it('is the file package.json contributes for the queue file', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['.support/queue.json', '**/.support/queue.json'], url: './schemas/queue.schema.json' }]);
  });

  it('requires the minimum ticket fields and describes them for completion', () => {
    const schema = JSON.parse(queueJsonSchemaText());
    const ticket = schema.properties.tickets.items;
    assert.deepEqual([...ticket.required].sort(), ['assignee', 'createdAt', 'id', 'severity', 'status', 'title']);
    assert.match(ticket.properties.severity.description, /1 \(most urgent\) to 4/);
    assert.deepEqual(schema.required.sort(), ['tickets', 'version']);
  });
});
