/**
 * The local source's "server" is its queue file, so the moments of one of its operations are file
 * system calls: taking the lock (a directory renamed onto the lock's path, before it reads), reading
 * the queue (then deciding), renaming the new queue over the old (its write). This watches those calls on Node's own `fs/promises` module
 * object, which the source reads at every call, and runs a colleague's action at the chosen one.
 *
 * A change holds the queue's lock from before its read until after its write, as another window's
 * change would wait for it: an action started inside that span is not awaited there (it would wait
 * for a lock we hold) but runs on, and `settle` waits for it.
 */
import type { Moment } from '../conformanceSubject';

type AsyncFunction = (...args: never[]) => Promise<unknown>;

interface WatchedCalls {
  readFile: AsyncFunction;
  rename: AsyncFunction;
}

// Node's module object itself, not a copy: assigning to it is seen by every importer.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would give a copy whose functions cannot be replaced
const fsModule = require('node:fs/promises') as WatchedCalls;

export class FileMoments {
  private readonly original: WatchedCalls = { readFile: fsModule.readFile, rename: fsModule.rename };
  private hooks: { moment: Moment; action: () => Promise<unknown> }[] = [];
  private running: Promise<unknown>[] = [];

  constructor(private readonly queueFile: string) {
    const { readFile, rename } = this.original;
    fsModule.readFile = this.wrap(readFile, async (args, call) => {
      const result = await call();
      if (args[0] === this.queueFile) {
        await this.run('afterFirstListPage', true);
        await this.run('betweenReadAndWrite', false);
      }
      return result;
    });
    fsModule.rename = this.wrap(rename, async (args, call) => {
      if (args[1] === `${this.queueFile}.lock`) await this.run('beforeRead', true);
      const result = await call();
      if (args[1] === this.queueFile) await this.run('afterWrite', false);
      return result;
    });
  }

  at(moment: Moment, action: () => Promise<unknown>): void {
    this.hooks.push({ moment, action });
  }

  async settle(): Promise<void> {
    const running = this.running;
    this.running = [];
    await Promise.all(running);
  }

  restore(): void {
    Object.assign(fsModule, this.original);
  }

  private async run(moment: Moment, awaited: boolean): Promise<void> {
    const index = this.hooks.findIndex((h) => h.moment === moment);
    if (index < 0) return;
    const [hook] = this.hooks.splice(index, 1);
    if (!hook) return;
    const done = hook.action();
    if (awaited) await done;
    else this.running.push(done);
  }

  private wrap(original: AsyncFunction, around: (args: unknown[], call: () => Promise<unknown>) => Promise<unknown>): AsyncFunction {
    return (...args: never[]) => around(args, () => original(...args));
  }
}
