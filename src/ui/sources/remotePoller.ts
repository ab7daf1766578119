/**
 * When to refresh the queue on its own: after the shortest delay a paced source asks for (Zendesk's
 * poll budget, which already holds a 429's `Retry-After`), and only while the refresh is wanted.
 * A refresh that falls due while it is not wanted is not made; it is made as soon as it is wanted
 * again, never before it was due. No clock or editor state is read here but through `PollerHost`,
 * so that the timing can be driven by tests.
 */
import type { TicketSource } from '../../providers/ticketSource';

interface Disposable {
  dispose(): void;
}

type Listen = (listener: () => void) => Disposable;

interface Paced {
  pollDelayMs(): number;
}

export interface PolledModel {
  readonly onDidChange: Listen;
  statuses(): readonly { readonly source: TicketSource }[];
  refresh(): Promise<void>;
}

export interface PollerHost {
  now(): number;
  setTimer(callback: () => void, ms: number): Disposable;
  /** Whether someone needs fresh data now: something that shows it is visible, or an alert waits for it. */
  wanted(delayMs: number): boolean;
  /** Fires when `wanted` may have changed. */
  readonly onWantedChange: Listen;
}

export class RemotePoller implements Disposable {
  private timer: Disposable | undefined;
  private dueAt: number | undefined;
  private delayMs = 0;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly model: PolledModel,
    private readonly host: PollerHost,
  ) {
    this.subscriptions = [model.onDidChange(() => this.schedule()), host.onWantedChange(() => this.refreshIfDue())];
  }

  dispose(): void {
    this.timer?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private schedule(): void {
    this.timer?.dispose();
    const delays = this.model
      .statuses()
      .map(({ source }) => source)
      .filter(isPaced)
      .map((source) => source.pollDelayMs());
    if (delays.length === 0) {
      this.dueAt = undefined;
      return;
    }
    this.delayMs = Math.min(...delays);
    this.dueAt = this.host.now() + this.delayMs;
    this.timer = this.host.setTimer(() => this.refreshIfDue(), this.delayMs);
  }

  private refreshIfDue(): void {
    if (this.dueAt === undefined || this.host.now() < this.dueAt || !this.host.wanted(this.delayMs)) return;
    this.dueAt = undefined;
    void this.model.refresh();
  }
}

function isPaced(source: TicketSource): source is TicketSource & Paced {
  return typeof (source as Partial<Paced>).pollDelayMs === 'function';
}
