/**
 * Runs a module's `run()` inside a real VS Code extension host: the VS Code server from
 * code-server, its web workbench in headless Chromium, the extension loaded for development on
 * a fresh sample workspace. Used by the integration tests and the in-host benchmark.
 */
import { rmSync } from 'node:fs';
import { freshSampleWorkspace, runStateDir } from './sampleWorkspaceDir';
import { REPO_ROOT } from './testPaths';
import { ensureVsCode } from './vscodeInstall';
import { startServer } from './vscodeServer';
import { openWorkbench } from './workbench';

export interface HostRun {
  /** Names the run's folders under .vscode-test/runs/. */
  readonly name: string;
  /** The compiled module whose `run()` the extension host calls. */
  readonly entry: string;
  readonly timeoutMs: number;
}

export interface HostRunOutcome {
  /** The code the workbench reported, or undefined when the run timed out. */
  readonly exitCode: number | undefined;
  readonly serverLog: string;
}

export async function runInExtensionHost(run: HostRun): Promise<HostRunOutcome> {
  const install = await ensureVsCode();
  const workspace = await freshSampleWorkspace(run.name);
  const stateDir = runStateDir(run.name);
  rmSync(stateDir, { recursive: true, force: true });
  const server = await startServer(install, { stateDir });
  console.log(`VS Code ${install.vscodeVersion} server on 127.0.0.1:${server.port} (log: ${server.logFile})`);
  try {
    const workbench = await openWorkbench(server.workbenchUrl(workspace, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: run.entry }));
    try {
      const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), run.timeoutMs).unref());
      const exitCode = await Promise.race([workbench.automationExit, timeout]);
      return { exitCode, serverLog: server.logFile };
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
  }
}
