import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import * as z from 'zod/mini';
import { StoredSignIn } from '../../../src/ui/sources/storedSignIn';

/** SecretStorage, Memento and a log line collector, in memory. */
function fakeDeps(): { deps: ConstructorParameters<typeof StoredSignIn>[0]; secrets: Map<string, string>; state: Map<string, unknown>; warnings: string[] } {
  const secrets = new Map<string, string>();
  const state = new Map<string, unknown>();
  const warnings: string[] = [];
  const deps = {
    secrets: {
      get: (key: string) => Promise.resolve(secrets.get(key)),
      store: (key: string, value: string) => Promise.resolve(void secrets.set(key, value)),
      delete: (key: string) => Promise.resolve(void secrets.delete(key)),
    } as unknown as vscode.SecretStorage,
    state: {
      get: (key: string) => state.get(key),
      update: (key: string, value: unknown) => Promise.resolve(void (value === undefined ? state.delete(key) : state.set(key, value))),
    } as unknown as vscode.Memento,
    log: { warn: (line: string) => void warnings.push(line) } as unknown as vscode.LogOutputChannel,
  };
  return { deps, secrets, state, warnings };
}

const userSchema = z.object({ id: z.number(), name: z.string() });
const kind = { system: 'desk', logName: 'Desk', bearer: 'oauth' as const, user: userSchema };

describe('a stored sign-in', () => {
  it('keeps the credential only as a secret and who signed in only in the state, and reads both back', async () => {
    const { deps, secrets, state } = fakeDeps();
    const stored = new StoredSignIn(deps, kind);
    await stored.keep('one', { kind: 'apiToken', email: 'sam@example.com', token: 't0k' }, { id: 7, name: 'Sam' });
    assert.deepEqual([...secrets.keys()], ['supportRotation.desk.credential.one']);
    assert.deepEqual([...state.keys()], ['supportRotation.desk.user.one']);
    assert.ok(!JSON.stringify([...state.values()]).includes('t0k'), 'no secret in the state');
    assert.deepEqual(await stored.credential('one'), { kind: 'apiToken', email: 'sam@example.com', token: 't0k' });
    assert.deepEqual(stored.user('one'), { id: 7, name: 'Sam' });
    assert.equal(await stored.credential('two'), undefined);
  });

  it('reads a bearer token of its own kind, and refuses another kind, broken JSON or a missing field, saying so in the log', async () => {
    const { deps, secrets, warnings } = fakeDeps();
    const stored = new StoredSignIn(deps, kind);
    secrets.set('supportRotation.desk.credential.a', JSON.stringify({ kind: 'oauth', token: 'b' }));
    assert.deepEqual(await stored.credential('a'), { kind: 'oauth', token: 'b' });
    for (const bad of [JSON.stringify({ kind: 'pat', token: 'b' }), '{not json', JSON.stringify({ kind: 'apiToken', token: 'b' })]) {
      secrets.set('supportRotation.desk.credential.a', bad);
      assert.equal(await stored.credential('a'), undefined, bad);
    }
    assert.equal(warnings.length, 3);
    assert.ok(
      warnings.every((line) => line.includes('Desk') && !line.includes('"b"')),
      warnings.join('\n'),
    );
  });

  it('forgets both, and does not take a user record of another shape for a sign-in', async () => {
    const { deps, state } = fakeDeps();
    const stored = new StoredSignIn(deps, kind);
    await stored.keep('one', { kind: 'oauth', token: 'x' }, { id: 1, name: 'A' });
    await stored.forget('one');
    assert.equal(await stored.credential('one'), undefined);
    assert.equal(stored.user('one'), undefined);
    state.set('supportRotation.desk.user.one', { id: '1', name: 'A' });
    assert.equal(stored.user('one'), undefined);
  });
});
