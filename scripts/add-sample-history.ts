/**
 * Writes the sample queue's past: closed tickets spread over the last twelve months, so the rotation
 * dashboard has months to show, then a few closed tickets that were the same fault as an open one,
 * told in other words, so that "Seen before?" has something to find (the sample workspace's history
 * holds the commits that fixed them). Seeded, so the same tickets come out every run; run again, it
 * replaces the tickets it wrote (by id) and leaves every other ticket as it is.
 *
 *   npx tsx scripts/add-sample-history.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(__dirname, '..', 'resources', 'sampleQueue.json');
const FIRST_KEY = 130;
const COUNT = 80;
/** Where the history ends: the hand-written tickets cover the last week. */
const NEWEST_DAYS_AGO = 8;
const OLDEST_DAYS_AGO = 360;

/** Colleagues who held the past tickets; the demo user's own are the three open ones. */
const PEOPLE = ['priya.natarajan@example.com', 'diego.alvarez@example.com', 'jonas.weber@example.com', 'mei.chen@example.com', 'aisha.bello@example.com'];
const TEAMS = ['billing', 'api-platform', 'search'] as const;
const REGIONS = ['EMEA', 'AMER', 'APAC'] as const;
const ORGANIZATIONS = [
  'Northwind Traders',
  'Bluebird Logistics',
  'Harbour & Finch Ltd',
  'Kiwi Hardware Ltd',
  'Maison Lefèvre SARL',
  'Prairie Seed Co.',
  'Sakura Kitchenware KK',
  'Van der Berg Bloemen BV',
];
const PROBLEMS: Readonly<Record<(typeof TEAMS)[number], readonly string[]>> = {
  billing: [
    'Invoice PDF shows the wrong VAT rate',
    'Card payment declined with no reason given',
    'Credit note missing after refund',
    'Duplicate charge on the monthly plan',
    'Proration wrong after a plan change',
  ],
  'api-platform': [
    'Webhook deliveries time out',
    'API returns 429 below our rate limit',
    'OAuth token refresh fails with invalid_grant',
    'Order sync skips items with long SKUs',
    'Bulk export stops at 10,000 rows',
  ],
  search: [
    'Search misses products with accents',
    'Autocomplete shows deleted products',
    'Search results in the wrong language',
    'Filters reset after paging',
    'Slow search on the catalogue page',
  ],
};
/** Minutes to first claim and to resolution, per severity: S1 within the hour, S4 over days. */
const CLAIM_MINUTES = [0, 40, 300, 700, 1_800];
const RESOLVE_MINUTES = [0, 8 * 60, 2 * 24 * 60, 5 * 24 * 60, 9 * 24 * 60];

/** A fixed sequence (a linear congruential generator), so the file does not change between runs. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function duration(minutes: number): string {
  const whole = Math.max(1, Math.round(minutes));
  const days = Math.floor(whole / 1_440);
  const hours = Math.floor((whole % 1_440) / 60);
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', whole % 60 ? `${whole % 60}m` : ''].filter(Boolean).join(' ');
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function historyTicket(random: () => number, index: number): Record<string, unknown> {
  const key = `SUP-${FIRST_KEY + index}`;
  const severity = pick(random, [1, 2, 2, 3, 3, 3, 4, 4] as const);
  const team = pick(random, TEAMS);
  const organization = pick(random, ORGANIZATIONS);
  // More tickets in recent months: the product grew.
  const createdMinutes = (NEWEST_DAYS_AGO + (OLDEST_DAYS_AGO - NEWEST_DAYS_AGO) * random() ** 1.4) * 1_440;
  // One in four waits well past its target before anyone takes it; one in ten is solved without a claim.
  const claimAfter = CLAIM_MINUTES[severity] * (random() < 0.25 ? 1.5 + random() * 2 : 0.2 + random() * 0.7);
  const resolveAfter = claimAfter + RESOLVE_MINUTES[severity] * (0.3 + random() * 1.5);
  const unclaimed = random() < 0.1;
  return {
    id: key,
    key,
    title: pick(random, PROBLEMS[team]),
    severity,
    status: 'closed',
    assignee: unclaimed ? null : pick(random, PEOPLE),
    createdAgo: duration(createdMinutes),
    ...(unclaimed ? {} : { claimedAgo: duration(createdMinutes - claimAfter) }),
    resolvedAgo: duration(createdMinutes - resolveAfter),
    region: pick(random, REGIONS),
    team,
    requester: `support@${organization
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '')}.example`,
    organization,
    labels: [],
    url: `https://support.acme.example/tickets/${key}`,
    description: 'Resolved and closed; kept for the rotation’s history.',
    revision: 4,
    comments: [],
  };
}

interface SameFault {
  readonly title: string;
  readonly team: (typeof TEAMS)[number];
  readonly severity: 1 | 2 | 3;
  readonly assignee: string;
  readonly organization: string;
  readonly requester: string;
  readonly region: (typeof REGIONS)[number];
  readonly labels: readonly string[];
  /** Days before now: the fixing commit in make-sample-workspace.ts lands between claim and resolution. */
  readonly createdDaysAgo: number;
  readonly claimedDaysAgo: number;
  readonly resolvedDaysAgo: number;
  readonly description: string;
  readonly note: string;
}

/**
 * Earlier reports of the faults of SUP-121, SUP-114 and SUP-127, in the order of their keys after
 * the history above: another customer's words, the same error text or the same code.
 */
