/**
 * Every codicon name the extension asks VS Code to draw: `$(name)` in package.json (icons, titles) and
 * in the source's strings, each `new vscode.ThemeIcon('name')`, and the values of the source's icon
 * tables (`…_ICONS = { kind: 'name' }`) that ThemeIcons are made from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/testPaths';

const NAME = /\$\(([a-z0-9-]+)(?:~[a-z]+)?\)/g;
const THEME_ICON_ARGUMENT = /ThemeIcon\(([^,)]*)/g;
const ICON_TABLE = /_ICONS\b[^=]*=\s*\{([^}]*)\}/g;
const QUOTED = /'([a-z0-9-]+)'/g;
const TABLE_VALUE = /:\s*'([a-z0-9-]+)'/g;

/** Name → where it is used, for the failure message. */
export function codiconNamesUsed(): Map<string, string> {
  const used = new Map<string, string>();
  const add = (name: string, where: string): void => void (used.has(name) || used.set(name, where));
  for (const match of readFileSync(join(REPO_ROOT, 'package.json'), 'utf8').matchAll(NAME)) add(match[1] ?? '', 'package.json');
  for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(REPO_ROOT.length + 1);
    for (const match of text.matchAll(NAME)) add(match[1] ?? '', where);
    for (const [pattern, names] of [
      [THEME_ICON_ARGUMENT, QUOTED],
      [ICON_TABLE, TABLE_VALUE],
    ] as const) {
      for (const match of text.matchAll(pattern)) for (const name of (match[1] ?? '').matchAll(names)) add(name[1] ?? '', where);
    }
  }
  return used;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
