import { strict as assert } from 'node:assert';
import { fromWebviewSchema, toWebviewSchema } from '../../src/shared/panelMessages';

describe('ticket panel messages for code references and the display language', () => {
  it('lets the page ask to open a reference only by an opaque id', () => {
    assert.ok(fromWebviewSchema.safeParse({ type: 'openReference', id: 'q3Zk-9_aB1c2D3e4' }).success);
    for (const message of [
      { type: 'openReference', id: 'services/api/src/db/pool.ts' },
      { type: 'openReference', id: '../../../etc/passwd' },
      { type: 'openReference', id: 'C:\\Windows\\win.ini' },
      { type: 'openReference', id: 'file:///etc/passwd' },
      { type: 'openReference', id: 'short' },
      { type: 'openReference', id: 'x'.repeat(65) },
      { type: 'openReference', path: 'services/api/src/db/pool.ts', line: 28 },
      { type: 'openReference', id: { path: 'services/api/src/db/pool.ts' } },
    ]) {
      assert.equal(fromWebviewSchema.safeParse(message).success, false, JSON.stringify(message));
    }
  });

  it('gives the page reference ids and its language with the translations, and nothing else in their place', () => {
    assert.ok(toWebviewSchema.safeParse({ type: 'references', references: [{ key: 'services/api/src/db/pool.ts:28', id: 'q3Zk-9_aB1c2D3e4' }] }).success);
    assert.ok(toWebviewSchema.safeParse({ type: 'locale', language: 'de', bundle: { Sent: 'Gesendet.' } }).success);
    assert.ok(toWebviewSchema.safeParse({ type: 'locale', language: 'en' }).success);
    for (const message of [
      { type: 'references', references: [{ key: 'a.ts', id: 'a/b' }] },
      { type: 'locale', language: '' },
      { type: 'locale', language: 'de', bundle: { Sent: 42 } },
    ]) {
      assert.equal(toWebviewSchema.safeParse(message).success, false, JSON.stringify(message));
    }
  });
});
