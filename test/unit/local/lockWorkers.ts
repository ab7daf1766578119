/** Starting, ordering and stopping lockWorker processes from a test. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LockOrder, LockReply } from './lockWorker';

export interface LockWorker {
  ask(order: LockOrder): Promise<LockReply>;
  /** SIGKILL, as when a window crashes: nothing runs after it, the lock stays behind. */
  kill(): Promise<void>;
}

export async function startLockWorkers(count: number): Promise<LockWorker[]> {
  return Promise.all(Array.from({ length: count }, () => startLockWorker()));
}

async function startLockWorker(): Promise<LockWorker> {
  const child = fork(join(__dirname, 'lockWorker.ts'), [], { execArgv: ['--require', 'tsx/cjs'], stdio: 'inherit' });
  // Loading takes a few hundred milliseconds; a race must not start before every worker can run.
  await nextReply(child);
  return {
    ask: (order) => {
      const reply = nextReply(child);
      child.send(order);
      return reply;
    },
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

function nextReply(child: ChildProcess): Promise<LockReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null): void => reject(new Error(`the lock worker exited (${signal ?? code})`));
    child.once('exit', onExit);
    child.once('message', (reply) => {
      child.off('exit', onExit);
      resolve(reply as LockReply);
    });
  });
}
