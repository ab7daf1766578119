// `npm run lint`, and the lint stage of `npm test`: ESLint, Prettier, knip and dependency-cruiser.
// They run side by side (ESLint's type-aware pass takes the longest, the others fit beside it); each
// one's output is printed whole when it ends, in this order, so the outputs do not interleave.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

export const lintChecks = [
  { name: 'eslint', command: [bin('eslint'), '.', '--max-warnings', '0'] },
  { name: 'prettier', command: [bin('prettier'), '--check', '.'] },
  { name: 'knip', command: [bin('knip'), '--no-progress'] },
  { name: 'depcruise', command: [bin('depcruise'), 'src', 'webview', 'test', 'scripts', 'esbuild.mjs', '--config', '.dependency-cruiser.cjs'] },
];

function runCheck(check) {
  const started = Date.now();
  const [command, ...args] = check.command;
  // Keep the tools' colours when a person is watching, although their output goes through a pipe.
  const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    const done = (ok, extra = '') => resolve({ name: check.name, ok, output: output + extra, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    child.on('error', (err) => done(false, `${err.message}\n`));
    child.on('close', (code, signal) => done(code === 0, code === 0 ? '' : `exit ${code ?? signal}\n`));
  });
}

/** Runs every check and prints each one's output; resolves to one outcome per check. */
export async function runLintChecks() {
  const outcomes = await Promise.all(lintChecks.map(runCheck));
  for (const o of outcomes) {
    console.log(`${o.ok ? '✔' : '✖'} ${o.name} (${o.seconds} s)`);
    const text = o.output.trimEnd();
    if (text !== '') console.log(text.replace(/^/gm, '    '));
  }
  return outcomes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outcomes = await runLintChecks();
  process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
}
