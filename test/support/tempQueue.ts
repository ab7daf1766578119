import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A queue file in a fresh temporary folder, removed by `cleanup`. */
export async function tempQueueFile(content: unknown): Promise<{ path: string; read: () => Promise<string>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'support-rotation-'));
  const path = join(dir, 'queue.json');
  await writeFile(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return { path, read: () => readFile(path, 'utf8'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function rawTicket(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: `Ticket ${id}`, severity: 2, status: 'open', assignee: null, createdAt: '2026-11-24T08:00:00Z', revision: 1, ...extra };
}
