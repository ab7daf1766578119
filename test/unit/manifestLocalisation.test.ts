import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, unknown> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));

/** Manifest fields VS Code shows to people; in package.json each holds a `%key%` of package.nls.json. */
const SHOWN_FIELDS = new Set([
  'displayName',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'title',
  'category',
  'name',
  'contextualTitle',
  'contents',
  'label',
]);

interface Text {
  readonly path: string;
  readonly value: string;
}

/** Every string in the manifest, with where it is. */
function* strings(value: unknown, path: string): Generator<Text> {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

const fieldOf = (path: string): string =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .at(-1) ?? '';
const keyOf = (text: string): string | undefined => /^%([^%\s]+)%$/.exec(text)?.[1];

const shown = (): Text[] =>
  [{ path: 'displayName', value: pkg.displayName }, { path: 'description', value: pkg.description }, ...strings(pkg.contributes, 'contributes')].filter(
    (text) => SHOWN_FIELDS.has(fieldOf(text.path)),
  );

describe('package.json is localised through package.nls.json', () => {
  it('shows people no text of its own: every shown field is a %key%', () => {
    const literal = shown().filter((text) => keyOf(text.value) === undefined);
    assert.deepEqual(
      literal.map((text) => text.path),
      [],
    );
  });

  it('finds every %key% in package.nls.json, with English text', () => {
    const missing = [...strings(pkg, '')].map((text) => keyOf(text.value)).filter((key) => key !== undefined && typeof nls[key] !== 'string');
    assert.deepEqual(missing, []);
    for (const [key, text] of Object.entries(nls)) assert.ok(typeof text === 'string' && text.trim().length > 0, key);
  });

  it('uses every entry of package.nls.json', () => {
    const used = new Set([...strings(pkg, '')].map((text) => keyOf(text.value)));
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
  });
});
