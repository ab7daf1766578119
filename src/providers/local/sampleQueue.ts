/**
 * The sample escalation queue: what "Create Sample Queue" writes and what the demo workspace
 * (`scripts/make-sample-workspace.ts`) ships. It is a week of rotation at "Acme Cloud", the
 * fictional product in `sample/`: stack traces and file references point at real files and
 * functions there, the colleagues are the authors of its git history, and the demo user is Sam.
 *
 * Every time is relative to `now`, so the SLA picture (some tickets due soon, some breached) is the
 * same whenever the sample is created. No randomness: one `now`, one queue.
 */
import type { LocalTicket, QueueFile } from './queueFileSchema';

/** The demo user: the sample workspace's git `user.email`, holding three of the tickets. */
export const SAMPLE_DEMO_USER = 'sam.taylor@example.com';

// Colleagues: the same people as in the sample's git history.
const SAM = SAMPLE_DEMO_USER;
const PRIYA = 'priya.natarajan@example.com';
const JONAS = 'jonas.weber@example.com';
const MEI = 'mei.chen@example.com';
const DIEGO = 'diego.alvarez@example.com';
const AISHA = 'aisha.bello@example.com';
// Second-line support, who escalate to engineering.
const HANNAH = 'hannah.kowalski@example.com';
const MARCUS = 'marcus.reid@example.com';
const YUKI = 'yuki.tanaka@example.com';

/** Durations, in minutes. */
const hours = (n: number): number => n * 60;
const days = (n: number): number => n * 24 * 60;

type Severity = 1 | 2 | 3 | 4 | null;
type Region = 'EMEA' | 'AMER' | 'APAC';
type Team = 'billing' | 'api-platform' | 'search';

interface CommentSpec {
  by: string;
  /** Minutes before now. */
  ago: number;
  body: string;
  internal?: boolean;
}

interface TicketSpec {
  /** The number in SUP-<n>. */
  n: number;
  title: string;
  severity: Severity;
  status: 'new' | 'open' | 'pending' | 'solved';
  assignee: string | null;
  /** Minutes before now. */
  created: number;
  /** Minutes before now; default: the latest comment, or creation. */
  updated?: number;
  /** A contractual due time, in minutes after creation, replacing the per-severity target. */
  slaDueAfter?: number;
  region?: Region;
  team?: Team;
  requester: string;
  organization: string;
  labels: string[];
  description: string;
  comments?: CommentSpec[];
  links?: NonNullable<LocalTicket['links']>;
  revision: number;
}

/** Lets the texts below be indented with the code: drops the first line break and the
 * indentation common to all lines (Markdown would read four spaces as a code block). */
function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

function at(now: Date, minutesAgo: number): string {
  return new Date(now.getTime() - minutesAgo * 60_000).toISOString();
}

function toLocalTicket(now: Date, spec: TicketSpec): LocalTicket {
  const key = `SUP-${spec.n}`;
  const comments = spec.comments ?? [];
  const updated = spec.updated ?? Math.min(spec.created, ...comments.map((c) => c.ago));
  return {
    id: key,
    key,
    title: spec.title,
    severity: spec.severity,
    status: spec.status,
    assignee: spec.assignee,
    createdAt: at(now, spec.created),
    updatedAt: at(now, updated),
    ...(spec.slaDueAfter === undefined ? {} : { slaDueAt: at(now, spec.created - spec.slaDueAfter) }),
    ...(spec.region ? { region: spec.region } : {}),
    ...(spec.team ? { team: spec.team } : {}),
    requester: spec.requester,
    organization: spec.organization,
    labels: spec.labels,
    url: `https://support.acme.example/tickets/${key}`,
    description: spec.description,
    comments: comments.map((c) => ({ author: c.by, createdAt: at(now, c.ago), body: c.body, internal: c.internal ?? false })),
    ...(spec.links ? { links: spec.links } : {}),
    revision: spec.revision,
  };
}

