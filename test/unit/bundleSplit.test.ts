import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type * as z from 'zod/mini';
import * as zodMini from 'zod/mini';
import type { HttpClient } from '../../src/providers/http/httpClient';
import { markdownToAdf, markdownToWiki } from '../../src/providers/jira/markup';
import { loadTimes } from '../bench/bundleLoad';
import { json, loopbackServer } from '../support/loopbackServer';
import { withProxyInEnvironment } from '../support/proxyEnvironment';
import { REPO_ROOT } from '../support/testPaths';

type BundleName = 'extension' | 'remote' | 'expertise' | 'ownership' | 'jsonSyntax' | 'handover' | 'dashboard' | 'similar' | 'shared' | 'zod';
type LazyBundle = Exclude<BundleName, 'extension' | 'shared' | 'zod'>;

interface BundleConfig {
  bundleOptions(name: BundleName, mode: { production: boolean }): esbuild.BuildOptions;
  sharedZodOptions(hostBundleTexts: string[], mode: { production: boolean }): esbuild.BuildOptions;
  sharedModulesOptions(mode: { production: boolean }): Promise<esbuild.BuildOptions>;
  zodNamesRead(bundleText: string): Set<string>;
  LAZY_BUNDLES: string[];
  SHARED_MODULES: string[];
  ZOD_SHARING_BUNDLES: string[];
}

