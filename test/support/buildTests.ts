/** Compiles code that runs inside the extension host: an `index.ts` entry plus one file per suite. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './testPaths';

export async function buildHostBundles(sourceFolder: string, outDir: string): Promise<void> {
  const sourceDir = join(REPO_ROOT, sourceFolder);
  const entries = readdirSync(sourceDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts'));
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries.map((f) => join(sourceDir, f)),
    outdir: outDir,
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
