/**
 * Starts the VS Code server on 127.0.0.1. For tests, with the smoke-test driver, which is what
 * lets the web workbench load an extension under development and run a test suite from the URL;
 * for people, without it (it hides notifications), with the extension installed from its .vsix.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { VsCodeInstall } from './vscodeInstall';

export interface ServerOptions {
  /** Folder for everything this server writes: settings, logs, extensions, temp files. */
  readonly stateDir: string;
  readonly port?: number;
  /** Extra environment for the server and the extension hosts it starts. */
  readonly env?: NodeJS.ProcessEnv;
  /** Off for a workbench meant for people. Default on. */
  readonly smokeTestDriver?: boolean;
}

export interface RunningServer {
  readonly port: number;
  readonly logFile: string;
  /** The workbench URL that opens `folder` with the given development and test paths. */
  workbenchUrl(folder: string, load?: { extensionDevelopmentPath: string; extensionTestsPath?: string }): string;
  stop(): Promise<void>;
}

/** Installs a packaged extension where a server started with the same `stateDir` finds it. */
export function installExtension(install: VsCodeInstall, stateDir: string, vsix: string): void {
  const result = spawnSync(
    install.node,
    [install.serverMain, '--server-data-dir', join(stateDir, 'data'), '--extensions-dir', join(stateDir, 'extensions'), '--install-extension', vsix, '--force'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`Installing ${vsix} failed: ${result.stderr || result.stdout}`);
}

export async function startServer(install: VsCodeInstall, options: ServerOptions): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  await assertPortFree(port);
  const dirs = ['data', 'user-data', 'extensions', 'config', 'share', 'tmp'].map((d) => join(options.stateDir, d));
  const [data, userData, extensions, config, share, tmp] = dirs as [string, string, string, string, string, string];
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  const logFile = join(options.stateDir, 'server.log');
  const log = createWriteStream(logFile);

  const args = [
    install.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(options.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // A closed browser tab should not leave its extension host running for hours.
    '--reconnection-grace-time',
    '5',
    '--server-data-dir',
    data,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
  ];
  const child = spawn(install.node, args, {
    // Its own process group, so that stopping it also stops the extension hosts it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, XDG_CONFIG_HOME: config, XDG_DATA_HOME: share, TMPDIR: tmp },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await waitForListening(child, port);

  return {
    port,
    logFile,
    workbenchUrl(folder, load) {
      const query = new URLSearchParams({ folder });
      if (load) {
        const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
        const payload: [string, string][] = [['extensionDevelopmentPath', remote(load.extensionDevelopmentPath)]];
        if (load.extensionTestsPath) payload.push(['extensionTestsPath', remote(load.extensionTestsPath)]);
        query.set('payload', JSON.stringify(payload));
      }
      return `http://127.0.0.1:${port}/?${query.toString()}`;
    },
    stop: () => stopGroup(child),
  };
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`Port ${port} on 127.0.0.1 is in use; choose another one.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForListening(child: ChildProcess, port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The VS Code server exited with code ${child.exitCode} before listening`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/version`);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopGroup(child);
  throw new Error(`The VS Code server did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // Already gone.
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
