/**
 * The keys of the alerts already told, oldest first, bounded so that the stored list cannot grow
 * without end; a key old enough to fall off refers to a ticket long gone from the queue.
 */
const SHOWN_ALERTS_LIMIT = 500;

export class ShownAlerts {
  private readonly keys: string[];
  private readonly index: Set<string>;
  private additions = 0;

  constructor(
    stored: readonly string[] = [],
    private readonly limit = SHOWN_ALERTS_LIMIT,
  ) {
    this.keys = stored.slice(-limit);
    this.index = new Set(this.keys);
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  add(key: string): void {
    if (this.index.has(key)) return;
    this.keys.push(key);
    this.index.add(key);
    this.additions += 1;
    while (this.keys.length > this.limit) this.index.delete(this.keys.shift() ?? '');
  }

  /** Counts the keys added so far: when it moved, there is something new to store. */
  get revision(): number {
    return this.additions;
  }

  /** What to store: the keys, oldest first. */
  toJSON(): string[] {
    return [...this.keys];
  }
}
