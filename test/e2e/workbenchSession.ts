/** One VS Code server and one browser on a fresh sample workspace, shared by an e2e suite. */
import { mkdirSync } from 'node:fs';
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

export async function startWorkbenchSession(name: string): Promise<WorkbenchSession> {
  const install = ensureVsCode();
  const workspace = await freshSampleWorkspace(name);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
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
