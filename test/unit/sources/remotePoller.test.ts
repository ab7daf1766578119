/** The automatic refresh of paced sources: only while wanted, at once when an overdue one is wanted again, never before its delay. */
import { strict as assert } from 'node:assert';
import type { TicketSource } from '../../../src/providers/ticketSource';
import { RemotePoller, type PolledModel } from '../../../src/ui/sources/remotePoller';

class Floor {
  now = 0;
  wanted = false;
  refreshes = 0;
  delayMs = 60_000;
  private timers: { at: number; callback: () => void; live: boolean }[] = [];
  private readonly changeListeners: (() => void)[] = [];
  private readonly wantedListeners: (() => void)[] = [];

  readonly model: PolledModel = {
    onDidChange: (listener) => this.listen(this.changeListeners, listener),
    statuses: () => [{ source: { pollDelayMs: () => this.delayMs } as unknown as TicketSource }],
    refresh: async () => {
      this.refreshes++;
    },
  };

  readonly poller = new RemotePoller(this.model, {
    now: () => this.now,
    setTimer: (callback, ms) => {
      const timer = { at: this.now + ms, callback, live: true };
      this.timers.push(timer);
      return { dispose: () => void (timer.live = false) };
    },
    wanted: () => this.wanted,
    onWantedChange: (listener) => this.listen(this.wantedListeners, listener),
  });

  /** The queue changed: a load ended. */
  loaded(): void {
    for (const listener of this.changeListeners) listener();
  }

  setWanted(wanted: boolean): void {
    this.wanted = wanted;
    for (const listener of this.wantedListeners) listener();
  }

  advance(ms: number): void {
    this.now += ms;
    for (const timer of this.timers.filter((t) => t.live && t.at <= this.now)) {
      timer.live = false;
      timer.callback();
    }
  }

  private listen(list: (() => void)[], listener: () => void): { dispose(): void } {
    list.push(listener);
    return { dispose: () => void list.splice(list.indexOf(listener), 1) };
  }
}

describe('the automatic refresh of remote sources', () => {
  it('asks nothing while nothing that needs it is visible, however long it waits', () => {
    const floor = new Floor();
    floor.loaded();
    floor.advance(60_000);
    floor.advance(10 * 60_000);
    assert.equal(floor.refreshes, 0);
  });

  it('refreshes when its delay is over while the queue or a panel is visible', () => {
    const floor = new Floor();
    floor.setWanted(true);
    floor.loaded();
    floor.advance(59_000);
    assert.equal(floor.refreshes, 0);
    floor.advance(1_000);
    assert.equal(floor.refreshes, 1);
  });

  it('runs an overdue refresh at once when it is wanted again, and only once', () => {
    const floor = new Floor();
    floor.loaded();
    floor.advance(5 * 60_000);
    floor.setWanted(true);
    assert.equal(floor.refreshes, 1);
    floor.setWanted(false);
    floor.setWanted(true);
    assert.equal(floor.refreshes, 1);
  });

  it('waits out the source’s delay (a 429’s Retry-After) even when it becomes wanted before', () => {
    const floor = new Floor();
    floor.delayMs = 200_000;
    floor.loaded();
    floor.advance(60_000);
    floor.setWanted(true);
    assert.equal(floor.refreshes, 0);
    floor.advance(140_000);
    assert.equal(floor.refreshes, 1);
  });

  it('stops for good once disposed', () => {
    const floor = new Floor();
    floor.setWanted(true);
    floor.loaded();
    floor.poller.dispose();
    floor.advance(60_000);
    floor.setWanted(true);
    assert.equal(floor.refreshes, 0);
  });
});
