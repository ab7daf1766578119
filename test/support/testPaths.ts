/** Where the test harness keeps what it installs, builds and produces. */
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Installed tools, cached between runs and ignored by git (the @vscode/test-electron convention). */
export const CACHE_DIR = join(REPO_ROOT, '.vscode-test');
/** Artifacts a run leaves for people to look at: screenshots, result counts, server logs. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
/** Compiled integration suite, loaded inside the extension host. */
export const INTEGRATION_OUT_DIR = join(REPO_ROOT, 'out', 'integration');
/** Compiled in-host benchmark. */
export const HOST_BENCH_OUT_DIR = join(REPO_ROOT, 'out', 'bench');
