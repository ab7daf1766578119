import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/testPaths';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents: readonly string[];
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.json'), 'utf8'));
const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
const walkthroughs = pkg.contributes.walkthroughs as { id: string; title: string; steps: Step[] }[];
const steps = walkthroughs.flatMap((w) => w.steps);
const nlsKey = (text: string): string => /^%(.+)%$/.exec(text)?.[1] ?? '';

describe('the "First day on rotation" walkthrough', () => {
  it('has the steps of a first day, in order', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      ['openQueue', 'claim', 'readTicket', 'pairWithExpert', 'fixBranch', 'handOff', 'connectSource'],
    );
  });

  it('completes each step by running a command the extension contributes', () => {
    for (const step of steps) {
      const commands = step.completionEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
      assert.ok(commands.length > 0, `${step.id} completes on a command`);
      for (const command of commands) assert.ok(contributed.has(command), `${step.id}: ${command} is a contributed command`);
    }
  });

  it('links only to contributed commands (or the queue view) from its descriptions', () => {
    for (const step of steps) {
      const links = [...(nls[nlsKey(step.description)] ?? '').matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1] ?? '');
      assert.ok(links.length > 0, `${step.id} offers a button`);
      for (const command of links) assert.ok(contributed.has(command) || command === 'supportRotation.queue.focus', `${step.id}: ${command}`);
    }
  });

  it('has its texts in package.nls.json and each step its Markdown page', () => {
    for (const text of [...walkthroughs.map((w) => w.title), ...steps.flatMap((s) => [s.title, s.description])]) assert.ok(nls[nlsKey(text)], text);
    for (const step of steps) assert.ok(step.media.markdown && existsSync(join(REPO_ROOT, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
  });
});
