// Builds the extension host bundles and the ticket panel's browser bundle, and the notices of the
// packages they carry (dist/ThirdPartyNotices.txt).
// `--production` minifies without sourcemaps for packaging; `--watch` rebuilds on change.
// Each bundle's metafile (what went into it, and how many bytes each input left) is written to
// dist/meta/, for `npm run bench`; the package leaves it out.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import * as zodMini from 'zod/mini';
import { bundledPackages, thirdPartyNotices } from './scripts/thirdPartyNotices.mjs';

/** Loaded with `require` on first use, from beside dist/extension.js: the activation bundle leaves these paths to Node. */
export const LAZY_BUNDLES = ['./remote.js', './expertise.js', './ownership.js', './jsonSyntax.js', './handover.js', './dashboard.js', './similar.js'];

/** The licences of the packages the bundles carry, shipped beside them. */
const NOTICES_FILE = 'dist/ThirdPartyNotices.txt';

/** Packages whose code ours follows closely, named in the notices whether or not a bundle carries them too: the Jira converters' Markdown reader follows markdown-it's rules. */
const DERIVED_FROM = ['node_modules/markdown-it'];

/** zod, one copy for every extension host bundle, loaded with the activation bundle. */
export const SHARED_ZOD = './zod.js';

/** Our modules that more than one host bundle imports, one copy of each between them, loaded with the activation bundle. */
export const SHARED = './shared.js';

/**
 * What dist/shared.js holds. The activation bundle imports each, and one or more lazy bundles too: a
 * copy in each would be a second one, and for `@vscode/l10n`, whose translations the activation
 * bundle sets, a copy that speaks only English. Paths as esbuild resolves them; a unit test fails
 * when a module is in two host bundles.
 */
export const SHARED_MODULES = [
  'src/ui/common/contributionIds.ts',
  'node_modules/@vscode/l10n/dist/main.js',
  'src/core/zodMessages.ts',
  'src/core/references/ticketReferences.ts',
  'src/core/references/errorTexts.ts',
  'src/ui/common/webviewPage.ts',
  'src/core/sla.ts',
  'src/core/duration.ts',
  'src/core/severity.ts',
  'src/git/gitRead.ts',
  'src/git/gitExtension.ts',
  'src/core/journal/journal.ts',
  'src/core/history/ticketHistory.ts',
  'src/providers/triageConflict.ts',
  'src/providers/sourceResult.ts',
  'src/ui/common/log.ts',
  'src/ui/common/failureMessages.ts',
  'src/ui/common/unsupportedMessage.ts',
  'src/git/baseBranch.ts',
];

const nodeHost = {
  platform: 'node',
  format: 'cjs',
  // VS Code 1.90 runs extensions on Electron 29's Node 20.
  target: 'node20',
};

