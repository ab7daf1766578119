/**
 * One line of .gitignore, as gitignore(5) defines it, compiled to a RegExp over a whole
 * repository-relative path: a path matches when the pattern matches it or one of its directories.
 * Bracket expressions follow git's wildmatch (a leading `]` is a member, `[:alpha:]` classes, an
 * unterminated one matches nothing).
 *
 * Each `*` but the last of a segment stops where the text after it first fits, and each `**` stops
 * at the first directory where the segments after it fit; both are guarded by a lookahead, so the
 * engine never retries another split and the time grows with the path, not with the wildcards.
 * Taking the first fit loses no match: a `*` takes any run of a segment and a `**` any run of
 * segments, so whatever a later fit leaves to the rest of the pattern, an earlier one leaves too.
 */

/** A separator and a `*` as tokens; every other token is the source of a one-character RegExp. */
const SEPARATOR = '/';
const STAR = '*';
const ANY_SEGMENT_CHARACTER = '[^\\/]';

/** git classifies with its own ASCII tables, not the C library's; `/` needs no exclusion here. */
const CHARACTER_CLASSES = new Map([
  ['alnum', '0-9A-Za-z'],
  ['alpha', 'A-Za-z'],
  ['blank', ' \\t'],
  ['cntrl', '\\x00-\\x1f\\x7f'],
  ['digit', '0-9'],
  ['graph', '!-~'],
  ['lower', 'a-z'],
  ['print', ' -~'],
  ['punct', '!-\\/:-@\\[-`{-~'],
  ['space', ' \\t\\n\\r'],
  ['upper', 'A-Z'],
  ['xdigit', '0-9A-Fa-f'],
]);

/** Whether a path (repository-relative; a trailing `/` names a directory) matches the pattern. */
export function compileGitignorePattern(pattern: string): (path: string) => boolean {
  const compiled = patternRegExp(pattern);
  if (!compiled) return () => false;
  const { regex, directoryOnly } = compiled;
  // Without its final slash, a directory's path gives a `*` ending the pattern no empty name to take
  // (`a/*` is not `a/` itself); a pattern for directories only needs the slash to know it is one.
  return (path) => regex.test(directoryOnly ? path : path.replace(/\/$/, ''));
}

function patternRegExp(pattern: string): { regex: RegExp; directoryOnly: boolean } | undefined {
  // A comment; or a negation, which re-includes what an earlier pattern excluded, so alone it matches nothing.
  if (pattern.startsWith('#') || pattern.startsWith('!')) return undefined;
  const body = withoutTrailingSpaces(pattern);
  const tokens = tokenize(body);
  if (!tokens) return undefined;
  const directoryOnly = tokens[tokens.length - 1] === SEPARATOR;
  if (tokens[0] === SEPARATOR) tokens.shift();
  if (directoryOnly) tokens.pop();
  if (tokens.length === 0) return undefined;
  // A slash at the start or in the middle ties the pattern to the root; otherwise it matches at any depth.
  const anchored = /\/(?!$)/.test(body);
  const segments = split(tokens);
  return { regex: new RegExp(assemble(anchored ? segments : [undefined, ...segments], directoryOnly)), directoryOnly };
}

/** git drops trailing spaces, but keeps one escaped with a backslash (`a\ `). */
function withoutTrailingSpaces(pattern: string): string {
  let end = pattern.length;
  while (pattern[end - 1] === ' ') end--;
  let backslashes = 0;
  while (pattern[end - 1 - backslashes] === '\\') backslashes++;
  return pattern.slice(0, backslashes % 2 === 1 && end < pattern.length ? end + 1 : end);
}

/** The pattern's tokens, or undefined for one that matches nothing. */
function tokenize(body: string): string[] | undefined {
  const tokens: string[] = [];
  for (let index = 0; index < body.length; index++) {
    const character = body.charAt(index);
    if (character === '\\') {
      const escaped = body[++index];
      // git removes the final slash before it reads the pattern, so a final `\/` escapes nothing.
      if (escaped === undefined || (escaped === '/' && index === body.length - 1)) return undefined;
      tokens.push(literal(escaped));
    } else if (character === '[') {
      const bracket = readBracket(body, index);
      if (!bracket) return undefined;
      tokens.push(bracket.source);
      index = bracket.end;
    } else if (character === '?') {
      tokens.push(ANY_SEGMENT_CHARACTER);
    } else {
      tokens.push(character === SEPARATOR || character === STAR ? character : literal(character));
    }
  }
  return tokens;
}

