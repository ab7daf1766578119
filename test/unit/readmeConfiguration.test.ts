import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  githubSourceConfigSchema,
  gitlabSourceConfigSchema,
  jiraSourceConfigSchema,
  localSourceConfigSchema,
  zendeskSourceConfigSchema,
} from '../../src/shared/sourceConfig';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown }> = pkg.contributes.configuration.properties;

/** The README's "Configuration" section, up to the next heading of its level. */
function configurationSection(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Configuration\n');
  assert.ok(start >= 0, 'the README has no "Configuration" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The settings table: each row's setting and the default it shows, without the backticks. */
function tableRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of configurationSection().split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const setting = /^`(supportRotation\.[\w.]+)`$/.exec(cells[1] ?? '')?.[1];
    if (setting) rows.set(setting, /^`(.*)`$/.exec(cells[2] ?? '')?.[1] ?? '');
  }
  return rows;
}

/** Whether the README's text is the default: as JSON, as a string without its quotes, or a list cut short with `…`. */
function shows(shown: string, value: unknown): boolean {
  if (typeof value === 'string' && shown === JSON.stringify(value).slice(1, -1)) return true;
  const shortened = shown.replace(/,\s*…\s*\]$/, ']');
  let parsed: unknown;
  try {
    parsed = JSON.parse(shortened);
  } catch {
    return false;
  }
  const compared = shortened !== shown && Array.isArray(value) && Array.isArray(parsed) ? value.slice(0, parsed.length) : value;
  return isDeepStrictEqual(parsed, compared);
}

describe("the README's Configuration section", () => {
  it('lists every setting package.json contributes, and no other', () => {
    assert.deepEqual([...tableRows().keys()].sort(), Object.keys(properties).sort());
  });

  it("shows each setting's default as package.json has it", () => {
    for (const [setting, shown] of tableRows()) {
      assert.ok(
        shows(shown, properties[setting]?.default),
        `${setting}: the README shows ${shown}, package.json has ${JSON.stringify(properties[setting]?.default)}`,
      );
    }
  });

  it('names every field of every kind of source', () => {
    const section = configurationSection();
    for (const schema of [localSourceConfigSchema, gitlabSourceConfigSchema, zendeskSourceConfigSchema, githubSourceConfigSchema, jiraSourceConfigSchema]) {
      for (const field of Object.keys(schema.shape)) {
        assert.ok(section.includes(`\`${field}\``) || section.includes(`"${field}"`), `the README does not mention the field ${field}`);
      }
    }
    for (const kind of ['local', 'gitlab', 'zendesk', 'github', 'jira']) assert.ok(section.includes(`\`${kind}\``), kind);
  });
});
