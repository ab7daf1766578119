import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_SPECS, type SettingKey } from '../../src/shared/settingSchemas';
import { contributedSettings } from '../../src/shared/settingsJsonSchema';
import { SETTINGS } from '../../src/ui/common/contributionIds';

type Property = Record<string, unknown>;

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, Property> = pkg.contributes.configuration.properties;
const prefix = `${SETTINGS.section}.`;

function specOf(property: string): (typeof SETTING_SPECS)[SettingKey] {
  const key = property.slice(prefix.length);
  assert.ok(property.startsWith(prefix) && key in SETTING_SPECS, `${property} has no entry in SETTING_SPECS`);
  return SETTING_SPECS[key as SettingKey];
}

describe('package.json settings agree with the schemas the code reads them with', () => {
  it('has each setting as `npm run schema` writes it from SETTING_SPECS (run it after changing them)', () => {
    assert.deepEqual(properties, contributedSettings(properties, SETTINGS.section));
  });

  it('has a table entry for every setting the code reads, and none else', () => {
    const read = Object.entries(SETTINGS)
      .filter(([name]) => name !== 'section')
      .map(([, key]) => key)
      .sort();
    assert.deepEqual(Object.keys(SETTING_SPECS).sort(), read);
  });

  for (const [property, contributed] of Object.entries(properties)) {
    it(`${property}: package.json's default is the code's fallback, and one its schema accepts`, () => {
      const spec = specOf(property);
      assert.deepEqual(contributed['default'], spec.default);
      const parsed = spec.schema.safeParse(spec.default);
      assert.ok(parsed.success, `${property}'s default is refused by its own schema: ${JSON.stringify(parsed.error?.issues)}`);
    });

    it(`${property}: has a scope that says where it may be set`, () => {
      assert.ok(['machine-overridable', 'resource', 'window'].includes(String(contributed['scope'])), `scope ${String(contributed['scope'])}`);
    });
  }

  it('describes every enum value', () => {
    for (const [property, contributed] of Object.entries(properties)) {
      if (!Array.isArray(contributed['enum'])) continue;
      const descriptions = contributed['enumDescriptions'] ?? contributed['markdownEnumDescriptions'];
      assert.ok(Array.isArray(descriptions), `${property} has no enumDescriptions`);
      assert.equal(descriptions.length, contributed['enum'].length, `${property}: one description per value`);
    }
  });
});
