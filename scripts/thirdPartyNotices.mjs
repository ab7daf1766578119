// The notices the packages bundled into dist/ ask to travel with their code: for each package
// whose code esbuild's metafiles show in a bundle, its name, version, licence and the licence's text.
// `esbuild.mjs` writes them to dist/ThirdPartyNotices.txt, which the package ships.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_MODULES = 'node_modules/';
const LICENCE_FILE = /^(licen[cs]e|copying)/i;
/** A package's main licence file; beside it, others are alternatives (DOMPurify's LICENSE-MPL beside its Apache LICENSE). */
const MAIN_LICENCE_FILE = /^licen[cs]e(\.md|\.txt)?$/i;

const HEADER = `Support Rotation's bundles in dist/ carry code of the packages below, or code derived from
theirs. Each is listed with its version and licence, followed by the licence's text as the package
gives it.
`;

// The MIT licence's terms, for a package that declares MIT but ships no licence file.
const MIT_TERMS = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/**
 * The folders of the packages (`node_modules/x`, `node_modules/@scope/x`, nested ones too) whose
 * files left code in some output of the given metafiles.
 */
export function bundledPackages(metafiles) {
  const folders = new Set();
  for (const metafile of metafiles) {
    for (const output of Object.values(metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const at = input.lastIndexOf(NODE_MODULES);
        // A plugin's module (`shared-module:…`) only reads what another bundle carries.
        if (at < 0 || bytesInOutput === 0 || input.includes(':')) continue;
        const [first, second] = input.slice(at + NODE_MODULES.length).split('/');
        folders.add(`${input.slice(0, at)}${NODE_MODULES}${first.startsWith('@') ? `${first}/${second}` : first}`);
      }
    }
  }
  return [...folders].sort();
}

/** The text of dist/ThirdPartyNotices.txt for the packages in `folders`, relative to `root`, each once. */
export function thirdPartyNotices(folders, root) {
  return [HEADER, ...[...new Set(folders)].sort().map((folder) => notice(join(root, folder)))].join('\n');
}

function notice(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const rule = '='.repeat(100);
  return `${rule}\n${manifest.name} ${manifest.version}, licence: ${manifest.license}\n${rule}\n\n${licenceText(folder, manifest).trim()}\n`;
}

/**
 * The package's main licence file, or else its every licence file; failing those, MIT's terms under
 * the author's name; failing that, the build stops. A package that offers a choice of licences is
 * taken under the one its main file holds.
 */
function licenceText(folder, manifest) {
  const all = readdirSync(folder)
    .filter((file) => LICENCE_FILE.test(file))
    .sort();
  const main = all.filter((file) => MAIN_LICENCE_FILE.test(file));
  const files = main.length > 0 ? main : all;
  if (files.length > 0) return files.map((file) => readFileSync(join(folder, file), 'utf8').trim()).join('\n\n');
  if (manifest.license === 'MIT') return `Copyright (c) ${authorOf(manifest)}\n\n${MIT_TERMS}`;
  throw new Error(`${manifest.name} is bundled but ships no licence file, and its licence (${manifest.license}) is not one whose text can be written for it`);
}

function authorOf(manifest) {
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  if (!author) throw new Error(`${manifest.name} declares MIT but names no author for its copyright line`);
  return author;
}
