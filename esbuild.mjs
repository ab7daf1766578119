// Builds the extension host bundle and the ticket panel's browser bundle.
// `--production` minifies without sourcemaps for packaging; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Each entry is one bundle; the webview's browser bundle is added here as a second target. */
const bundles = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    // VS Code 1.90 runs extensions on Electron 29's Node 20.
    target: 'node20',
    external: ['vscode'],
    // Prefer ES module builds: jsonc-parser's UMD build loads its parts with a require() that
    // a bundle cannot follow.
    mainFields: ['module', 'main'],
    alias: { 'form-data': './src/providers/http/formDataUnused.ts' },
  },
  {
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    // The webview runs in the Chromium of the VS Code it is shown in: 1.90 ships Chromium 122.
    target: 'chrome120',
  },
];

const shared = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'info',
  legalComments: 'none',
};

const contexts = await Promise.all(bundles.map((b) => esbuild.context({ ...shared, ...b })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