function literal(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}

/**
 * The bracket expression that opens at `start`, read as wildmatch reads it: the first member is
 * taken before the closing `]` is looked for, `\` quotes a member, and a range out of order keeps
 * only its first end. Undefined when it is never closed or names an unknown class: git then gives
 * up on the whole pattern.
 */
function readBracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let index = start + 1;
  const negated = pattern[index] === '!' || pattern[index] === '^';
  if (negated) index++;
  let members = '';
  let rangeStart: string | undefined;
  do {
    const character = pattern[index];
    if (character === undefined) return undefined;
    if (character === '\\') {
      rangeStart = pattern[++index];
      if (rangeStart === undefined) return undefined;
      members += member(rangeStart);
    } else if (character === '-' && rangeStart !== undefined && index + 1 < pattern.length && pattern[index + 1] !== ']') {
      let end = pattern[++index];
      if (end === '\\') end = pattern[++index];
      if (end !== undefined && rangeStart <= end) members += `-${member(end)}`;
      rangeStart = undefined;
    } else if (character === '[' && pattern[index + 1] === ':') {
      const close = pattern.indexOf(']', index + 2);
      if (close < 0) return undefined;
      const named = close > index + 2 && pattern[close - 1] === ':';
      // Without its closing `:]`, `[:` is a plain `[` followed by whatever comes next.
      const characters = named ? CHARACTER_CLASSES.get(pattern.slice(index + 2, close - 1)) : member('[');
      if (characters === undefined) return undefined;
      members += characters;
      rangeStart = named ? undefined : '[';
      if (named) index = close;
    } else {
      members += member(character);
      rangeStart = character;
    }
    index++;
  } while (pattern[index] !== ']');
  // A bracket expression never matches the separator, whatever its members.
  return { source: negated ? `[^\\/${members}]` : `(?!\\/)[${members}]`, end: index };
}

function member(character: string): string {
  return '\\]^-['.includes(character) ? `\\${character}` : character;
}

/** The pattern's segments: undefined for a `**` (two or more stars alone), else its RegExp source. */
function split(tokens: readonly string[]): (string | undefined)[] {
  const segments: string[][] = [[]];
  for (const token of tokens) {
    if (token === SEPARATOR) segments.push([]);
    else segments[segments.length - 1]?.push(token);
  }
  return segments.map((segment) => (segment.length > 1 && segment.every((token) => token === STAR) ? undefined : segmentSource(segment)));
}

/** One segment: every `*` but the last stops where the text after it first fits. */
function segmentSource(tokens: readonly string[]): string {
  const pieces = [''];
  tokens.forEach((token, index) => {
    if (token !== STAR) pieces[pieces.length - 1] += token;
    else if (tokens[index - 1] !== STAR) pieces.push('');
  });
  return pieces
    .map((piece, index) => {
      if (index === 0) return piece;
      return index === pieces.length - 1 ? `${ANY_SEGMENT_CHARACTER}*${piece}` : `(?:(?!${piece})${ANY_SEGMENT_CHARACTER})*${piece}`;
    })
    .join('');
}

/**
 * The whole pattern: runs of segments between the `**`s (undefined), each run placed at the first
 * directory where it fits. A path matches through a matched directory too, so the last run need
 * only be followed by a separator or the end.
 */
function assemble(segments: readonly (string | undefined)[], directoryOnly: boolean): string {
  const runs: string[][] = [];
  segments.forEach((segment, index) => {
    if (segment === undefined) return;
    if (index === 0 || segments[index - 1] === undefined) runs.push([]);
    runs[runs.length - 1]?.push(segment);
  });
  // Only `**`s: every path, or every path inside a directory.
  if (runs.length === 0) return directoryOnly ? '\\/' : '';
  const trailing = segments[segments.length - 1] === undefined;
  const end = trailing ? (directoryOnly ? '\\/[^\\/]+\\/' : '\\/[\\s\\S]') : directoryOnly ? '\\/' : '(?:\\/|$)';
  return runs.reduce((source, run, index) => {
    const fit = run.join('\\/') + (index === runs.length - 1 ? end : '(?=\\/)');
    if (index > 0) return `${source}(?:(?!\\/${fit})\\/[^\\/]+)*\\/${fit}`;
    return segments[0] === undefined ? `${source}(?:(?!${fit})[^\\/]*\\/)*${fit}` : source + fit;
  }, '^');
}