const extensionHost = {
  ...nodeHost,
  external: ['vscode', ...LAZY_BUNDLES],
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

/**
 * Every extension host bundle takes zod from dist/zod.js instead of carrying a copy each: the
 * activation bundle's own copy was 38.6 KB beside the 35 KB the others share. dist/zod.js holds
 * only the names some bundle reads, so what activation loads grows by the few that only remote
 * sources or the dashboard use (3.5 KB). Keep zod's `catch` out of the project: it alone adds 9 KB.
 */
const sharedZod = {
  name: 'shared-zod',
  setup(build) {
    build.onResolve({ filter: /^zod\/mini$/ }, (args) => ({ path: args.path, namespace: 'shared-zod' }));
    build.onResolve({ filter: /.*/, namespace: 'shared-zod' }, () => ({ path: SHARED_ZOD, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'shared-zod' }, () => ({ contents: facade(SHARED_ZOD, Object.keys(zodMini)), loader: 'js' }));
  },
};

/** The import specifiers that may name a shared module: its file's name without extension, or its package's. */
const SHARED_SPECIFIER = new RegExp(`(^|/)(${SHARED_MODULES.map(importedAs).join('|')})$`);
const RESOLVING_SHARED = Symbol('resolving a shared module');

function importedAs(path) {
  const inPackage = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return (inPackage ? inPackage[1] : path.replace(/^.*\//, '').replace(/\.ts$/, '')).replace(/[.$/]/g, '\\$&');
}

/** Every host bundle takes the shared modules from dist/shared.js, as it takes zod from dist/zod.js. */
const sharedModules = {
  name: 'shared-modules',
  setup(build) {
    // A rebuild when watching reads each module's exports as they are now.
    build.onStart(() => exportedNamesOf.clear());
    build.onResolve({ filter: SHARED_SPECIFIER }, async (args) => {
      if (args.pluginData === RESOLVING_SHARED) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: RESOLVING_SHARED });
      const path = relative(process.cwd(), found.path).replaceAll('\\', '/');
      return SHARED_MODULES.includes(path) ? { path, namespace: 'shared-module' } : undefined;
    });
    build.onResolve({ filter: /.*/, namespace: 'shared-module' }, () => ({ path: SHARED, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'shared-module' }, async (args) => ({ contents: facade(SHARED, await exportedNames(args.path)), loader: 'js' }));
  },
};

const exportedNamesOf = new Map();

/** The names a shared module exports: a package's as Node loads it, one of ours as esbuild reads it alone. */
function exportedNames(path) {
  if (!exportedNamesOf.has(path)) {
    const names = path.startsWith('node_modules/')
      ? import(pathToFileURL(resolvePath(path)).href).then((module) => Object.keys(module))
      : esbuild
          .build({ entryPoints: [path], outdir: 'out/exports', write: false, metafile: true, format: 'esm', logLevel: 'silent' })
          .then((result) => Object.values(result.metafile.outputs)[0].exports);
    exportedNamesOf.set(path, names);
  }
  return exportedNamesOf.get(path);
}

/**
 * What a host bundle sees as one of the modules a shared file holds (zod's, or one of ours): each
 * name, read once from the shared file into a binding of its own, so that the bundle's many uses
 * minify to short local names instead of a lookup by name each (5 KB of zod's in remote.js). The
 * pure call lets esbuild drop every name the bundle does not use; `export { … as catch }` allows
 * the names that are reserved words.
 */
function facade(file, names) {
  return [
    `import * as shared from '${file}';`,
    ...names.filter((name) => name !== 'default').map((name, i) => `const s${i} = /* @__PURE__ */ (() => shared.${name})();\nexport { s${i} as ${name} };`),
  ].join('\n');
}

/**
 * Modules a dependency imports that never run in the extension host, each replaced with a stand-in
 * that does what the importer asks of it there, so that they are not shipped:
 * - follow-redirects with its logger, `debug` (~18 KB): the HTTP client follows redirects itself and
 *   gives axios `maxRedirects: 0`, with which axios sends through Node's http and https. The
 *   stand-in's would say so if they were ever asked to send.
 * - axios's `xhr` and `fetch` adapters (~11 KB with their helpers): axios picks the first adapter that
 *   is available, in the order xhr, http, fetch, and in Node it is always http. An adapter that is
 *   not available is `false` to axios, which is what the stand-ins answer.
 * - the parts of axios for what the HTTP client never asks of it (~10 KB): `data:` URLs, FormData and
 *   Blob bodies, progress events and rate limits, HTTP/2, cancel tokens, the table of status names,
 *   serialising a query from an object. It sends JSON text or nothing to http and https URLs over
 *   HTTP/1.1, with its query as a URLSearchParams, cancels with an AbortSignal and reads statuses as
 *   numbers. Each stand-in throws if it is ever asked.
 * - axios's own proxy support: `proxy-from-env`, its `shouldBypassProxy` and https-proxy-agent with
 *   agent-base (~12 KB). The HTTP client sets `proxy: false`, which leaves proxies to VS Code (it
 *   patches Node's http with the user's `http.proxy`, the environment's and the system's), so axios
 *   never reads the environment nor opens a tunnel: the stand-ins find no proxy, and the tunnel's
 *   would say so if it were ever asked for one.
 */
const AXIOS_HTTP_ADAPTER = /axios[\\/]lib[\\/]adapters[\\/]http\.js$/;

const AXIOS_LIB = /axios[\\/]lib[\\/]/;

/** What each unused part of axios exports, standing in for it. */
const AXIOS_UNUSED = {
  fromDataURI: 'export default unused;',
  estimateDataURLDecodedBytes: 'export const estimateDataURLBufferAllocation = unused;',
  formDataToStream: 'export default unused;',
  readBlob: 'export default unused;',
  AxiosTransformStream: 'export default class { constructor() { unused(); } }',
  progressEventReducer: 'export { unused as progressEventReducer, unused as progressEventDecorator, unused as asyncDecorator };',
  // Made as axios loads; asked for a session only for HTTP/2.
  Http2Sessions: 'export default class { getSession() { unused(); } }',
  CancelToken: 'export default class { constructor() { unused(); } }',
  formDataToJSON: 'export default unused;',
  // Only hung on the axios object as `axios.HttpStatusCode`.
  HttpStatusCode: 'export default {};',
  toFormData: 'export default unused;',
  toURLEncodedForm: 'export default unused;',
  AxiosURLSearchParams: 'export default class { constructor() { unused(); } }',
};

const STAND_INS = [
  {
    filter: /^follow-redirects$/,
    importer: AXIOS_HTTP_ADAPTER,
    contents: [
      "const refuse = () => { throw new Error('Redirects are followed by the HTTP client: axios is given maxRedirects: 0.'); };",
      'export default { http: { request: refuse }, https: { request: refuse } };',
    ].join('\n'),
  },
  { filter: /^\.\/xhr\.js$/, importer: /axios[\\/]lib[\\/]adapters[\\/]adapters\.js$/, contents: 'export default false;' },
  { filter: /^\.\/fetch\.js$/, importer: /axios[\\/]lib[\\/]adapters[\\/]adapters\.js$/, contents: 'export const getFetch = () => false;' },
  ...Object.entries(AXIOS_UNUSED).map(([name, exports]) => ({
    filter: new RegExp(`/${name}\\.js$`),
    importer: AXIOS_LIB,
    contents: `const unused = () => { throw new Error("axios's ${name} is not bundled: the HTTP client never asks for it."); };\n${exports}`,
  })),
  { filter: /^proxy-from-env$/, importer: AXIOS_HTTP_ADAPTER, contents: "export const getProxyForUrl = () => '';" },
  { filter: /shouldBypassProxy\.js$/, importer: AXIOS_HTTP_ADAPTER, contents: 'export default () => true;' },
  {
    filter: /^https-proxy-agent$/,
    importer: AXIOS_HTTP_ADAPTER,
    contents: "export default class { constructor() { throw new Error('Proxies are left to VS Code: the HTTP client sets proxy: false.'); } }",
  },
];

const standIns = {
  name: 'stand-ins',
  setup(build) {
    STAND_INS.forEach(({ filter, importer }, index) => {
      build.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path: String(index), namespace: 'stand-in' } : undefined));
    });
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: STAND_INS[Number(args.path)].contents, loader: 'js' }));
  },
};

