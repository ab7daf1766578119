import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { indexFiles, resolveReferences } from '../../../src/core/references/fileResolution';
import { errorTextsIn } from '../../../src/core/references/errorTexts';
import { referencesIn, ticketReferences } from '../../../src/core/references/ticketReferences';
import { toTicket } from '../../../src/providers/local/localTicketMapping';
import { sampleQueue } from '../../support/sampleQueueData';
import { makeTicket } from '../../support/ticketFactory';

const SAMPLE = join(__dirname, '..', '..', '..', 'sample');
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [relative(SAMPLE, full).split('\\').join('/')];
  });
}

const paths = (text: string): string[] => referencesIn(text, 'description').map((r) => `${r.path}${r.line ? `:${r.line}` : ''}`);

describe('code references in ticket text', () => {
  it('reads paths with lines, and the file parts of stack frames', () => {
    assert.deepEqual(paths('see `services/api/src/middleware/auth.ts:24` and src/app.ts(12,5)'), ['src/app.ts:12', 'services/api/src/middleware/auth.ts:24']);
    assert.deepEqual(paths('  File "/srv/acme/services/search/search/indexer.py", line 51, in index_changes'), [
      '/srv/acme/services/search/search/indexer.py:51',
    ]);
    assert.deepEqual(paths('   at Acme.Orders.OrdersController.Create(OrderRequest r) in /src/Orders/OrdersController.cs:line 41'), [
      '/src/Orders/OrdersController.cs:41',
    ]);
    assert.deepEqual(paths('#0 /var/www/app/src/Invoice.php(42): Acme\\Invoice->issue()'), ['/var/www/app/src/Invoice.php:42']);
    assert.deepEqual(paths('PHP Fatal error: Uncaught Error in /var/www/x.php on line 12'), ['/var/www/x.php:12']);
    assert.deepEqual(paths('\tat com.acme.billing.InvoiceService.issue(InvoiceService.java:88)'), ['com/acme/billing/InvoiceService.java:88']);
    assert.deepEqual(paths("/srv/acme/services/billing/app/jobs/dunning_job.rb:12:in 'block in DunningJob#perform'"), [
      '/srv/acme/services/billing/app/jobs/dunning_job.rb:12',
    ]);
    assert.deepEqual(paths('    at handler (/app/src/routes/orders.ts:28:11)'), ['/app/src/routes/orders.ts:28']);
    assert.deepEqual(paths('    at https://shop.example.com/static/js/main.4f2a.js:1:2345'), ['/static/js/main.4f2a.js:1']);
  });

  it('marks library frames and trusts them less', () => {
    const [gem] = referencesIn('/usr/local/bundle/gems/stripe-10.14.0/lib/stripe/stripe_client.rb:915:in `x`', 'description');
    assert.equal(gem?.library, true);
    assert.ok((gem?.confidence ?? 1) < 0.5);
    const [own] = referencesIn('/srv/acme/services/billing/app/jobs/dunning_job.rb:12', 'description');
    assert.equal(own?.library, false);
  });

  it('leaves out web pages, versions and e-mail addresses', () => {
    assert.deepEqual(paths('Docs at https://docs.example.com/api/orders.html, since v2.3.1 (1.4.2), mail ops@example.com'), []);
  });

  it('says where each reference was found', () => {
    const ticket = makeTicket({
      id: 'x',
      title: 'Crash in worker.py',
      description: 'nothing',
      comments: [{ author: { id: 'a', name: 'a' }, createdAt: new Date(), body: 'see lib/tax.rb:3', internal: true }],
    });
    assert.deepEqual(
      ticketReferences(ticket).map((r) => [r.foundIn, r.path]),
      [
        ['title', 'worker.py'],
        ['comment 0', 'lib/tax.rb'],
      ],
    );
  });
});

describe('resolving references to repository files', () => {
  const index = indexFiles([
    'services/billing/app/models/invoice.rb',
    'services/legacy/app/models/invoice.rb',
    'services/api/src/server.ts',
    'services/search/search/indexer.py',
    'lib/unique_helper.rb',
  ]);

  it('matches the longest path suffix of a container path', () => {
    const [file] = resolveReferences(referencesIn('File "/srv/acme/services/search/search/indexer.py", line 51', 'description'), index);
    assert.deepEqual([file?.path, file?.line], ['services/search/search/indexer.py', 51]);
  });

  it('splits an ambiguous suffix between candidates, and ignores an ambiguous bare name', () => {
    const resolved = resolveReferences(referencesIn('/app/models/invoice.rb:3', 'description'), index);
    assert.deepEqual(
      resolved.map((r) => r.path),
      ['services/billing/app/models/invoice.rb', 'services/legacy/app/models/invoice.rb'],
    );
    assert.ok((resolved[0]?.confidence ?? 1) < 0.5);
    assert.deepEqual(resolveReferences(referencesIn('invoice.rb', 'description'), index), []);
    assert.deepEqual(
      resolveReferences(referencesIn('unique_helper.rb', 'description'), index).map((r) => r.path),
      ['lib/unique_helper.rb'],
    );
  });

  it("resolves the sample queue's tickets to the sample repository's files", () => {
    const files = indexFiles(filesUnder(SAMPLE));
    const tickets = sampleQueue(new Date('2026-11-24T12:00:00Z')).tickets;
    const resolvedFor = (id: string | number): string[] => {
      const raw = tickets.find((t) => t.id === id);
      assert.ok(raw, String(id));
      return resolveReferences(ticketReferences(toTicket(raw, 'local')), files).map((r) => r.path);
    };
    const all = tickets.map((t) => resolvedFor(t.id));
    assert.ok(all.filter((r) => r.length > 0).length >= 10, 'most sample tickets name sample files');
    const dunning = tickets.find((t) => (t.description ?? '').includes('dunning_job.rb'));
    assert.ok(dunning);
    assert.ok(resolvedFor(dunning.id).includes('services/billing/app/jobs/dunning_job.rb'));
    assert.ok(!resolvedFor(dunning.id).some((p) => p.includes('stripe')), 'library frames resolve to nothing in the repository');
  });
});

describe('error texts worth a git grep', () => {
  it('takes quoted messages and error lines from code blocks, without volatile parts', () => {
    const ticket = makeTicket({
      id: 'x',
      title: 'Search fails: "Unbalanced quotes in the search query"',
      description:
        'Log:\n```\n2026-11-24T08:15:02.123Z ERROR [req 8f3e2a1b-1c2d-4e5f-8a9b-0c1d2e3f4a5b] invalid input syntax for type uuid\n    at handler (/app/x.ts:1:2)\n```',
    });
    assert.deepEqual(errorTextsIn(ticket), ['Unbalanced quotes in the search query', 'invalid input syntax for type uuid']);
  });

  it('ignores short quotes and lines that are not errors', () => {
    assert.deepEqual(errorTextsIn(makeTicket({ id: 'x', title: 'Say "hi"', description: '```\nall good here\n```' })), []);
  });
});
