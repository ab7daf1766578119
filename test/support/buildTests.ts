/** Compiles the integration suites for the extension host: one file per suite plus the entry point. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { INTEGRATION_OUT_DIR, REPO_ROOT } from './testPaths';

export async function buildIntegrationSuites(): Promise<void> {
  const sourceDir = join(REPO_ROOT, 'test', 'integration');
  const entries = readdirSync(sourceDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts'));
  rmSync(INTEGRATION_OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries.map((f) => join(sourceDir, f)),
    outdir: INTEGRATION_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // The host provides `vscode`; mocha is loaded from the repository's node_modules.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
