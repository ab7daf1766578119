/**
 * Runs the integration suites inside a real VS Code extension host: the VS Code server from
 * code-server, its web workbench in headless Chromium, the extension loaded for development
 * on a fresh sample workspace. Exit code 0 when every suite passed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildIntegrationSuites } from './buildTests';
import { freshSampleWorkspace, runStateDir } from './sampleWorkspaceDir';
import { INTEGRATION_OUT_DIR, REPO_ROOT, RESULTS_DIR } from './testPaths';
import { readStageCounts, stagePassed } from './stageCounts';
import { ensureVsCode } from './vscodeInstall';
import { startServer } from './vscodeServer';
import { openWorkbench } from './workbench';

const SUITE_TIMEOUT_MS = 5 * 60_000;

async function main(): Promise<number> {
  const install = ensureVsCode();
  await buildIntegrationSuites();
  const workspace = await freshSampleWorkspace('integration');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const countsFile = join(RESULTS_DIR, 'integration.json');
  const reportFile = join(RESULTS_DIR, 'integration.log');
  rmSync(countsFile, { force: true });

  const stateDir = runStateDir('integration');
  rmSync(stateDir, { recursive: true, force: true });
  const server = await startServer(install, { stateDir });
  console.log(`VS Code ${install.vscodeVersion} server on 127.0.0.1:${server.port} (log: ${server.logFile})`);
  try {
    const url = server.workbenchUrl(workspace, {
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(INTEGRATION_OUT_DIR, 'index.js'),
    });
    const workbench = await openWorkbench(url);
    try {
      const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), SUITE_TIMEOUT_MS).unref());
      const code = await Promise.race([workbench.automationExit, timeout]);
      if (existsSync(reportFile)) process.stdout.write(readFileSync(reportFile, 'utf8'));
      if (code === -1) console.error(`The integration suites did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes.`);
      const counts = readStageCounts(countsFile);
      // The workbench reports 0 also when the suite could not even load, so the counts decide.
      if (!counts) console.error(`The integration suites reported no results; see ${server.logFile}.`);
      return code === 0 && stagePassed(counts) ? 0 : 1;
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
