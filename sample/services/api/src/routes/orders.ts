import { Router } from 'express';
import { z } from 'zod';
import { query, withTransaction } from '../db/pool';
import { conflict, notFound } from '../errors';
import { requireScope } from '../middleware/auth';

export const ordersRouter = Router();

const createOrderSchema = z.object({
  customerId: z.string().uuid(),
  currency: z.enum(['EUR', 'USD', 'GBP', 'SGD']),
  lines: z
    .array(z.object({ sku: z.string().min(1).max(64), quantity: z.number().int().positive().max(10_000) }))
    .min(1)
    .max(500),
});

interface OrderRow {
  id: string;
  customer_id: string;
  status: string;
  currency: string;
  total_cents: number;
  created_at: Date;
}

ordersRouter.get('/:id', requireScope('orders:read'), async (req, res) => {
  const [order] = await query<OrderRow>('SELECT * FROM orders WHERE id = $1 AND account_id = $2', [
    req.params.id,
    req.auth.accountId,
  ]);
  if (!order) throw notFound('Order');
  res.json(toApi(order));
});

ordersRouter.post('/', requireScope('orders:write'), async (req, res) => {
  const body = createOrderSchema.parse(req.body);
  const idempotencyKey = req.header('Idempotency-Key') ?? null;

  const result = await withTransaction(async (client) => {
    if (idempotencyKey) {
      const existing = await client.query<OrderRow>(
        'SELECT * FROM orders WHERE account_id = $1 AND idempotency_key = $2',
        [req.auth.accountId, idempotencyKey],
      );
      if (existing.rows[0]) return { order: existing.rows[0], replayed: true };
    }
    const prices = await client.query<{ sku: string; unit_cents: number }>(
      'SELECT sku, unit_cents FROM prices WHERE sku = ANY($1) AND currency = $2',
      [body.lines.map((line) => line.sku), body.currency],
    );
    const unitCents = new Map(prices.rows.map((price) => [price.sku, price.unit_cents]));
    const missing = body.lines.find((line) => !unitCents.has(line.sku));
    if (missing) throw conflict(`No ${body.currency} price for SKU ${missing.sku}`);

    const total = body.lines.reduce((sum, line) => sum + line.quantity * (unitCents.get(line.sku) ?? 0), 0);
    const inserted = await client.query<OrderRow>(
      `INSERT INTO orders (account_id, customer_id, currency, total_cents, status, idempotency_key)
       VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING *`,
      [req.auth.accountId, body.customerId, body.currency, total, idempotencyKey],
    );
    return { order: inserted.rows[0], replayed: false };
  });
  res.status(result.replayed ? 200 : 201).json(toApi(result.order));
});

function toApi(row: OrderRow) {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    currency: row.currency,
    totalCents: row.total_cents,
    createdAt: row.created_at.toISOString(),
  };
}
