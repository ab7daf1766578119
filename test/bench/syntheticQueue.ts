/** A large, realistic-looking queue file for benchmarks: deterministic, no randomness. */
const REGIONS = ['EMEA', 'AMER', 'APAC', undefined];
const TEAMS = ['billing', 'api-platform', 'search', undefined];
const STATUSES = ['new', 'open', 'pending', 'open', 'solved'];
const PEOPLE = ['priya.natarajan@example.com', 'jonas.weber@example.com', 'mei.chen@example.com', 'sam.taylor@example.com'];

export function syntheticQueueText(count: number, now: Date): string {
  const tickets = Array.from({ length: count }, (_, i) => {
    const created = new Date(now.getTime() - ((i * 7919) % (30 * 24 * 60)) * 60_000).toISOString();
    return {
      id: `SUP-${10_000 + i}`,
      title: `Checkout fails with 502 for customer ${i % 997} after the payment retry`,
      severity: i % 17 === 0 ? null : (i % 4) + 1,
      status: STATUSES[i % STATUSES.length],
      assignee: i % 3 === 0 ? null : (PEOPLE[i % PEOPLE.length] ?? null),
      createdAt: created,
      updatedAt: created,
      region: REGIONS[i % REGIONS.length],
      team: TEAMS[i % TEAMS.length],
      requester: `customer${i}@client${i % 50}.example`,
      organization: `Client ${i % 50} GmbH`,
      labels: ['escalation', i % 2 === 0 ? 'billing' : 'api'],
      description: `Since the deploy, requests to /v1/orders fail.\n\n\`\`\`\nError: upstream timed out\n    at Pool.acquire (services/api/src/db/pool.ts:${i % 80})\n\`\`\`\n`,
      comments: [
        { author: `customer${i}@client${i % 50}.example`, createdAt: created, body: 'Any update? Our month-end run is blocked.' },
        { author: PEOPLE[i % PEOPLE.length] ?? 'x', createdAt: created, body: 'Reproduced; pool exhausted under retry storm.', internal: true },
      ],
      revision: i % 5,
    };
  });
  return JSON.stringify({ version: 1, tickets }, null, 2);
}