const TICKETS: TicketSpec[] = [
  {
    n: 101,
    title: 'How do we rotate our API client secret without downtime?',
    severity: 4,
    status: 'solved',
    assignee: DIEGO,
    created: days(6) + hours(3),
    region: 'AMER',
    team: 'api-platform',
    requester: 'owen.mcallister@pinecrest-outfitters.example',
    organization: 'Pinecrest Outfitters',
    labels: ['api', 'auth', 'question'],
    description: md`
      Hi team,

      Our security policy says we rotate credentials every 90 days. If I generate a new client secret
      for our order-sync integration, does the old one stop working immediately? We run the sync every
      five minutes and I'd rather not drop a batch.

      Thanks,
      Owen
    `,
    comments: [
      {
        by: DIEGO, ago: days(5) + hours(20), body: md`
          Hi Owen, you can have two secrets active at once: create the new one, deploy it, then revoke the
          old one. Access tokens issued with the old secret stay valid until they expire (one hour), and
          our API picks up signing-key changes by itself, so nothing is dropped in between.
        `,
      },
      {
        by: DIEGO, ago: days(5) + hours(19), internal: true, body: md`
          For whoever gets this next: key rotation on our side needs no deploy either, \`jose\` refetches the
          JWKS on an unknown \`kid\` (see \`services/api/src/middleware/auth.ts:24\`).
        `,
      },
      { by: 'owen.mcallister@pinecrest-outfitters.example', ago: days(4) + hours(2), body: 'Rotated this morning, not a single failed call. Thank you!' },
    ],
    revision: 5,
  },
  {
    n: 102,
    title: "Yesterday's orders are missing from search",
    severity: 3,
    status: 'solved',
    assignee: MEI,
    created: days(5),
    region: 'APAC',
    team: 'search',
    requester: 'grace.lau@kowloon-fresh.example',
    organization: 'Kowloon Fresh Produce',
    labels: ['search', 'indexing'],
    description: md`
      Orders we created yesterday afternoon (HKT) show up in the order list but the search box does not
      find them, not even by order number. Older orders are fine.

      ---
      **L2 (Yuki):** the indexer's dead-letter table has 38 documents for this account, all drafts
      created through the API without an order number. Sentry, \`acme-search\` production (in-app frames):

      ~~~python
      Traceback (most recent call last):
        File "/srv/acme/services/search/search/indexer.py", line 51, in index_changes
          documents = [to_document(change) for change in batch]
        File "/srv/acme/services/search/search/indexer.py", line 28, in to_document
          "title": f"Order {order['number']}",
      KeyError: 'number'
      ~~~
    `,
    comments: [
      {
        by: MEI, ago: days(4) + hours(20), internal: true, body: md`
          Confirmed: \`to_document\` assumes every order has a number (\`services/search/search/indexer.py:28\`).
          Drafts get their number when they are confirmed, and the customer confirmed them this morning, so
          replaying the dead letters now indexes them. Replayed; follow-up to make drafts indexable is
          SEARCH-412.
        `,
      },
      {
        by: MEI, ago: days(4) + hours(19), body: md`
          Hello Grace, the orders were skipped by our indexer because they were still drafts without an
          order number. They are searchable now. We are changing the indexer so that drafts are
          searchable right away as well.
        `,
      },
      { by: 'grace.lau@kowloon-fresh.example', ago: days(3), body: 'All there now, thanks Mei.' },
    ],
    revision: 6,
  },
  {
    n: 103,
    title: 'VAT charged on our invoice although we entered our VAT number',
    severity: 3,
    status: 'pending',
    assignee: PRIYA,
    created: days(3),
    updated: hours(20),
    slaDueAfter: days(4),
    region: 'EMEA',
    team: 'billing',
    requester: 'j.hoffmann@brauhaus-logistik.example',
    organization: 'Brauhaus Logistik GmbH',
    labels: ['billing', 'vat', 'invoice'],
    description: md`
      Guten Tag,

      we are a German company and entered our USt-IdNr. in the billing settings in January. Still our
      invoice INV-202411-004187 charges 19 % VAT (EUR 83.41). As a B2B customer in another member state
      we expect the reverse charge. Our accountant needs a corrected invoice before month end.

      Mit freundlichen Grüßen
      Julia Hoffmann

      ---
      **L2 (Hannah):** the account's VAT ID is stored as \`123456789\`, without the \`DE\` prefix. The
      format check in \`services/billing/lib/tax/vat_calculator.rb:52\` requires the ID to start with
      the country code, so the calculator treats them as a consumer.
    `,
    comments: [
      {
        by: PRIYA, ago: days(2) + hours(22), internal: true, body: md`
          Hannah is right, \`valid_vat_id?\` rejects it and we fall through to the German standard rate.
          We could prepend the country code when it is missing, but VIES validated the ID with the
          prefix, so I'd rather fix the stored value and ask the customer to confirm it. Credit note
          drafted for EUR 83.41.
        `,
      },
      {
        by: PRIYA, ago: days(2) + hours(21), body: md`
          Dear Ms Hoffmann, thank you for the details. Your VAT ID was saved without the country prefix.
          Could you confirm that **DE123456789** is correct? As soon as you do, we will issue a credit note
          for the VAT and a corrected invoice.
        `,
      },
      { by: HANNAH, ago: hours(20), internal: true, body: 'Customer replied by phone: the ID is right, written confirmation to follow by e-mail.' },
    ],
    revision: 7,
  },
  {
    n: 104,
    title: 'Can we get our invoices in French?',
    severity: 4,
    status: 'new',
    assignee: null,
    created: days(2),
    requester: 'c.lefevre@maison-lefevre.example',
    organization: 'Maison Lefèvre SARL',
    labels: ['billing', 'feature-request'],
    description: md`
      Bonjour,

      Our accounting department asks whether the monthly invoices can be issued in French. The French
      tax administration accepts invoices in English, but our auditors prefer French.

      Cordialement,
      Claire Lefèvre
    `,
    revision: 1,
  },
  {
    n: 105,
    title: 'Search: "-status:cancelled" does not exclude cancelled orders',
    severity: 4,
    status: 'new',
    assignee: null,
    created: hours(30),
    region: 'EMEA',
    team: 'search',
    requester: 'pieter@vanderberg-bloemen.example',
    organization: 'Van der Berg Bloemen BV',
    labels: ['search', 'feature-request'],
    description: md`
      Searching for \`tulips -status:cancelled\` still shows cancelled orders. \`-wholesale\` works for
      words, so I expected the minus to work for filters too. Is that a bug or not supported?

      ---
      **L2 (Hannah):** not supported today: a leading minus always excludes a text term, so the parser
      turns \`-status:cancelled\` into the word "status:cancelled"
      (\`services/search/search/query_parser.py:49\`). Feature request, in my view.
    `,
    revision: 1,
  },
  {
    n: 106,
    title: 'GET /v2/orders/{id} returns 404 for an order we just created',
    severity: 3,
    status: 'new',
    assignee: null,
    created: hours(28),
    region: 'EMEA',
    team: 'api-platform',
    requester: 'lukas.brunner@alpenrose-kaese.example',
    organization: 'Alpenrose Käserei AG',
    labels: ['api', 'orders'],
    description: md`
      We create an order with POST /v2/orders (201, we get the id back) and our warehouse system then
      reads it with GET /v2/orders/{id}. The GET answers:

      > 404 {"error":"not_found","message":"Order not found"}

      It happens for every order created by our shop, never for orders created by our ERP. Request id of
      one failing GET: \`req_8f2c41d0b7\`.
    `,
    comments: [
      {
        by: HANNAH, ago: hours(26), internal: true, body: md`
          The shop and the ERP use two different API clients, and the shop's client belongs to their
          second (Austrian) account. The GET filters on the caller's account
          (\`services/api/src/routes/orders.ts:28\`), so the warehouse client can't see the shop's orders.
          Probably works as designed, but they will want a way to read across their accounts.
        `,
      },
    ],
    revision: 2,
  },
  {
    n: 107,
    title: 'Search API: more than 100 results per page?',
    severity: 4,
    status: 'new',
    assignee: null,
    created: hours(26) + 30,
    region: 'APAC',
    team: 'search',
    requester: 'tama.ngata@kiwi-hardware.example',
    organization: 'Kiwi Hardware Ltd',
    labels: ['search', 'api', 'question'],
    description: md`
      Kia ora, our nightly export calls GET /search with limit=500 and since last month we get:

      > 422 {"detail":[{"type":"less_than_equal","loc":["query","limit"],"msg":"Input should be less than or equal to 100"}]}

      Was this limit introduced on purpose? Is there another way to page through all results?

      ---
      **L2 (Yuki):** yes, \`services/search/search/api.py:23\` bounds \`limit\` to 100 since about two months.
    `,
    revision: 1,
  },
  {
    n: 108,
    title: 'Card updated, but the renewal still fails and our subscription is past due',
    severity: 2,
    status: 'open',
    assignee: JONAS,
    created: hours(26),
    region: 'EMEA',
    team: 'billing',
    requester: 'elin.lindqvist@lindqvist-design.example',
    organization: 'Lindqvist Design AB',
    labels: ['billing', 'dunning', 'stripe'],
    description: md`
      Hello,

      We got three "payment failed" e-mails for our renewal. Our old card had expired, so I added a new
      one on Monday and made it the default. Today our account shows **past due** and a banner says
      features will be limited in 3 days. The new card works everywhere else. Please help, we cannot
      have the team locked out.

      Elin

      ---
      **L2 (Hannah):** the retry job errors out for this invoice every hour since the card change.
      Sentry, \`acme-billing\` production:

      ~~~ruby
      Stripe::IdempotencyError: Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'invoice-88412-attempt-3' if you meant to execute a different request.
      /usr/local/bundle/gems/stripe-10.14.0/lib/stripe/stripe_client.rb:915:in 'Stripe::StripeClient#handle_error_response'
      /usr/local/bundle/gems/stripe-10.14.0/lib/stripe/stripe_client.rb:836:in 'Stripe::StripeClient#execute_request_with_rescues'
      /usr/local/bundle/gems/stripe-10.14.0/lib/stripe/stripe_client.rb:264:in 'Stripe::StripeClient#execute_request'
      /usr/local/bundle/gems/stripe-10.14.0/lib/stripe/api_operations/request.rb:29:in 'Stripe::APIOperations::Request::ClassMethods#execute_resource_request'
      /usr/local/bundle/gems/stripe-10.14.0/lib/stripe/api_operations/create.rb:8:in 'Stripe::APIOperations::Create#create'
      /srv/acme/services/billing/app/services/billing/payment_retry.rb:32:in 'Billing::PaymentRetry#charge!'
      /srv/acme/services/billing/app/services/billing/payment_retry.rb:22:in 'Billing::PaymentRetry#call'
      /srv/acme/services/billing/app/jobs/dunning_job.rb:12:in 'block in DunningJob#perform'
      /usr/local/bundle/gems/activerecord-7.2.2.1/lib/active_record/relation/batches.rb:88:in 'ActiveRecord::Batches#find_each'
      /srv/acme/services/billing/app/jobs/dunning_job.rb:11:in 'DunningJob#perform'
      /usr/local/bundle/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb:220:in 'Sidekiq::Processor#execute_job'
      ~~~
    `,
    comments: [
      {
        by: JONAS, ago: hours(24), internal: true, body: md`
          Known failure mode (runbook, "Dunning retries fail with Stripe::IdempotencyError"). The job
          crashed between the charge and the \`attempt_count\` update, so attempt 3 is retried with the
          same key but the new payment method. Reset \`attempt_count\` to 3 and kicked the job; the charge
          went through. Real fix: the key must include the payment method
          (\`services/billing/app/services/billing/payment_retry.rb:41\`), PR coming.
        `,
      },
      {
        by: JONAS, ago: hours(23) + 45, body: md`
          Hi Elin, sorry for the trouble. Your new card has been charged successfully and your
          subscription is active again; the banner will disappear within a few minutes. The failure was on
          our side, not your card's. We're fixing it so it cannot happen again.
        `,
      },
      { by: 'elin.lindqvist@lindqvist-design.example', ago: hours(22), body: 'Confirmed, all good now. Could you send us a receipt for the charge?' },
    ],
    revision: 6,
  },
  {
    n: 109,
    title: "409 \"No SGD price for SKU\" although the SKU has an SGD price",
    severity: 3,
    status: 'pending',
    assignee: AISHA,
    created: days(1),
    updated: hours(18),
    region: 'APAC',
    team: 'api-platform',
    requester: 'wei.ming.tan@straits-marine.example',
    organization: 'Straits Marine Supplies Pte Ltd',
    labels: ['api', 'orders', 'pricing'],
    description: md`
      Since we switched our orders to SGD, about one order in ten is rejected:

      > 409 {"error":"conflict","message":"No SGD price for SKU hx-2210-blk"}

      The SKU has an SGD price, I can see it in the price list. The same order in USD goes through.

      ---
      **L2 (Yuki):** the price lookup is an exact match (\`services/api/src/routes/orders.ts:49\`) and
      the price list has \`HX-2210-BLK\` in upper case. Their new shop plugin sends lower-case SKUs.
    `,
    comments: [
      {
        by: AISHA, ago: hours(20), internal: true, body: md`
          Yes, \`sku = ANY($1)\` is case-sensitive, and the 409 comes from
          \`services/api/src/routes/orders.ts:54\`. SKUs are documented as case-sensitive, so the plugin is
          wrong, but we could normalise. Asked the customer which plugin version they run.
        `,
      },
      {
        by: AISHA, ago: hours(18), body: md`
          Hi Wei Ming, SKUs are case-sensitive in our API, and your shop sends them in lower case. Which
          version of the shop plugin are you running? Version 3.2 and later keep the case.
        `,
      },
    ],
    revision: 4,
  },
  {
    n: 110,
    title: 'Old orders rank above recent ones in search',
    severity: 3,
    status: 'open',
    assignee: MEI,
    created: hours(20),
    region: 'APAC',
    team: 'search',
    requester: 'haruto.sato@sakura-kitchen.example',
    organization: 'Sakura Kitchenware KK',
    labels: ['search', 'ranking'],
    description: md`
      When we search for "late fee" the first page is full of orders from 2023. The orders from this
      week are on page 3. Until a few months ago the newest orders were on top.
    `,
    comments: [
      {
        by: MEI, ago: hours(17), internal: true, body: md`
          Not a ranking bug: 41 orders from 2023 are pinned in this account (by an admin who has left
          the company), and pinned results always come first
          (\`services/search/search/ranking.py:46\`). Asking the customer whether we should unpin them.
        `,
      },
    ],
    revision: 3,
  },
  {
    n: 111,
    title: 'POST /v2/orders answers 500 for an invalid quantity instead of a validation error',
    severity: 3,
    status: 'new',
    assignee: null,
    created: hours(10),
    region: 'AMER',
    team: 'api-platform',
    requester: 'rosa.delgado@cactus-creek.example',
    organization: 'Cactus Creek Coffee',
    labels: ['api', 'orders', 'validation'],
    description: md`
      Our developer sent an order with \`"quantity": "12"\` (a string, our mistake) and got

      > 500 {"error":"internal","message":"Something went wrong on our side."}

      Fine that it fails, but a 500 made our integration retry it 40 times. A 400 with the field name
      would have told us what was wrong.

      ---
      **L2 (Marcus):** reproduced. The zod error is not turned into a 400, it reaches the generic error
      handler. Sentry, \`acme-api\` production:

      ~~~text
      ZodError: [
        {
          "code": "invalid_type",
          "expected": "number",
          "received": "string",
          "path": ["lines", 0, "quantity"],
          "message": "Expected number, received string"
        }
      ]
          at get error [as error] (/srv/acme/services/api/node_modules/zod/lib/types.js:55:31)
          at ZodObject.parse (/srv/acme/services/api/node_modules/zod/lib/types.js:160:22)
          at /srv/acme/services/api/src/routes/orders.ts:37:35
          at Layer.handleRequest (/srv/acme/services/api/node_modules/router/lib/layer.js:152:17)
          at next (/srv/acme/services/api/node_modules/router/lib/route.js:157:13)
      ~~~

      \`services/api/src/errors.ts:16\` already has a \`badRequest\` helper that nobody uses.
    `,
    revision: 1,
  },
  {
    n: 112,
    title: 'Our November invoice was never issued',
    severity: 3,
    status: 'open',
    assignee: SAM,
    created: hours(9),
    region: 'EMEA',
    team: 'billing',
    requester: 'tom.whitfield@harbourfinch.example',
    organization: 'Harbour & Finch Ltd',
    labels: ['billing', 'invoice', 'renewal'],
    description: md`
      Hi,

      Our subscription renewed on the 1st (we can still use everything) but there is no invoice for
      November in the billing page, and our finance team needs it for the month-end close on Friday.
      The only change this month: we removed the "Extra warehouse" add-on, we don't need it any more.

      Tom Whitfield
      Finance, Harbour & Finch

      ---
      **L2 (Hannah):** the nightly renewal reported this subscription to Sentry, \`acme-billing\`:

      ~~~ruby
      ArgumentError: quantity must be positive
      /srv/acme/services/billing/app/services/billing/invoice.rb:33:in 'Billing::Invoice#add_line'
      /srv/acme/services/billing/app/services/billing/invoice.rb:21:in 'block (2 levels) in Billing::Invoice.for_period'
      /usr/local/bundle/gems/activerecord-7.2.2.1/lib/active_record/relation/delegation.rb:100:in 'ActiveRecord::Delegation#each'
      /srv/acme/services/billing/app/services/billing/invoice.rb:20:in 'block in Billing::Invoice.for_period'
      <internal:kernel>:91:in 'Kernel#tap'
      /srv/acme/services/billing/app/services/billing/invoice.rb:18:in 'Billing::Invoice.for_period'
      /srv/acme/services/billing/app/jobs/renewal_job.rb:23:in 'block in RenewalJob#renew'
      /usr/local/bundle/gems/activerecord-7.2.2.1/lib/active_record/connection_adapters/abstract/database_statements.rb:359:in 'ActiveRecord::ConnectionAdapters::DatabaseStatements#transaction'
      /srv/acme/services/billing/app/jobs/renewal_job.rb:21:in 'RenewalJob#renew'
      /srv/acme/services/billing/app/jobs/renewal_job.rb:12:in 'block in RenewalJob#perform'
      ~~~

      Removing an add-on sets its quantity to 0 instead of deleting it, and \`add_line\` refuses 0.
    `,
    comments: [
      {
        by: SAM, ago: hours(2), internal: true, body: md`
          Taking this one. The renewal transaction rolls back, so the subscription is still on October's
          period and the nightly job fails on it again every night. Options: skip zero-quantity add-ons in
          \`for_period\` (\`services/billing/app/services/billing/invoice.rb:20\`) or delete the add-on on
          removal. @priya.natarajan, which one do you prefer? You added the quantity check.
        `,
      },
      {
        by: SAM, ago: hours(1) + 50, body: md`
          Hi Tom, thanks for the detail about the add-on, that was exactly the cause. I'm fixing it now and
          will issue your November invoice manually today so your close is not blocked.
        `,
      },
    ],
    revision: 4,
  },
  {
    n: 113,
    title: 'Upgrade credit on our invoice looks one cent off',
    severity: 3,
    status: 'new',
    assignee: null,
    created: hours(7),
    team: 'billing',
    requester: 'm.schubert@nordlicht-media.example',
    organization: 'Nordlicht Media GmbH',
    labels: ['billing', 'proration'],
    description: md`
      We upgraded from Team to Business on the 12th. The credit line "Unused time on Team" says
      EUR -112.26, our own calculation gives EUR -112.27 (19 of 30 days of EUR 177.26). Not a big amount,
      but our auditor flags every mismatch. Which rounding do you use?

      ---
      **L2 (Hannah):** the credit is rounded half-to-even (\`services/billing/app/services/billing/invoice.rb:42\`)
      on a fraction that comes from seconds, not days (\`services/billing/app/models/subscription.rb:47\`).
      Customer region not set on the account; they are in Hamburg.
    `,
    revision: 1,
  },
  {
    n: 114,
    title: "Searching for a name with an apostrophe fails: \"Unbalanced quotes in the search query\"",
    severity: 3,
    status: 'new',
    assignee: null,
    created: hours(6),
    region: 'EMEA',
    team: 'search',
    requester: 'aoife.byrne@corkcraft.example',
    organization: 'Cork Craft Beverages',
    labels: ['search', 'query-syntax'],
    description: md`
      Half of our customers are called O'Something. Typing \`O'Brien\` into the search box gives a red
      error:

      > Unbalanced quotes in the search query

      Putting the name in double quotes works, but our staff don't know that and they shouldn't have to.

      ---
      **L2 (Hannah):** the parser uses \`shlex\`, which treats the apostrophe as an opening quote
      (\`services/search/search/query_parser.py:36\`).
    `,
    revision: 1,
  },
  {
    n: 115,
    title: 'Rate limited (429) at about 40 requests per minute, limit should be 120',
    severity: 2,
    status: 'new',
    assignee: null,
    created: hours(5),
    region: 'AMER',
    team: 'api-platform',
    requester: 'devops@bluebird-logistics.example',
    organization: 'Bluebird Logistics',
    labels: ['api', 'rate-limit'],
    description: md`
      Our contract and your docs say 120 requests per minute. Since this morning's deploy of our new
      dispatcher we get 429s at around 40/min, with headers like:

      ~~~http
      HTTP/1.1 429 Too Many Requests
      RateLimit-Limit: 120
      RateLimit-Remaining: 0
      Retry-After: 1
      ~~~

      and the very next request succeeds with \`RateLimit-Remaining: 87\`. Trucks are waiting for their
      manifests, please treat this as urgent.

      ---
      **L2 (Marcus):** their dispatcher opens a new connection per request, so requests spread over all
      pods. Each pod keeps its own bucket (\`services/api/src/middleware/rateLimit.ts:15\`), which explains
      the jumping \`RateLimit-Remaining\` (\`services/api/src/middleware/rateLimit.ts:30\`), not the 429s at
      40/min though.
    `,
    revision: 1,
  },
  {
    n: 116,
    title: 'Please show our purchase order number on invoices',
    severity: 4,
    status: 'new',
    assignee: null,
    created: hours(4) + 50,
    region: 'EMEA',
    team: 'billing',
    requester: 'accounts@thamesvalleyprint.example',
    organization: 'Thames Valley Print Ltd',
    labels: ['billing', 'invoice', 'feature-request'],
    description: md`
      Our accounts payable system matches invoices to purchase orders. Could you add a "PO number" field
      to the billing settings and print it on the invoice? At the moment every Acme invoice is routed to
      manual review.
    `,
    revision: 1,
  },
  {
    n: 117,
    title: 'SSO: users bounced back to the login page after our Okta update',
    severity: 3,
    status: 'new',
    assignee: null,
    created: hours(4),
    region: 'AMER',
    requester: 'it-help@granitepeak.example',
    organization: 'Granite Peak Outdoor',
    labels: ['sso', 'login'],
    description: md`
      After we updated our Okta app settings yesterday, about half our users end up on the Acme login page
      again right after signing in with Okta. The other half get in. Clearing cookies does not help. We
      changed the "Name ID format" to EmailAddress, nothing else.
    `,
    revision: 1,
  },
  {
    n: 118,
    title: 'Data residency: can our data stay in Singapore?',
    severity: null,
    status: 'new',
    assignee: null,
    created: hours(3) + 20,
    region: 'APAC',
    requester: 'compliance@lioncity-pharma.example',
    organization: 'Lion City Pharmacy Supplies Pte Ltd',
    labels: ['compliance', 'question'],
    description: md`
      We are evaluating Acme Cloud for our distribution business. Our regulator asks where customer and
      order data is stored and processed. Can we choose Singapore as the storage region, including
      backups and the search index?
    `,
    revision: 1,
  },
  {
    n: 119,
    title: 'Retried POST /v2/orders fails with 500 "duplicate key", checkouts lost',
    severity: 2,
    status: 'open',
    assignee: SAM,
    created: hours(3),
    region: 'AMER',
    team: 'api-platform',
    requester: 'carla.mendes@northwind-traders.example',
    organization: 'Northwind Traders',
    labels: ['api', 'orders', 'idempotency'],
    description: md`
      We send an \`Idempotency-Key\` with every order, like your docs recommend. When our checkout times out
      and retries, the retry sometimes gets a 500 instead of the original order. The customer sees "order
      failed", orders again, and we ship twice. Happened 14 times today.

      ---
      **L2 (Marcus):** always two requests with the same key within ~200 ms. Sentry, \`acme-api\` production:

      ~~~text
      error: duplicate key value violates unique constraint "orders_account_id_idempotency_key_key"
          at /srv/acme/services/api/node_modules/pg/lib/client.js:535:17
          at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
          at async /srv/acme/services/api/src/routes/orders.ts:57:22
          at async withTransaction (/srv/acme/services/api/src/db/pool.ts:28:20)
          at async /srv/acme/services/api/src/routes/orders.ts:40:18
      ~~~

      The lookup at \`services/api/src/routes/orders.ts:41\` runs before the insert without a lock, so two
      concurrent requests both miss it.
    `,
    comments: [
      {
        by: SAM, ago: hours(2) + 40, internal: true, body: md`
          Reproduced locally with two parallel curls. Plan: catch the unique violation (\`23505\`) around the
          insert at \`services/api/src/routes/orders.ts:57\` and return the existing order with 200, like the
          replay path does. @aisha.bello you wrote the idempotency support, anything I'm missing?
        `,
      },
      {
        by: AISHA, ago: hours(2) + 10, internal: true, body: md`
          That's the right place. Use \`INSERT ... ON CONFLICT (account_id, idempotency_key) DO NOTHING
          RETURNING *\` and re-select when nothing comes back: it avoids the aborted transaction you get
          after a caught 23505. Also check that the replayed request has the same body; return 422 if not.
        `,
      },
      {
        by: SAM, ago: hours(1) + 30, body: md`
          Hi Carla, we found the cause: two retries arriving at the same moment race each other on our side.
          A fix is in progress; until it ships, waiting one second before retrying avoids the error.
        `,
      },
      { by: 'carla.mendes@northwind-traders.example', ago: hours(1), body: 'Thanks Sam, we bumped the retry delay to 1.5 s. Please let us know when the fix is live.' },
    ],
    links: [
      { kind: 'branch', name: 'support/SUP-119-idempotent-order-retry', url: 'https://git.acme.example/acme/acme-cloud/-/tree/support/SUP-119-idempotent-order-retry' },
    ],
    revision: 8,
  },
  {
    n: 120,
    title: 'Filtering by SKU (sku:AB-1200) finds nothing, plain search does',
    severity: 3,
    status: 'new',
    assignee: null,
    created: hours(2) + 30,
    region: 'AMER',
    team: 'search',
    requester: 'brent.howell@lonestar-autoparts.example',
    organization: 'Lone Star Auto Parts',
    labels: ['search', 'filters'],
    description: md`
      \`AB-1200\` finds 312 orders. \`sku:AB-1200\` finds zero. Same with every SKU we tried. The filter
      used to be the fastest way for our counter staff to find an order.

      ---
      **L2 (Marcus):** filter values are lower-cased (\`services/search/search/query_parser.py:67\`) and
      the \`sku\` field is a keyword field, so \`ab-1200\` never matches \`AB-1200\`. Currency gets upper-cased
      on purpose, SKU was probably forgotten.
    `,
    revision: 1,
  },
  {
    n: 121,
    title: 'API: 30 % of calls fail with "timeout exceeded when trying to connect"',
    severity: 1,
    status: 'open',
    assignee: DIEGO,
    created: hours(2) + 10,
    slaDueAfter: 60,
    region: 'AMER',
    team: 'api-platform',
    requester: 'ops@mapleleafsupply.example',
    organization: 'Maple Leaf Supply Co.',
    labels: ['api', 'outage', 'database', 'enterprise'],
    description: md`
      Since 09:40 ET roughly a third of our API calls fail with 500. Our store can't take orders. We are
      an Enterprise customer with a one-hour response commitment.

      ---
      **L2 (Marcus):** not only Maple Leaf: error rate on \`acme-api\` is 4 % overall. Sentry:

      ~~~text
      Error: timeout exceeded when trying to connect
          at Timeout._onTimeout (/srv/acme/services/api/node_modules/pg-pool/index.js:205:27)
          at listOnTimeout (node:internal/timers:581:17)
          at process.processTimers (node:internal/timers:519:7)
          at async withTransaction (/srv/acme/services/api/src/db/pool.ts:25:18)
          at async /srv/acme/services/api/src/routes/orders.ts:40:18
      ~~~

      \`/healthz\` on the pods shows \`"waiting": 30\` and more.
    `,
    comments: [
      {
        by: DIEGO, ago: hours(1) + 35, internal: true, body: md`
          On it. Pool exhausted on 4 of 6 pods. \`pg_stat_activity\` shows ~60 connections "idle in
          transaction (aborted)": a ROLLBACK that failed after a failover, and the client still went back
          to the pool (\`services/api/src/db/pool.ts:32\`, then \`release()\` without the error). Restarting
          pods one by one; fix will be \`client.release(err)\` when ROLLBACK throws.
        `,
      },
      {
        by: DIEGO, ago: hours(1) + 30, body: md`
          We're aware of the failing requests and are restarting the affected servers now. Next update in
          30 minutes or sooner.
        `,
      },
      { by: 'ops@mapleleafsupply.example', ago: hours(1) + 5, body: 'Error rate on our side is down to ~5 %, still not zero. Any ETA?' },
      { by: MARCUS, ago: 50, internal: true, body: 'Customer asked for an ETA 15 minutes ago and nobody has answered yet. Diego, can you post an update?' },
    ],
    revision: 7,
  },
  {
    n: 122,
    title: 'Retry-After on 429 responses: seconds or a date?',
    severity: 4,
    status: 'new',
    assignee: null,
    created: hours(2),
    region: 'AMER',
    team: 'api-platform',
    requester: 'dev@prairieseed.example',
    organization: 'Prairie Seed Co.',
    labels: ['api', 'rate-limit', 'docs'],
    description: md`
      The API docs mention a \`Retry-After\` header on 429 but don't say if it's a number of seconds or an
      HTTP date. Our HTTP client supports both, we just need to know which one to configure.

      ---
      **L2 (Marcus):** seconds (\`services/api/src/middleware/rateLimit.ts:33\`); the docs need a line.
    `,
    revision: 1,
  },
  {
    n: 123,
    title: 'We keep retrying a card the bank blocked: customer furious',
    severity: 2,
    status: 'new',
    assignee: null,
    created: 90,
    region: 'EMEA',
    team: 'billing',
    requester: 'niamh.lowry@lowryandsons.example',
    organization: 'Lowry & Sons Hardware',
    labels: ['billing', 'dunning', 'stripe'],
    description: md`
      Our company card was declined for the renewal (the bank said "do not honor"). You then tried it
      again three times over the week, and after the fourth attempt our bank **froze the card for
      suspected fraud**, which also stopped our fuel and supplier payments for two days.

      Why do you keep retrying a card the bank refused? We want this stopped and an explanation.

      ---
      **L2 (Hannah):** \`do_not_honor\` was removed from the hard declines a few months ago
      (\`services/billing/app/services/billing/payment_retry.rb:9\`), so we retry it on the full schedule
      (\`services/billing/app/services/billing/payment_retry.rb:47\`). Customer is angry and asked for a call
      today.
    `,
    revision: 1,
  },
  {
    n: 124,
    title: 'Renewal date moved from the 31st to the 30th',
    severity: 4,
    status: 'new',
    assignee: null,
    created: 50,
    region: 'APAC',
    team: 'billing',
    requester: 'liam.walsh@coralcoastsurf.example',
    organization: 'Coral Coast Surf Co.',
    labels: ['billing', 'renewal', 'question'],
    description: md`
      G'day, we signed up on 31 January. Our last renewal was on 30 November, not the 31st (there isn't
      one, fair enough), but will it go back to the 31st in December or stay on the 30th from now on? We
      align our card limits with it.

      ---
      **L2 (Yuki):** renewals are anchored on the signup day, capped at the month's last day
      (\`services/billing/app/models/subscription.rb:57\`), so December renews on the 31st again.
    `,
    revision: 1,
  },
  {
    n: 125,
    title: 'Search times out for our account (2.3 M orders)',
    severity: 2,
    status: 'new',
    assignee: null,
    created: 40,
    slaDueAfter: hours(2),
    region: 'APAC',
    team: 'search',
    requester: 'kevin.lim@merlionhome.example',
    organization: 'Merlion Home Goods Pte Ltd',
    labels: ['search', 'performance', 'enterprise'],
    description: md`
      Since about 11:00 SGT most searches in our account spin for 30 seconds and then show "Search is
      taking longer than expected". Small accounts of our group work. We are on the Enterprise plan
      (2-hour response).

      ---
      **L2 (Yuki):** only this account. Every search fetches up to 200 candidates plus the account's stats
      document and ranks them in Python (\`services/search/search/api.py:36\`); their stats document is
      18 MB.
    `,
    revision: 1,
  },
  {
    n: 126,
    title: '403 insufficient_scope on GET /v2/orders/{id} with a token that can write orders',
    severity: 3,
    status: 'new',
    assignee: null,
    created: 35,
    region: 'AMER',
    team: 'api-platform',
    requester: 'sofia.park@hudsonbaybooks.example',
    organization: 'Hudson Bay Books',
    labels: ['api', 'auth', 'scopes'],
    description: md`
      Our integration token has the \`orders:write\` scope. Creating orders works, but reading one back
      fails:

      > 403 {"error":"insufficient_scope","message":"This call needs the orders:read scope"}

      Surely being allowed to write implies being allowed to read?

      ---
      **L2 (Marcus):** scopes are checked one by one (\`services/api/src/middleware/auth.ts:47\`), there
      is no implication between them. Docs don't say so either way.
    `,
    revision: 1,
  },
  {
    n: 127,
    title: 'Search returns 500 for all our users since this morning',
    severity: 1,
    status: 'open',
    assignee: SAM,
    created: 20,
    region: 'APAC',
    team: 'search',
    requester: 'ben.cartwright@tasmanwholesale.example',
    organization: 'Tasman Wholesale Pty Ltd',
    labels: ['search', 'outage'],
    description: md`
      Every search in our account fails with "Something went wrong" since about 9 am AEDT. 60 people in
      our call centre use search to find orders while customers are on the phone. Please call me on
      +61 2 5550 1187.

      ---
      **L2 (Yuki):** started right after last night's partial reindex of this account. Sentry,
      \`acme-search\` production:

      ~~~python
      Traceback (most recent call last):
        File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 74, in app
          response = await f(request)
        File "/usr/local/lib/python3.12/site-packages/fastapi/routing.py", line 301, in app
          raw_response = await run_endpoint_function(
        File "/usr/local/lib/python3.12/site-packages/starlette/concurrency.py", line 39, in run_in_threadpool
          return await anyio.to_thread.run_sync(func, *args)
        File "/srv/acme/services/search/search/api.py", line 36, in search
          ranked = sorted(docs, key=lambda doc: score(doc, parsed.terms, stats), reverse=True)
        File "/srv/acme/services/search/search/api.py", line 36, in <lambda>
          ranked = sorted(docs, key=lambda doc: score(doc, parsed.terms, stats), reverse=True)
        File "/srv/acme/services/search/search/ranking.py", line 45, in score
          total *= 1 + recency_boost(datetime.fromisoformat(doc["updated_at"]), now)
        File "/srv/acme/services/search/search/ranking.py", line 27, in recency_boost
          age_days = max(0.0, (now - updated_at).total_seconds() / 86_400)
      TypeError: can't subtract offset-naive and offset-aware datetimes
      ~~~
    `,
    comments: [
      {
        by: YUKI, ago: 18, internal: true, body: md`
          Mei is off (it's past 2 am in Singapore) and the rest of Search is APAC too. Sam, can you take it
          from EMEA? Runbook has "Search returns 500 after a reindex".
        `,
      },
      {
        by: SAM, ago: 12, internal: true, body: md`
          Mine. Documents from the partial reindex came from an old snapshot with naive \`updated_at\`
          values. Quick mitigation: treat naive timestamps as UTC in \`recency_boost\`
          (\`services/search/search/ranking.py:25\`); then replay the account through the indexer
          (\`services/search/search/indexer.py:33\` writes UTC).
        `,
      },
    ],
    revision: 4,
  },
  {
    n: 128,
    title: 'Every API call returns 500 "invalid input syntax for type uuid"',
    severity: 1,
    status: 'new',
    assignee: null,
    created: 12,
    region: 'AMER',
    team: 'api-platform',
    requester: 'priyanka.rao@redwood-analytics.example',
    organization: 'Redwood Analytics Inc.',
    labels: ['api', 'auth', 'outage'],
    description: md`
      We moved our sync service to machine-to-machine tokens (client credentials) this morning, as your
      security team recommended. Since then **every** call fails:

      > 500 {"error":"internal","message":"Something went wrong on our side."}

      Our nightly billing export runs in 2 hours and depends on this. Rolling back to user tokens is
      possible but painful.

      ---
      **L2 (Marcus):** Sentry, \`acme-api\` production, 1,904 events in 40 minutes, all this account:

      ~~~text
      error: invalid input syntax for type uuid: "undefined"
          at /srv/acme/services/api/node_modules/pg/lib/client.js:535:17
          at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
          at async query (/srv/acme/services/api/src/db/pool.ts:20:18)
          at async /srv/acme/services/api/src/routes/orders.ts:28:19
      ~~~

      Client-credentials tokens have no \`https://acme.example/account_id\` claim, and
      \`services/api/src/middleware/auth.ts:33\` turns the missing claim into the string "undefined".
    `,
    revision: 1,
  },
  {
    n: 129,
    title: 'URGENT!!! nothing works',
    severity: null,
    status: 'new',
    assignee: null,
    created: 8,
    requester: 'lars@fjordfisk.example',
    organization: 'Fjord Fisheries AS',
    labels: [],
    description: md`
      our warehouse screens all say "Something went wrong on our side." since 10 minutes. trucks are
      waiting. CALL ME
    `,
    revision: 1,
  },
];

/** The sample queue, its times relative to `now`. */
export function buildSampleQueue(now: Date): QueueFile {
  return { version: 1, tickets: TICKETS.map((spec) => toLocalTicket(now, spec)) };
}
