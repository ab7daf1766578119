/**
 * How long Node takes to load bundles (read, compile, run their top level): what VS Code's "Load
 * Code" column shows for an extension. Each measurement is a fresh Node process, with `vscode`
 * stood in for, since only the modules' own top level runs while loading.
 */
import { spawnSync } from 'node:child_process';

// Any property of the stand-in is the stand-in again, callable and constructible.
const LOAD = `
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const { performance } = require('node:perf_hooks');
const started = performance.now();
for (const file of process.argv.slice(1)) require(file);
process.stdout.write(String(performance.now() - started));
`;

/** Milliseconds to load `files`, one after the other, in each of `runs` fresh processes. */
export function loadTimes(files: readonly string[], runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const result = spawnSync(process.execPath, ['-e', LOAD, ...files], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Loading ${files.join(', ')} failed: ${result.stderr}`);
    return Number(result.stdout);
  });
}
