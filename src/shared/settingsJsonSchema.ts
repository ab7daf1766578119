/**
 * package.json's settings, as far as the code decides them: each setting's type, constraints and
 * default come from SETTING_SPECS (`npm run schema` writes them; a unit test fails when package.json
 * differs). What people read about a setting (descriptions, enum descriptions, order, scope) is
 * written in package.json beside them, in package.nls.json's words.
 */
import * as z from 'zod/mini';
import { SETTING_SPECS, type SettingKey } from './settingSchemas';

/** Keys of a contributed setting that are written by hand: they present it rather than constrain its value. */
const PRESENTATION_KEYS: ReadonlySet<string> = new Set([
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'editPresentation',
  'order',
  'scope',
  'tags',
]);

type JsonObject = Record<string, unknown>;

/**
 * `contributes.configuration.properties` with every setting's generated part as SETTING_SPECS has it
 * and its hand-written part as `written` has it, in SETTING_SPECS' order.
 */
export function contributedSettings(written: Readonly<Record<string, JsonObject>>, section: string): Record<string, JsonObject> {
  const keys = Object.keys(SETTING_SPECS) as SettingKey[];
  return Object.fromEntries(
    keys.map((key) => {
      const spec = SETTING_SPECS[key];
      // No `$schema`: each setting is one part of VS Code's settings schema, not a document of its own.
      const { $schema, type, ...constraints }: JsonObject = z.toJSONSchema(spec.schema, { io: 'input', target: 'draft-7' });
      const presentation = Object.entries(written[`${section}.${key}`] ?? {}).filter(([name]) => PRESENTATION_KEYS.has(name));
      return [`${section}.${key}`, { type, default: spec.default, ...Object.fromEntries(presentation), ...constraints }];
    }),
  );
}
