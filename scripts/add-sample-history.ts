/**
 * Writes the sample queue's past: closed tickets spread over the last twelve months, so the rotation
 * dashboard has months to show. Seeded, so the same tickets come out every run; run again, it
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

const data = JSON.parse(readFileSync(FILE, 'utf8')) as { tickets: { id: string }[] };
const random = seeded(16);
const generated = Array.from({ length: COUNT }, (_, i) => historyTicket(random, i));
const ours = new Set(generated.map((t) => t.id));
data.tickets = [...data.tickets.filter((t) => !ours.has(t.id)), ...(generated as unknown as { id: string }[])];
writeFileSync(FILE, `${JSON.stringify(data, null, 2)}\n`);
console.log(`Wrote ${COUNT} closed tickets (SUP-${FIRST_KEY}…SUP-${FIRST_KEY + COUNT - 1}) to ${FILE}`);
