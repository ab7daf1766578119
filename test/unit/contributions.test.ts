import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, CONTEXT_KEYS, ITEM_CONTEXT, PANEL_VIEW_TYPES, SETTINGS, VIEWS } from '../../src/ui/common/contributionIds';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}
const menuEntries = (): [string, MenuEntry][] =>
  Object.entries(pkg.contributes.menus as Record<string, MenuEntry[]>).flatMap(([menu, entries]) => entries.map((e): [string, MenuEntry] => [menu, e]));

/** The English text VS Code shows for a manifest string: `%key%` is looked up in package.nls.json. */
const english = (text: string): string => text.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? text);

/** Context keys VS Code itself sets that the `when` clauses read. */
const VSCODE_CONTEXT_KEYS = new Set(['view', 'viewItem', 'workspaceFolderCount', 'focusedView', 'terminalFocus']);

interface Condition {
  readonly key: string;
  readonly operator?: string;
  readonly value?: string;
}

/** The conditions of a `when` clause (joined by `&&` or `||`, each maybe negated). */
function conditions(when: string): Condition[] {
  return when
    .split(/&&|\|\|/)
    .map((term) => term.trim().replace(/^[!(\s]+|[)\s]+$/g, ''))
    .filter((term) => term !== 'true' && term !== 'false')
    .map((term) => {
      const match = /^([\w.]+)\s*(==|!=|=~|>=|<=|>|<)\s*(.+)$/.exec(term);
      return match ? { key: match[1] ?? '', operator: match[2], value: match[3]?.trim() } : { key: term };
    });
}

/** Every `when` and `enablement` clause, with where it is. */
function whenClauses(): { where: string; when: string }[] {
  const found: { where: string; when: string }[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}[${index}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if ((key === 'when' || key === 'enablement') && typeof item === 'string') found.push({ where, when: item });
        else visit(item, `${where}.${key}`);
      }
    }
  };
  visit(pkg.contributes, 'contributes');
  return found;
}

const itemContexts: string[] = Object.values(ITEM_CONTEXT);

describe('package.json contributions agree with the code', () => {
  it('contributes exactly the commands the code registers', () => {
    const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    const ids: string[] = Object.values(COMMANDS);
    assert.deepEqual(
      contributed.filter((id) => !ids.includes(id)),
      [],
      'in package.json, missing from COMMANDS',
    );
    assert.deepEqual(
      ids.filter((id) => !contributed.includes(id)),
      [],
      'in COMMANDS, missing from package.json',
    );
    assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
  });

  it('gives every command a title and one category, and an icon where it shows as a button', () => {
    const commands = new Map<string, { title?: string; category?: string; icon?: string }>(
      pkg.contributes.commands.map((c: { command: string }) => [c.command, c]),
    );
    for (const [id, command] of commands) assert.ok(english(command.title ?? '').length > 0, `${id} has no title`);
    assert.deepEqual(new Set([...commands.values()].map((command) => command.category)), new Set(['%command.category%']));
    for (const [menu, entry] of menuEntries()) {
      const button = entry.group === 'inline' || (menu.endsWith('/title') && (entry.group ?? '').startsWith('navigation'));
      if (button) assert.ok(commands.get(entry.command)?.icon, `${entry.command} is a button in ${menu} without an icon`);
    }
  });

  it('contributes exactly the settings the code reads', () => {
    const contributed = Object.keys(pkg.contributes.configuration.properties).sort();
    const read = Object.entries(SETTINGS)
      .filter(([name]) => name !== 'section')
      .map(([, key]) => `${SETTINGS.section}.${key}`)
      .sort();
    assert.deepEqual(contributed, read);
  });

  it('contributes the view and its container', () => {
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, VIEWS.container);
    assert.deepEqual(
      pkg.contributes.views[VIEWS.container].map((v: { id: string }) => v.id),
      [VIEWS.queue],
    );
  });

  it('puts only its own commands in menus, and only known commands in welcome views', () => {
    const contributed = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    for (const [menu, entry] of menuEntries()) assert.ok(contributed.has(entry.command), `${menu}: ${entry.command}`);
    const known = new Set<string>([...Object.values(COMMANDS), 'workbench.action.files.openFolder']);
    const links = (pkg.contributes.viewsWelcome as { contents: string }[]).flatMap((welcome) => [
      ...english(welcome.contents).matchAll(/\(command:([\w.]+)\)/g),
    ]);
    assert.ok(links.length > 0, 'the welcome views link no command');
    for (const [, command] of links) assert.ok(known.has(command ?? ''), command);
  });

  it('reads in `when` clauses only context keys that VS Code or the extension sets', () => {
    const ours = new Set<string>(Object.values(CONTEXT_KEYS));
    const clauses = whenClauses();
    assert.ok(clauses.length > 0);
    for (const { where, when } of clauses) {
      for (const { key } of conditions(when)) assert.ok(ours.has(key) || VSCODE_CONTEXT_KEYS.has(key), `${where}: "${when}" reads ${key}, which is never set`);
    }
  });

  it('names only its own views, and only tree item context values the tree sets', () => {
    const views = new Set<string>(Object.values(VIEWS));
    for (const { where, when } of whenClauses()) {
      for (const { key, operator, value = '' } of conditions(when)) {
        if (key === 'view') assert.ok(views.has(value), `${where}: no view ${value}`);
        if (key !== 'viewItem') continue;
        if (operator === '=~') {
          const pattern = /^\/(.*)\/([a-z]*)$/.exec(value);
          assert.ok(pattern, `${where}: ${value} is not a regular expression`);
          const regex = new RegExp(pattern[1] ?? '', pattern[2]);
          assert.ok(
            itemContexts.some((context) => regex.test(context)),
            `${where}: ${value} matches no ITEM_CONTEXT value`,
          );
        } else {
          assert.ok(itemContexts.includes(value), `${where}: the tree never sets viewItem ${value}`);
        }
      }
    }
  });

  it('offers Create Merge Request in the palette only while a source of the queue can open one', () => {
    const entries = menuEntries().filter(([menu, entry]) => menu === 'commandPalette' && entry.command === COMMANDS.createMergeRequest);
    assert.deepEqual(
      entries.map(([, entry]) => entry.when),
      [CONTEXT_KEYS.mergeRequestsAvailable],
    );
  });

  it('binds keys only to its own commands (or its view), each for Linux and Windows and for macOS, each scoped', () => {
    const keybindings = pkg.contributes.keybindings as { command: string; key: string; mac?: string; when?: string }[];
    const own = new Set<string>([...Object.values(COMMANDS), `${VIEWS.queue}.focus`]);
    assert.deepEqual(
      keybindings.map((k) => k.command),
      [`${VIEWS.queue}.focus`, COMMANDS.nextUrgentTicket, COMMANDS.claim, COMMANDS.openTicket],
    );
    for (const binding of keybindings) {
      assert.ok(own.has(binding.command), binding.command);
      assert.ok(binding.when, `${binding.command} has no when clause`);
      assert.ok(!binding.key.includes('cmd'), binding.key);
    }
    const keys = keybindings.flatMap((k) => [`${k.key}|${k.when}`, `${k.mac ?? k.key}|${k.when}|mac`]);
    assert.equal(new Set(keys).size, keys.length, 'a key is bound twice in the same place');
  });

  it('activates on the view, the queue file and a restored ticket panel or dashboard, never on everything', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
    assert.deepEqual(pkg.activationEvents, [
      'onView:supportRotation.queue',
      'workspaceContains:.support/queue.json',
      ...Object.values(PANEL_VIEW_TYPES).map((type) => `onWebviewPanel:${type}`),
    ]);
  });
});