/** The bundles that take zod from dist/zod.js: every one of the extension host. */
export const ZOD_SHARING_BUNDLES = Object.keys(BUNDLES).filter((name) => BUNDLES[name].platform === 'node');

const hostPlugins = (name) => (ZOD_SHARING_BUNDLES.includes(name) ? [sharedZod, standIns, sharedModules] : []);

/** How every bundle is written: minified without source maps for production, readable with them otherwise. */
const outputOptions = (production) => ({
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'info',
  legalComments: 'none',
  metafile: true,
});

/** The esbuild options of one bundle. */
export function bundleOptions(name, { production }) {
  return { ...BUNDLES[name], plugins: hostPlugins(name), ...outputOptions(production) };
}

const escaped = (name) => name.replace(/\$/g, '\\$');

/** The names a built host bundle reads from dist/zod.js (`var object = zod.object`, minified or not), found after its `require("./zod.js")`. */
export function zodNamesRead(bundleText) {
  const names = new Set();
  const bindings = bundleText.matchAll(new RegExp(`([\\w$]+)\\s*=\\s*(?:[\\w$]+\\()?require\\("${SHARED_ZOD.replaceAll('.', '\\.')}"\\)`, 'g'));
  for (const [, binding] of bindings) {
    for (const [, name] of bundleText.matchAll(new RegExp(`(?<![\\w$.])${escaped(binding)}\\.([\\w$]+)`, 'g'))) names.add(name);
  }
  return names;
}

