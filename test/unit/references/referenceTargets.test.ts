import { strict as assert } from 'node:assert';
import { indexFiles, resolveReferences } from '../../../src/core/references/fileResolution';
import { referenceKey, referenceTargets } from '../../../src/core/references/referenceTargets';
import { referenceSpans, referencesIn } from '../../../src/core/references/ticketReferences';
import { CORPUS_REPOSITORY, STACK_TRACES } from '../../fixtures/stackTraces';

const FILES = ['services/api/src/db/pool.ts', 'services/api/src/routes/orders.ts', 'services/api/src/index.ts', 'services/web/src/index.ts'];
const TRACE = `error: duplicate key value violates unique constraint
    at /srv/acme/services/api/node_modules/pg/lib/client.js:535:17
    at async withTransaction (/srv/acme/services/api/src/db/pool.ts:28:20)
The lookup at \`services/api/src/routes/orders.ts:41\` runs first; see index.ts too.`;

describe('where a reference stands in the text', () => {
  it('gives each reference the exact text that names it', () => {
    const named = referenceSpans(TRACE, 'description').map((span) => TRACE.slice(span.start, span.end));
    assert.deepEqual(named.sort(), [
      '/srv/acme/services/api/node_modules/pg/lib/client.js:535:17',
      '/srv/acme/services/api/src/db/pool.ts:28:20',
      'index.ts',
      'services/api/src/routes/orders.ts:41',
    ]);
  });

  it('keeps positions in a text whose web addresses are blanked out', () => {
    const text = 'at https://shop.example.com/static/js/checkout.js:12:5 (see docs at https://example.com/help)';
    const [span, ...others] = referenceSpans(text, 'description');
    assert.equal(others.length, 0);
    assert.equal(text.slice(span?.start, span?.end), '/static/js/checkout.js:12:5');
    assert.equal(span?.reference.path, '/static/js/checkout.js');
  });
});

describe('which references become links', () => {
  it('links a reference that resolved to exactly one file, at its own line', () => {
    const targets = referenceTargets(resolveReferences(referencesIn(TRACE, 'description'), indexFiles(FILES)));
    assert.deepEqual(
      targets.sort((a, b) => a.key.localeCompare(b.key)),
      [
        { key: '/srv/acme/services/api/src/db/pool.ts:28', path: 'services/api/src/db/pool.ts', line: 28 },
        { key: 'services/api/src/routes/orders.ts:41', path: 'services/api/src/routes/orders.ts', line: 41 },
      ],
    );
  });

  it('leaves a reference that names two files as text', () => {
    const resolved = resolveReferences(referencesIn('broken in src/index.ts', 'description'), indexFiles(FILES));
    assert.equal(resolved.length, 2, 'both files are candidates for the expert finder');
    assert.deepEqual(referenceTargets(resolved), []);
  });

  it('keys a reference by its path as written and its line', () => {
    assert.equal(referenceKey({ path: 'a/b.ts', line: 3 }), 'a/b.ts:3');
    assert.equal(referenceKey({ path: 'a/b.ts' }), 'a/b.ts');
  });

  it('links nothing outside the repository in the corpus', () => {
    for (const trace of STACK_TRACES) {
      const targets = referenceTargets(resolveReferences(referencesIn(trace.text, 'description'), indexFiles(CORPUS_REPOSITORY)));
      for (const target of targets) assert.ok(CORPUS_REPOSITORY.includes(target.path), target.path);
    }
  });
});
