/** One VS Code server and one browser on a fresh sample workspace, shared by an e2e suite. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freshSampleWorkspace, runStateDir } from '../support/sampleWorkspaceDir';
import { REPO_ROOT, RESULTS_DIR } from '../support/testPaths';
import { ensureVsCode } from '../support/vscodeInstall';
import { startServer, type RunningServer } from '../support/vscodeServer';
import { openWorkbench, type Workbench } from '../support/workbench';

export const SCREENSHOT_DIR = join(RESULTS_DIR, 'screenshots');

export interface WorkbenchSession {
  readonly workspace: string;
  readonly workbench: Workbench;
  close(): Promise<void>;
}

export async function startWorkbenchSession(name: string, prepare?: (stateDir: string) => void): Promise<WorkbenchSession> {
  const install = await ensureVsCode();
  const workspace = await freshSampleWorkspace(name);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Settings and view state of an earlier run (a theme, an open panel) must not leak in.
  rmSync(runStateDir(name), { recursive: true, force: true });
  prepare?.(runStateDir(name));
  const server: RunningServer = await startServer(install, { stateDir: runStateDir(name) });
  try {
    const workbench = await openWorkbench(server.workbenchUrl(workspace, { extensionDevelopmentPath: REPO_ROOT }));
    return {
      workspace,
      workbench,
      close: async () => {
        await workbench.close();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/**
 * Starts a session before the suite's tests and closes it after; a failing test leaves a
 * screenshot. The returned function gives the running session inside tests.
 */
export function useWorkbenchSession(name: string, prepare?: (stateDir: string) => void): () => WorkbenchSession {
  let session: WorkbenchSession | undefined;
  before(async () => {
    session = await startWorkbenchSession(name, prepare);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (session && test?.state === 'failed') {
      await session.workbench.page.screenshot({ path: join(SCREENSHOT_DIR, `failed-${test.title.replace(/\W+/g, '-')}.png`) });
    }
  });
  after(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error(`the workbench session "${name}" did not start`);
    return session;
  };
}
