/**
 * The code a ticket points at: file paths (with a line when given) and the file parts of stack
 * frames, from its title, description and comments. One pass of patterns that cover the shapes
 * runtimes print: `path:line[:col]`, `path(line,col)`, Python's `File "path", line N`, .NET's
 * `in path:line N`, PHP's `path(N)` and `on line N`, Java's `(File.java:N)` with its package.
 * Library frames (gems, node_modules, site-packages) are kept but marked, and trusted less.
 */
import type { Ticket } from '../ticket';

export type ReferenceKind = 'path' | 'frame';

export interface CodeReference {
  readonly kind: ReferenceKind;
  /** Forward slashes, no leading `./`; for a Java frame the package path (`com/acme/Billing.java`). */
  readonly path: string;
  readonly line?: number;
  /** 0..1: 0.9 a frame or path:line in the project, 0.7 a bare path, 0.3 a library file. */
  readonly confidence: number;
  /** `title`, `description` or `comment N` (0-based). */
  readonly foundIn: string;
  readonly library: boolean;
}

const EXTENSIONS = 'rb|py|ts|tsx|js|jsx|mjs|cjs|java|kt|go|cs|php|rs|scala|swift|c|cc|cpp|h|hpp|ex|exs|erl|sql|yml|yaml|json|toml|md|sh|vue|svelte';
// The look-ahead keeps `.ts` from stopping inside `.tsx`.
const PATH = `(?:[A-Za-z]:)?[\\w.@~+-]*(?:[\\\\/][\\w.@~+-]+)*\\.(?:${EXTENSIONS})(?![\\w-])`;

/** Each pattern captures the path, then the line when it has one. */
const PATTERNS: readonly { readonly kind: ReferenceKind; readonly regex: RegExp }[] = [
  { kind: 'frame', regex: new RegExp(`File "(${PATH})", line (\\d+)`, 'g') },
  { kind: 'frame', regex: new RegExp(`\\bin (${PATH}):line (\\d+)`, 'g') },
  { kind: 'frame', regex: new RegExp(`\\bin (${PATH}) on line (\\d+)`, 'g') },
  { kind: 'frame', regex: /\bat [\w$.<>]+\(([\w$]+\.(?:java|kt|scala)):(\d+)\)/g },
  { kind: 'frame', regex: new RegExp(`(${PATH})\\((\\d+)(?:,\\d+)?\\)`, 'g') },
  { kind: 'path', regex: new RegExp(`(${PATH}):(\\d+)(?::\\d+)?`, 'g') },
  { kind: 'path', regex: new RegExp(`(${PATH})`, 'g') },
];

/** A path inside a dependency or the runtime, not the project's own code. */
export const LIBRARY = /(^|\/)(node_modules|vendor|gems|site-packages|dist-packages|\.cargo|go\/pkg\/mod|usr\/lib|usr\/local\/lib|jdk|rustc)\//;
const URL_LIKE = /[a-z][\w+.-]*:\/\/[^\s)>\]"'`]*/gi;
const CODE_URL = new RegExp(`\\.(?:${EXTENSIONS})\\??(?::\\d+)*$`);

export function ticketReferences(ticket: Pick<Ticket, 'title' | 'description' | 'comments'>): CodeReference[] {
  const texts: [string, string][] = [
    ['title', ticket.title],
    ['description', ticket.description],
    ...ticket.comments.map((c, i): [string, string] => [`comment ${i}`, c.body]),
  ];
  return texts.flatMap(([foundIn, text]) => referencesIn(text, foundIn));
}

export function referencesIn(text: string, foundIn: string): CodeReference[] {
  return referenceSpans(text, foundIn).map((span) => span.reference);
}

/** A reference and where it stands in the text: `text.slice(start, end)` is what names it. */
export interface ReferenceSpan {
  readonly start: number;
  readonly end: number;
  readonly reference: CodeReference;
}

export function referenceSpans(text: string, foundIn: string): ReferenceSpan[] {
  // Web addresses are not code, except a script in a browser or bundler frame: keep its path.
  // Blanked to the same length, so that positions in `plain` are positions in `text`.
  const plain = text.replace(URL_LIKE, (url) =>
    CODE_URL.test(url) ? url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, (origin) => ' '.repeat(origin.length)) : ' '.repeat(url.length),
  );
  const found: ReferenceSpan[] = [];
  for (const { kind, regex } of PATTERNS) {
    for (const match of plain.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      // A later, looser pattern must not re-read text an earlier one understood.
      if (found.some((span) => start < span.end && end > span.start)) continue;
      const path = normalise(match[1] ?? '', match[0]);
      if (!path || !/[/\\]|\.\w+$/.test(path)) continue;
      const line = match[2] ? Number(match[2]) : undefined;
      const library = LIBRARY.test(path);
      const confidence = library ? 0.3 : kind === 'frame' || line !== undefined ? 0.9 : 0.7;
      found.push({ start, end, reference: { kind, path, line, confidence, foundIn, library } });
    }
  }
  return found;
}

function normalise(raw: string, whole: string): string | undefined {
  let path = raw
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/\/(\.\/)+/g, '/')
    .replace(/^(\.\/)+/, '');
  if (/^\d+(\.\d+)+$/.test(path) || /^v\d/.test(path)) return undefined; // version numbers
  const java = /^at ([\w$.]+)\.[\w$<>]+\(/.exec(whole);
  if (java && !path.includes('/')) {
    // `at com.acme.billing.Invoice.issue(Invoice.java:88)`: the package gives the folders.
    const packagePath = java[1]?.split('.').slice(0, -1).join('/');
    if (packagePath) path = `${packagePath}/${path}`;
  }
  return path.includes('@') && !path.includes('/') ? undefined : path;
}
