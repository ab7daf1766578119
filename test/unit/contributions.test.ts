import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, SETTINGS, VIEWS } from '../../src/ui/common/contributionIds';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('package.json contributions agree with the code', () => {
  it('contributes exactly the commands the code registers', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
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

  it('only uses known commands in menus and welcome views', () => {
    const known = new Set<string>([...Object.values(COMMANDS), 'workbench.action.files.openFolder']);
    for (const entries of Object.values<{ command: string }[]>(pkg.contributes.menus)) {
      for (const entry of entries) assert.ok(known.has(entry.command), entry.command);
    }
    for (const welcome of pkg.contributes.viewsWelcome as { contents: string }[]) {
      for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(known.has(command ?? ''), command);
    }
  });

  it('activates on the view, the queue file and a restored ticket panel, never on everything', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
    assert.deepEqual(pkg.activationEvents, ['onView:supportRotation.queue', 'workspaceContains:.support/queue.json', 'onWebviewPanel:supportRotation.ticket']);
  });
});
