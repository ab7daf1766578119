// Builds the extension host bundles and the ticket panel's browser bundle.
// `--production` minifies without sourcemaps for packaging; `--watch` rebuilds on change.
// Each bundle's metafile (what went into it, and how many bytes each input left) is written to
// dist/meta/, for `npm run bench`; the package leaves it out.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** Loaded with `require` on first use, from beside dist/extension.js: the activation bundle leaves these paths to Node. */
export const LAZY_BUNDLES = ['./remote.js', './expertise.js', './ownership.js', './jsonSyntax.js', './handover.js', './dashboard.js', './similar.js'];

const extensionHost = {
  platform: 'node',
  format: 'cjs',
  // VS Code 1.90 runs extensions on Electron 29's Node 20.
  target: 'node20',
  external: ['vscode', ...LAZY_BUNDLES],
  // Prefer ES module builds: jsonc-parser's UMD build loads its parts with a require() that
  // a bundle cannot follow.
  mainFields: ['module', 'main'],
  alias: { 'form-data': './src/providers/http/formDataUnused.ts' },
};

/**
 * Each entry is one bundle. The extension host loads `extension` at activation: the tree, the
 * local queue and the commands. `remote` (the HTTP layer with axios, the remote sources and their
 * accounts) is loaded the first time a remote source is configured or signed in to; `expertise` (the expertise index and the
 * git history reading that builds it) on the first search for experts; `ownership` (CODEOWNERS and the
 * team ranking) on the first hand-off or search for experts; `jsonSyntax` (JSON's scanner) when a queue
 * file is not JSON, to say where; `handover` (the rotation handover) the first time a rotation is handed
 * over; `dashboard` (the rotation figures and their panel) on the first "Open Rotation Dashboard"; `similar` (the resolved-ticket index with its search
 * library, for "Seen before?") once activation's work is done.
 * `webview` is the ticket panel's and the dashboard's page.
 */
export const BUNDLES = {
  extension: { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', ...extensionHost },
  remote: { entryPoints: ['src/ui/sources/remoteEntry.ts'], outfile: 'dist/remote.js', ...extensionHost },
  expertise: { entryPoints: ['src/git/expertiseHistory.ts'], outfile: 'dist/expertise.js', ...extensionHost },
  ownership: { entryPoints: ['src/core/ownership/ownershipRules.ts'], outfile: 'dist/ownership.js', ...extensionHost },
  jsonSyntax: { entryPoints: ['src/providers/local/jsonSyntaxError.ts'], outfile: 'dist/jsonSyntax.js', ...extensionHost },
  handover: { entryPoints: ['src/ui/handover/handoverRun.ts'], outfile: 'dist/handover.js', ...extensionHost },
  dashboard: { entryPoints: ['src/ui/dashboard/dashboard.ts'], outfile: 'dist/dashboard.js', ...extensionHost },
  similar: { entryPoints: ['src/ui/seenBefore/seenBeforeService.ts'], outfile: 'dist/similar.js', ...extensionHost },
  webview: {
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    // The webview runs in the Chromium of the VS Code it is shown in: 1.90 ships Chromium 122.
    target: 'chrome120',
  },
};

/** The esbuild options of one bundle. */
export function bundleOptions(name, { production }) {
  return {
    ...BUNDLES[name],
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    logLevel: 'info',
    legalComments: 'none',
    metafile: true,
  };
}

/** Writes dist/meta/<bundle>.json after every build, watch rebuilds included. */
function metafileWriter(name) {
  return {
    name: 'metafile',
    setup(build) {
      build.onEnd(async (result) => {
        if (!result.metafile) return;
        await mkdir('dist/meta', { recursive: true });
        await writeFile(`dist/meta/${name}.json`, JSON.stringify(result.metafile));
      });
    },
  };
}

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  const contexts = await Promise.all(
    Object.keys(BUNDLES).map((name) => esbuild.context({ ...bundleOptions(name, { production }), plugins: [metafileWriter(name)] })),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

// Imported by the bench and the bundle tests for the same options; run by `npm run build`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
