/**
 * Opens the extension on the sample workspace in a real VS Code: desktop `code` when it is on
 * the PATH, otherwise the VS Code server from code-server, in the browser on 127.0.0.1.
 *
 *   npm start [-- --browser] [-- --fresh] [-- --port N]
 *
 * --browser  use the browser even when `code` is installed
 * --fresh    recreate the sample workspace (its queue and git history) from scratch
 * --port N   serve the browser workbench on this port (default: a free one)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startOnTheQueue } from '../test/support/demoSettings';
import { CACHE_DIR, REPO_ROOT } from '../test/support/testPaths';
import { ensureVsCode } from '../test/support/vscodeInstall';
import { installExtension, startServer } from '../test/support/vscodeServer';
import { makeSampleWorkspace } from './make-sample-workspace';

const WORKSPACE = join(CACHE_DIR, 'sample-workspace');
const DEMO_STATE = join(CACHE_DIR, 'demo');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Output shown only when the command fails: vsce lists every packaged file, which reads like a problem. */
function runQuietly(what: string, command: string, args: string[]): void {
  console.log(`${what}…`);
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status === 0) return;
  process.stderr.write(`${result.stdout}${result.stderr}`);
  throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function ensureWorkspace(fresh: boolean): Promise<void> {
  if (fresh) rmSync(WORKSPACE, { recursive: true, force: true });
  if (existsSync(join(WORKSPACE, '.git'))) return;
  console.log('Creating the sample workspace and its git history…');
  await makeSampleWorkspace(WORKSPACE);
}

async function openInBrowser(port: number | undefined): Promise<void> {
  const install = await ensureVsCode();
  // The packaged extension, installed like a user's: the development-path route needs the
  // smoke-test driver, which hides notifications.
  runQuietly('Packaging the extension', 'npm', ['run', '--silent', 'package']);
  installExtension(install, DEMO_STATE, join(REPO_ROOT, 'dist', 'support-rotation.vsix'));
  startOnTheQueue(DEMO_STATE);
  const server = await startServer(install, { stateDir: DEMO_STATE, smokeTestDriver: false, ...(port === undefined ? {} : { port }) });
  console.log(`\nSupport Rotation on the sample workspace, in VS Code ${install.vscodeVersion}:\n\n  ${server.workbenchUrl(WORKSPACE)}\n`);
  console.log(`Server log: ${server.logFile}. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { browser: { type: 'boolean' }, fresh: { type: 'boolean' }, port: { type: 'string' } } });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`--port needs a port number, not "${values.port}"`);
  await ensureWorkspace(values.fresh ?? false);
  const code = values.browser ? undefined : onPath('code');
  if (code) {
    run(process.execPath, ['esbuild.mjs']);
    spawn(code, ['--extensionDevelopmentPath', REPO_ROOT, WORKSPACE], { stdio: 'inherit', detached: true }).unref();
    console.log(`Opened ${WORKSPACE} in VS Code with the extension under development.`);
    return;
  }
  await openInBrowser(port);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
