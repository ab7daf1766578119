// Regenerates schemas/queue.schema.json from the zod schemas of the local queue file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queueJsonSchemaText } from '../src/providers/local/queueJsonSchema';

writeFileSync(join(__dirname, '..', 'schemas', 'queue.schema.json'), queueJsonSchemaText());