const SAME_FAULTS: readonly SameFault[] = [
  {
    title: 'Web shop cannot place orders every morning while our reports run',
    team: 'api-platform',
    severity: 2,
    assignee: 'diego.alvarez@example.com',
    organization: 'Bluebird Logistics',
    requester: 'it@bluebird-logistics.example',
    region: 'EMEA',
    labels: ['api', 'database'],
    createdDaysAgo: 89,
    claimedDaysAgo: 88.9,
    resolvedDaysAgo: 87.5,
    description:
      'Between 8 and 9 am our shop shows "order could not be saved" for about one order in five. Later in the day\nit is fine. That is when our finance team runs the monthly reports against your API.\n\n---\n**L2 (Marcus):** Sentry, `acme-api` production:\n\n~~~text\nError: timeout exceeded when trying to connect\n    at Timeout._onTimeout (/srv/acme/services/api/node_modules/pg-pool/index.js:205:27)\n    at listOnTimeout (node:internal/timers:581:17)\n    at async withTransaction (/srv/acme/services/api/src/db/pool.ts:25:18)\n    at async /srv/acme/services/api/src/routes/orders.ts:40:18\n~~~',
    note: 'One report query held 40 connections for minutes and every other request waited for the pool.\nStatements are now capped at 10 s (`services/api/src/db/pool.ts`), released to the customer.',
  },
  {
    title: "Search page crashes when we look up customers like O'Neill",
    team: 'search',
    severity: 3,
    assignee: 'aisha.bello@example.com',
    organization: 'Harbour & Finch Ltd',
    requester: 'support@harbour-finch-ltd.example',
    region: 'EMEA',
    labels: ['search'],
    createdDaysAgo: 162,
    claimedDaysAgo: 161.5,
    resolvedDaysAgo: 159.5,
    description:
      'Looking up any surname with an apostrophe in it gives our staff an error page. Other names work.\n\n---\n**L2 (Hannah):** Sentry, `acme-search` production:\n\n~~~python\nTraceback (most recent call last):\n  File "/srv/acme/services/search/search/api.py", line 27, in search\n    parsed = parse(q)\n  File "/srv/acme/services/search/search/query_parser.py", line 36, in parse\n    tokens = shlex.split(raw, posix=True)\nValueError: No closing quotation\n~~~',
    note: '`shlex` reads the apostrophe as an opening quote. The parser now answers 400 with a message instead\nof a 500 (`services/search/search/query_parser.py:36`); names with an apostrophe still need quotes.',
  },
  {
    title: 'Order lookup in our call centre fails since the data migration',
    team: 'search',
    severity: 2,
    assignee: 'mei.chen@example.com',
    organization: 'Kiwi Hardware Ltd',
    requester: 'helpdesk@kiwi-hardware-ltd.example',
    region: 'APAC',
    labels: ['search', 'indexing'],
    createdDaysAgo: 96,
    claimedDaysAgo: 95.8,
    resolvedDaysAgo: 94.5,
    description:
      'We moved our old orders over at the weekend. Since then finding an order in the search box gives\n"Something went wrong", for every agent.\n\n---\n**L2 (Yuki):** Sentry, `acme-search` production:\n\n~~~python\nTraceback (most recent call last):\n  File "/srv/acme/services/search/search/api.py", line 36, in search\n    ranked = sorted(docs, key=lambda doc: score(doc, parsed.terms, stats), reverse=True)\n  File "/srv/acme/services/search/search/ranking.py", line 45, in score\n    total *= 1 + recency_boost(datetime.fromisoformat(doc["updated_at"]), now)\n  File "/srv/acme/services/search/search/ranking.py", line 27, in recency_boost\n    age_days = max(0.0, (now - updated_at).total_seconds() / 86_400)\nTypeError: can\'t subtract offset-naive and offset-aware datetimes\n~~~',
    note: 'The migrated orders carry `updated_at` without a time zone. The indexer now writes it in UTC\n(`services/search/search/indexer.py`); reindexed the account.',
  },
];

function sameFaultTicket(fault: SameFault, index: number): Record<string, unknown> {
  const key = `SUP-${FIRST_KEY + COUNT + index}`;
  const ago = (days: number): string => duration(days * 1_440);
  return {
    id: key,
    key,
    title: fault.title,
    severity: fault.severity,
    status: 'closed',
    assignee: fault.assignee,
    createdAgo: ago(fault.createdDaysAgo),
    claimedAgo: ago(fault.claimedDaysAgo),
    resolvedAgo: ago(fault.resolvedDaysAgo),
    region: fault.region,
    team: fault.team,
    requester: fault.requester,
    organization: fault.organization,
    labels: fault.labels,
    url: `https://support.acme.example/tickets/${key}`,
    description: fault.description,
    revision: 5,
    comments: [{ author: fault.assignee, ago: ago(fault.resolvedDaysAgo + 0.1), body: fault.note, internal: true }],
  };
}

const data = JSON.parse(readFileSync(FILE, 'utf8')) as { tickets: { id: string }[] };
const random = seeded(16);
const generated = [...Array.from({ length: COUNT }, (_, i) => historyTicket(random, i)), ...SAME_FAULTS.map(sameFaultTicket)];
const ours = new Set(generated.map((t) => t.id));
data.tickets = [...data.tickets.filter((t) => !ours.has(t.id)), ...(generated as unknown as { id: string }[])];
writeFileSync(FILE, `${JSON.stringify(data, null, 2)}\n`);
console.log(`Wrote ${generated.length} closed tickets (SUP-${FIRST_KEY}…SUP-${FIRST_KEY + generated.length - 1}) to ${FILE}`);
