import express from 'express';
import pino from 'pino';
import { pool, poolStats } from './db/pool';
import { HttpError } from './errors';
import { authenticate } from './middleware/auth';
import { rateLimit } from './middleware/rateLimit';
import { ordersRouter } from './routes/orders';

const log = pino({ name: 'acme-api' });
const app = express();

app.disable('x-powered-by');
app.use(express.json({ limit: '1mb' }));
app.get('/healthz', (_req, res) => {
  res.json({ ok: true, db: poolStats() });
});

app.use('/v2', authenticate, rateLimit({ capacity: 120, refillPerSecond: 2 }));
app.use('/v2/orders', ordersRouter);

// Express tells error handlers apart by their four parameters, so `_next` has to stay.
app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.code, message: err.message });
    return;
  }
  log.error({ err, path: req.path, requestId: req.header('x-request-id') }, 'unhandled error');
  res.status(500).json({ error: 'internal', message: 'Something went wrong on our side.' });
});

const port = Number(process.env.PORT ?? 8080);
const server = app.listen(port, () => log.info({ port }, 'listening'));

// Kubernetes sends SIGTERM before removing the pod: finish in-flight requests, then close the pool.
process.on('SIGTERM', () => {
  server.close(() => {
    void pool.end();
  });
});
