// `npm run schema`: writes what is generated from the zod schemas: schemas/queue.schema.json (the
// local queue file's published format) and, in package.json, each setting's type, constraints and default.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queueJsonSchemaText } from '../src/providers/local/queueJsonSchema';
import { contributedSettings } from '../src/shared/settingsJsonSchema';
import { SETTINGS } from '../src/ui/common/contributionIds';

const root = join(__dirname, '..');
writeFileSync(join(root, 'schemas', 'queue.schema.json'), queueJsonSchemaText());

const manifestFile = join(root, 'package.json');
type ContributedSettings = Parameters<typeof contributedSettings>[0];
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { contributes: { configuration: { properties: ContributedSettings } } };
const configuration = manifest.contributes.configuration;
configuration.properties = contributedSettings(configuration.properties, SETTINGS.section);
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
