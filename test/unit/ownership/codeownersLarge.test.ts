/**
 * A monorepo-shaped CODEOWNERS (hundreds of rules, generated the same way each time) against
 * thousands of paths: spot checks of the winners, and a generous bound on the time.
 */
import { strict as assert } from 'node:assert';
import { codeownersMatcher, parseCodeowners } from '../../../src/core/ownership/codeowners';

const AREAS = ['billing', 'search', 'orders', 'auth', 'notifications', 'reporting', 'catalog', 'payments', 'shipping', 'identity'];
const LAYERS = ['api', 'worker', 'web', 'lib', 'migrations', 'docs'];

function largeCodeowners(): string {
  const lines = ['# Generated monorepo ownership', '* @acme/platform', '*.md @acme/docs', '/.github/ @acme/devex', ''];
  for (const area of AREAS) {
    lines.push(`# ${area}`, `/services/${area}/ @acme/${area}`);
    for (const layer of LAYERS) {
      lines.push(`/services/${area}/${layer}/ @acme/${area} @acme/${area}-${layer}`);
      for (let i = 0; i < 4; i++) lines.push(`/services/${area}/${layer}/module${i}/**/*.ts @acme/${area}-module${i}`);
    }
    lines.push(`/services/${area}/**/migrations/ @acme/dba`, '');
  }
  lines.push('**/generated/ @acme/codegen', '/services/billing/lib/tax/ @acme/billing @tax-expert');
  return lines.join('\n');
}

function paths(): string[] {
  const all: string[] = [];
  for (const area of AREAS) {
    for (const layer of LAYERS) {
      for (let m = 0; m < 5; m++) for (let f = 0; f < 10; f++) all.push(`services/${area}/${layer}/module${m}/sub/file${f}.${f % 2 ? 'ts' : 'rb'}`);
    }
  }
  return all;
}

describe('CODEOWNERS at monorepo scale', () => {
  const text = largeCodeowners();
  const codeowners = parseCodeowners(text, 'github');
  const owners = codeownersMatcher(codeowners);

  it('parses hundreds of rules without problems', () => {
    assert.ok(codeowners.rules.length >= 300, String(codeowners.rules.length));
    assert.deepEqual(codeowners.problems, []);
  });

  it('picks the last matching rule for each path', () => {
    assert.deepEqual(owners('services/orders/api/module2/sub/file1.ts')[0]?.owners, ['@acme/orders-module2']);
    assert.deepEqual(owners('services/orders/api/module2/sub/file2.rb')[0]?.owners, ['@acme/orders', '@acme/orders-api']);
    assert.deepEqual(owners('services/orders/api/module9/sub/file1.ts')[0]?.owners, ['@acme/orders', '@acme/orders-api']);
    assert.deepEqual(owners('services/auth/migrations/module0/x.sql')[0]?.owners, ['@acme/dba']);
    assert.deepEqual(owners('services/billing/lib/tax/vat.rb')[0]?.owners, ['@acme/billing', '@tax-expert']);
    assert.deepEqual(owners('tools/generated/a.ts')[0]?.owners, ['@acme/codegen']);
    assert.deepEqual(owners('README.md')[0]?.owners, ['@acme/docs']);
    assert.deepEqual(owners('Makefile')[0]?.owners, ['@acme/platform']);
  });

  it('matches thousands of paths quickly', () => {
    const all = paths();
    const started = performance.now();
    let matched = 0;
    for (const path of all) if (owners(path).length > 0) matched++;
    const ms = performance.now() - started;
    console.log(`      ${all.length} paths × ${codeowners.rules.length} rules in ${ms.toFixed(0)} ms`);
    assert.equal(matched, all.length);
    assert.ok(ms < 5_000, `${ms} ms`);
  });
});
