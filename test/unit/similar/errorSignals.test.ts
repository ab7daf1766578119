import { strict as assert } from 'node:assert';
import { errorSignals } from '../../../src/core/similar/errorSignals';
import { stem, wordTerms } from '../../../src/core/similar/textTerms';

function terms(kind: string, text: string): string[] {
  return errorSignals('', text)
    .filter((signal) => signal.kind === kind)
    .map((signal) => signal.term);
}

describe('errorSignals', () => {
  it('reads one function and one file from the frames of Java, .NET, Node, Python and Go alike', () => {
    const frames = [
      'at com.acme.orders.OrderService.placeOrder(OrderService.java:42)',
      'at Acme.Orders.OrderService.PlaceOrder(Order order) in C:\\src\\Orders\\OrderService.cs:line 42',
      'at OrderService.placeOrder (/srv/app/src/orders/orderService.js:42:13)',
      '  File "/app/orders/order_service.py", line 42, in place_order',
      'main.(*OrderService).PlaceOrder(0xc000010000)\n\t/go/src/acme/orders/order_service.go:42 +0x1d',
    ];
    for (const frame of frames) {
      assert.ok(terms('function', frame).includes('placeorder'), frame);
      assert.ok([...terms('function', frame), ...terms('file', frame)].includes('orderservice'), frame);
    }
  });

  it("leaves out the functions of frames inside dependencies and the runtime, and keeps the project's own", () => {
    const trace = [
      'Error: timeout exceeded when trying to connect',
      '    at Timeout._onTimeout (/srv/acme/services/api/node_modules/pg-pool/index.js:205:27)',
      '    at listOnTimeout (node:internal/timers:581:17)',
      '    at async withTransaction (/srv/acme/services/api/src/db/pool.ts:25:18)',
      '  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 74, in dispatchRoute',
      "/usr/local/bundle/gems/activerecord-7.2.2.1/lib/active_record/relation/batches.rb:88:in 'ActiveRecord::Batches#find_each'",
      "<internal:kernel>:91:in 'Kernel#tap'",
      "/srv/acme/services/billing/app/jobs/renewal_job.rb:21:in 'RenewalJob#renew'",
    ].join('\n');
    assert.deepEqual(terms('function', trace).sort(), ['renew', 'renewaljob', 'withtransaction']);
  });

  it('names exceptions, error codes and the family one fault has across runtimes', () => {
    const java = errorSignals('', 'java.lang.NullPointerException at x');
    const node = errorSignals('', "TypeError: Cannot read properties of undefined (reading 'id')");
    const go = errorSignals('', 'panic: runtime error: invalid memory address or nil pointer dereference');
    for (const signals of [java, node, go]) assert.ok(signals.some((s) => s.term === 'family-null-reference'));
    assert.ok(java.some((s) => s.term === 'nullpointerexception' && s.display === 'NullPointerException'));
    assert.deepEqual(
      terms('error', 'ECONNREFUSED then ORA-00060 and HTTP 503').filter((t) => !t.startsWith('family-')),
      ['econnrefused', 'ora00060', '503'],
    );
  });

  it('takes the words of a quoted message as error text, and leaves bare "Error" out', () => {
    const signals = errorSignals('', 'Error: "Connection pool exhausted after 30000ms"');
    assert.ok(signals.some((s) => s.term === 'said-exhaust' && s.display === 'Connection pool exhausted after 30000ms'));
    assert.ok(!signals.some((s) => s.term === 'error'));
  });
});

describe('textTerms', () => {
  it('drops stop words and numbers, and stems endings so that other forms of a word meet', () => {
    assert.deepEqual(wordTerms('Please help: the invoices are not updated since 2024'), ['invoic', 'updat']);
    assert.equal(stem('crashes'), stem('crash'));
    assert.equal(stem('stopped'), stem('stop'));
    assert.equal(stem('closing'), stem('close'));
  });
});