const LAZY: readonly LazyBundle[] = ['remote', 'expertise', 'ownership', 'jsonSyntax', 'handover', 'dashboard', 'similar'];
const ZOD = [/(^|\/)node_modules\/zod\//];

/** What only remote sources or a search for experts need: never in the bundle loaded at activation. */
const REMOTE_ONLY = [
  /(^|\/)node_modules\/axios\//,
  /^src\/providers\/http\//,
  /^src\/providers\/gitlab\//,
  /^src\/ui\/sources\/(gitlab|zendesk|github|jira)Accounts\.ts$/,
  /^src\/providers\/jira\//,
  /^src\/ui\/branch\/mergeRequestCommand\.ts$/,
];
/** Modules with state the whole extension shares (the output channel, the refusal notices, core's translations): a second copy would have state of its own. */
const SHARED_STATE = [/^src\/ui\/common\/log\.ts$/, /^src\/ui\/common\/failureMessages\.ts$/, /(^|\/)node_modules\/@vscode\/l10n\//];
const EXPERTISE_ONLY = [
  /^src\/core\/expertise\/expertiseIndex\.ts$/,
  /^src\/core\/expertise\/historyRecord\.ts$/,
  /^src\/git\/expertiseHistory\.ts$/,
  /^src\/git\/historyStream\.ts$/,
];
const OWNERSHIP_ONLY = [/^src\/core\/ownership\/(codeowners|codeownersPattern|gitignorePattern|patternIndex|teamRanking)\.ts$/];

describe('the bundles', function () {
  this.timeout(60_000);
  const built = new Map<BundleName, { inputs: string[]; text: string }>();
  let config: BundleConfig;

  const build = async (options: esbuild.BuildOptions): Promise<{ inputs: string[]; text: string }> => {
    const result = await esbuild.build({ ...options, absWorkingDir: REPO_ROOT, write: false, logLevel: 'silent' });
    return { inputs: Object.keys(result.metafile?.inputs ?? {}), text: result.outputFiles[0]?.text ?? '' };
  };

  before(async () => {
    // The options `npm run package` builds with, built here in memory, so the check never reads a stale dist/.
    config = (await import(pathToFileURL(join(REPO_ROOT, 'esbuild.mjs')).href)) as BundleConfig;
    for (const name of ['extension', ...LAZY] as const) built.set(name, await build(config.bundleOptions(name, { production: true })));
    const hostTexts = config.ZOD_SHARING_BUNDLES.map(textOf);
    built.set('shared', await build(await config.sharedModulesOptions({ production: true })));
    built.set('zod', await build(config.sharedZodOptions([...hostTexts, textOf('shared')], { production: true })));
  });

  const textOf = (name: string): string => built.get(name as BundleName)?.text ?? '';

  const inputsOf = (name: BundleName): string[] => built.get(name)?.inputs ?? [];
  const matching = (name: BundleName, patterns: RegExp[]): string[] => inputsOf(name).filter((input) => patterns.some((p) => p.test(input)));

  it('keep axios, the HTTP layer and the GitLab source out of the bundle loaded at activation', () => {
    assert.deepEqual(matching('extension', REMOTE_ONLY), []);
    assert.ok(matching('remote', REMOTE_ONLY).length >= 5, 'they are in dist/remote.js');
  });

  it('keep the expertise index and the history reading that builds it out of the bundle loaded at activation', () => {
    assert.deepEqual(matching('extension', EXPERTISE_ONLY), []);
    assert.deepEqual(matching('expertise', EXPERTISE_ONLY).length, EXPERTISE_ONLY.length, 'they are in dist/expertise.js');
  });

  it('keep CODEOWNERS, its matcher and the team ranking out of the bundle loaded at activation', () => {
    assert.deepEqual(matching('extension', OWNERSHIP_ONLY), []);
    assert.equal(matching('ownership', OWNERSHIP_ONLY).length, 5, 'they are in dist/ownership.js');
    for (const name of ['extension', ...LAZY] as const) assert.deepEqual(matching(name, [/(^|\/)node_modules\/ignore\//]), [], name);
  });

  it("keep JSON's scanner, needed only to say where a queue file breaks, out of the bundle loaded at activation", () => {
    const scanner = [/^src\/providers\/local\/(jsonSyntaxScanner|jsonToken)\.ts$/];
    assert.deepEqual(matching('extension', scanner), []);
    assert.equal(matching('jsonSyntax', scanner).length, 2, 'it is in dist/jsonSyntax.js');
    for (const name of ['extension', ...LAZY] as const) assert.deepEqual(matching(name, [/(^|\/)node_modules\/jsonc-parser\//]), [], name);
  });

  it('keep the rotation dashboard and its figures out of the bundle loaded at activation', () => {
    const DASHBOARD_ONLY = [/^src\/core\/rotation\//, /^src\/ui\/dashboard\/dashboard\.ts$/, /^src\/shared\/dashboardMessages\.ts$/];
    assert.deepEqual(matching('extension', DASHBOARD_ONLY), []);
    assert.ok(matching('dashboard', DASHBOARD_ONLY).length >= 7, 'they are in dist/dashboard.js');
  });

  it('hold each module whose state the whole extension shares once, in dist/shared.js, which the activation bundle loads', () => {
    assert.equal(matching('shared', SHARED_STATE).length, SHARED_STATE.length, 'dist/shared.js has them');
    for (const name of ['extension', ...LAZY] as const) assert.deepEqual(matching(name, SHARED_STATE), [], name);
    assert.ok(textOf('extension').includes('require("./shared.js")'), 'the activation bundle loads dist/shared.js');
  });

  it('carry no module in two host bundles: what more than one imports is in dist/shared.js', () => {
    const holders = new Map<string, BundleName[]>();
    for (const name of ['extension', ...LAZY, 'shared', 'zod'] as const)
      // A plugin's module (`shared-zod:…`, `shared-module:…`) only reads a shared file.
      for (const input of inputsOf(name).filter((i) => !i.includes(':'))) holders.set(input, [...(holders.get(input) ?? []), name]);
    assert.deepEqual(
      [...holders].filter(([, names]) => names.length > 1),
      [],
    );
    for (const path of config.SHARED_MODULES) assert.ok(inputsOf('shared').includes(path), `${path} is in dist/shared.js`);
  });

  it('leave the lazy bundles for Node to load, from beside the activation bundle', () => {
    const activation = textOf('extension');
    assert.deepEqual(config.LAZY_BUNDLES, [
      './remote.js',
      './expertise.js',
      './ownership.js',
      './jsonSyntax.js',
      './handover.js',
      './dashboard.js',
      './similar.js',
    ]);
    for (const file of config.LAZY_BUNDLES) assert.ok(activation.includes(`require("${file}")`), `${file} is required, not bundled`);
  });

  it('give every host bundle one copy of zod between them, dist/zod.js, which the activation bundle loads', () => {
    assert.deepEqual(config.ZOD_SHARING_BUNDLES, ['extension', ...LAZY]);
    for (const name of ['extension', ...LAZY] as const) assert.deepEqual(matching(name, ZOD), [], `${name} carries no zod of its own`);
    for (const name of ['extension', 'remote', 'handover', 'dashboard'] as const)
      assert.ok(textOf(name).includes('require("./zod.js")'), `${name} takes zod from dist/zod.js`);
    assert.ok(matching('zod', ZOD).length > 5, 'dist/zod.js carries zod');
  });

  it('load less than 180 KB at activation, dist/shared.js and dist/zod.js included', () => {
    const kb = (['extension', 'shared', 'zod'] as const).reduce((sum, name) => sum + Buffer.byteLength(textOf(name)), 0) / 1024;
    assert.ok(kb < 180, `${kb.toFixed(1)} KB`);
  });

  it('export from dist/zod.js every name of zod a host bundle reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundles-'));
    try {
      writeFileSync(join(dir, 'zod.js'), textOf('zod'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle just built, loaded as the extension host loads it
      const exported = require(join(dir, 'zod.js')) as Record<string, unknown>;
      for (const name of ['extension', 'remote', 'handover', 'dashboard', 'shared'] as const) {
        // What the bundle reads of its zod binding that zod has: a minified name may also stand for something else in another scope.
        const read = [...config.zodNamesRead(textOf(name))].filter((n) => n in zodMini);
        assert.ok(read.length > 0, `${name} reads zod's schemas`);
        assert.deepEqual(
          read.filter((n) => exported[n] === undefined),
          [],
          name,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('load every host bundle with dist/zod.js beside it: the schemas they build as they load find what they use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundles-'));
    try {
      for (const name of ['zod', 'shared', 'extension', ...LAZY] as const) writeFileSync(join(dir, `${name}.js`), textOf(name));
      assert.equal(
        loadTimes(
          ['extension', ...LAZY].map((name) => join(dir, `${name}.js`)),
          1,
        ).length,
        1,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave markdown-it and what it brings out of the extension host: the Jira converters read Markdown with a reader of their own', () => {
    const markdownIt = [/(^|\/)node_modules\/(markdown-it|entities|uc\.micro|mdurl|punycode(\.js)?|linkify-it)\//];
    for (const name of ['extension', ...LAZY] as const) assert.deepEqual(matching(name, markdownIt), [], name);
    assert.ok(matching('remote', [/^src\/providers\/jira\/markup\/markdownParser\.ts$/]).length === 1, 'dist/remote.js reads Markdown');
  });

  it('leave MiniSearch out of the extension host: "seen before?" searches an index of its own', () => {
    for (const name of ['extension', ...LAZY] as const) assert.deepEqual(matching(name, [/(^|\/)node_modules\/minisearch\//]), [], name);
  });

  describe('with the stand-ins for what never runs in the extension host (parts of axios the HTTP client never asks for)', () => {
    /** The HTTP client and the Jira converters as dist/remote.js bundles them, with dist/zod.js beside them. */
    interface RemoteParts {
      HttpClient: typeof HttpClient;
      markdownToWiki: typeof markdownToWiki;
      markdownToAdf: typeof markdownToAdf;
      z: typeof zodMini;
    }
    let dir = '';
    let bundled: RemoteParts;
    let server: Server;
    let origin = '';

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'remote-parts-'));
      const parts = await build({
        ...config.bundleOptions('remote', { production: true }),
        entryPoints: undefined,
        outfile: join(dir, 'remoteParts.js'),
        stdin: {
          contents: [
            "export { HttpClient } from './src/providers/http/httpClient';",
            "export { markdownToWiki, markdownToAdf } from './src/providers/jira/markup';",
            "export * as z from 'zod/mini';",
          ].join('\n'),
          resolveDir: REPO_ROOT,
          loader: 'ts',
        },
      });
      writeFileSync(join(dir, 'remoteParts.js'), parts.text);
      writeFileSync(join(dir, 'zod.js'), textOf('zod'));
      writeFileSync(join(dir, 'shared.js'), textOf('shared'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle just built, loaded as the extension host loads it
      bundled = require(join(dir, 'remoteParts.js')) as RemoteParts;
      // One redirect, which the HTTP client follows itself.
      server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          if (request.url === '/moved') return void response.writeHead(302, { Location: '/answer' }).end();
          const answer = JSON.stringify({ ok: true, path: `${request.method} ${request.url} ${Buffer.concat(chunks).toString()}` });
          // Compressed as servers do when asked: axios asks, and reads it through its zlib streams.
          if (/gzip/.test(request.headers['accept-encoding'] ?? ''))
            response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(gzipSync(answer));
          else response.writeHead(200, { 'Content-Type': 'application/json' }).end(answer);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(() => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('carry none of the modules stood in for', () => {
      const standIns = [
        /(^|\/)node_modules\/(follow-redirects|debug|ms|supports-color|proxy-from-env|https-proxy-agent|agent-base)\//,
        /(^|\/)node_modules\/axios\/lib\/adapters\/(xhr|fetch)\.js$/,
        /(^|\/)node_modules\/axios\/lib\/(helpers|cancel)\/(shouldBypassProxy|fromDataURI|estimateDataURLDecodedBytes|formDataToStream|readBlob|AxiosTransformStream|progressEventReducer|Http2Sessions|CancelToken|formDataToJSON|HttpStatusCode|toFormData|toURLEncodedForm|AxiosURLSearchParams)\.js$/,
      ];
      assert.deepEqual(matching('remote', standIns), []);
      assert.ok(matching('remote', [/(^|\/)node_modules\/axios\/lib\/adapters\/http\.js$/]).length === 1, 'axios keeps its Node adapter');
    });

    const bundledClient = (): HttpClient =>
      new bundled.HttpClient({
        baseUrl: origin,
        authHeaders: () => Promise.resolve({}),
        userAgent: 'test',
        label: 'test',
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      });
    const answerSchema = (): z.ZodMiniType<{ ok: boolean; path: string }> => bundled.z.looseObject({ ok: bundled.z.boolean(), path: bundled.z.string() });

    it('still reach a server through axios, following a redirect', async () => {
      const answer = await bundledClient().get('/moved', answerSchema());
      assert.deepEqual(answer.kind === 'ok' ? answer.data : answer, { ok: true, path: 'GET /answer ' });
    });

    it('send a JSON write with query parameters, and read a compressed answer', async () => {
      const answer = await bundledClient().send('POST', '/notes', { body: 'Fixed in 1.2' }, answerSchema(), { idempotent: true }, { params: { page: 2 } });
      assert.deepEqual(answer.kind === 'ok' ? answer.data : answer, { ok: true, path: 'POST /notes?page=2 {"body":"Fixed in 1.2"}' });
    });

    it('reach the server directly with a proxy named in the environment: proxies are left to VS Code', async () => {
      const proxy = await loopbackServer(json(200, { ok: false, path: 'the proxy' }));
      try {
        const answer = await withProxyInEnvironment(proxy.url, () => bundledClient().get('/moved', answerSchema()));
        assert.deepEqual(answer.kind === 'ok' ? answer.data : answer, { ok: true, path: 'GET /answer ' });
        assert.equal(proxy.requests.length, 0);
      } finally {
        await proxy.close();
      }
    });

    it('convert Markdown for Jira as the converters do unbundled, bare URLs and entities included', () => {
      const note =
        '## Plan\n\nSee https://example.com/a_b and [docs](https://e.com/x?a=1&b=2) &amp; &copy;.\n\n- **one**\n- `two`\n\n> quoted\nwww.example.com';
      assert.equal(bundled.markdownToWiki(note), markdownToWiki(note));
      assert.deepEqual(bundled.markdownToAdf(note), markdownToAdf(note));
    });
  });
});