/**
 * The options of dist/zod.js: what the host bundles read of `zod/mini` and no more (all of zod, with
 * its every locale, is 425 KB). A name read that zod does not export (a minified name reused for
 * something else) is left out.
 */
export function sharedZodOptions(hostBundleTexts, { production }) {
  const read = [...new Set(hostBundleTexts.flatMap((text) => [...zodNamesRead(text)]))].sort();
  const contents = `export { ${read.filter((name) => name in zodMini).join(', ')} } from 'zod/mini';`;
  return {
    ...nodeHost,
    stdin: { contents, resolveDir: '.', sourcefile: 'zod.js', loader: 'js' },
    outfile: `dist/${SHARED_ZOD.slice(2)}`,
    ...outputOptions(production),
  };
}

/**
 * The options of dist/shared.js: every name the shared modules export, side by side (only those some
 * bundle reads would save 0.1 KB), re-exported whole so that a rebuild when watching takes a name
 * added since. Its own imports of zod are taken from dist/zod.js, as every host bundle's are.
 */
export async function sharedModulesOptions({ production }) {
  const owner = new Map();
  for (const path of SHARED_MODULES) {
    for (const name of await exportedNames(path)) {
      if (name === 'default') continue;
      if (owner.has(name)) throw new Error(`${path} and ${owner.get(name)} both export ${name}: dist/shared.js can hold one of them`);
      owner.set(name, path);
    }
  }
  return {
    ...nodeHost,
    external: ['vscode'],
    stdin: { contents: SHARED_MODULES.map((path) => `export * from './${path}';`).join('\n'), resolveDir: '.', sourcefile: 'shared.js', loader: 'js' },
    outfile: `dist/${SHARED.slice(2)}`,
    plugins: [sharedZod],
    ...outputOptions(production),
  };
}

/**
 * Builds dist/zod.js from what the extension host bundles and dist/shared.js, as written to dist/,
 * read of it. When watching, each of their rebuilds runs this, one after the other; a bundle not yet
 * written on the first builds reads as nothing, and the rebuild after its own build counts it.
 */
async function buildSharedZod(production) {
  const texts = await Promise.all(
    [...ZOD_SHARING_BUNDLES.map((name) => BUNDLES[name].outfile), `dist/${SHARED.slice(2)}`].map((file) => readFile(file, 'utf8').catch(() => '')),
  );
  const result = await esbuild.build(sharedZodOptions(texts, { production }));
  await writeMetafile('zod', result);
  return result;
}

/** Writes dist/meta/<bundle>.json, for the bench. */
async function writeMetafile(name, result) {
  if (!result.metafile) return;
  await mkdir('dist/meta', { recursive: true });
  await writeFile(`dist/meta/${name}.json`, JSON.stringify(result.metafile));
}

let sharedZodBuilds = Promise.resolve();

/** Writes the bundle's metafile after every build, watch rebuilds included; a host bundle's rebuild, dist/shared.js's included, also rebuilds dist/zod.js when watching. */
function afterBuild(name, { production, watch }) {
  return {
    name: 'after-build',
    setup(build) {
      build.onEnd(async (result) => {
        await writeMetafile(name, result);
        if (watch && result.errors.length === 0 && (ZOD_SHARING_BUNDLES.includes(name) || name === 'shared')) {
          const next = sharedZodBuilds.then(() => buildSharedZod(production));
          // A failed build is reported by this rebuild; the next one still runs.
          sharedZodBuilds = next.catch(() => undefined);
          await next;
        }
      });
    },
  };
}

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  // dist/shared.js is built, and watched, beside the bundles, so that a change to a shared module rebuilds it.
  const options = Object.fromEntries(Object.keys(BUNDLES).map((name) => [name, bundleOptions(name, { production })]));
  options.shared = await sharedModulesOptions({ production });
  const contexts = await Promise.all(
    Object.entries(options).map(([name, bundle]) => esbuild.context({ ...bundle, plugins: [...bundle.plugins, afterBuild(name, { production, watch })] })),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    const results = await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
    results.push(await buildSharedZod(production));
    await writeFile(NOTICES_FILE, thirdPartyNotices([...bundledPackages(results.map((r) => r.metafile)), ...DERIVED_FROM], '.'));
  }
}

// Imported by the bench and the bundle tests for the same options; run by `npm run build`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
