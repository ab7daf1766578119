import { namedEntity, numericEntity } from './htmlEntities';
import type { InlineState } from './inlineState';
import { isSpace } from './markdownCharacters';

/** Characters that may start inline syntax, and `]`, which ends a link's label: the text rule stops before each. */
const SYNTAX = new Set([0x0a, 0x21, 0x26, 0x2a, 0x3c, 0x5b, 0x5c, 0x5d, 0x5f, 0x60, 0x7e]);

/** A run of plain text, taken whole. */
export function text(state: InlineState, silent: boolean): boolean {
  let pos = state.pos;
  while (pos < state.posMax && !SYNTAX.has(state.src.charCodeAt(pos))) pos++;
  if (pos === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

/** A line end: a hard break after two spaces or more, else a soft one; the line's trailing and the next line's leading spaces go. */
export function newline(state: InlineState, silent: boolean): boolean {
  let pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x0a) return false;
  if (!silent) {
    let end = state.pending.length;
    while (end > 0 && state.pending.charCodeAt(end - 1) === 0x20) end--;
    const trailing = state.pending.length - end;
    state.pending = state.pending.slice(0, end);
    state.push(trailing >= 2 ? 'hardbreak' : 'softbreak', 'br', 0);
  }
  pos++;
  while (pos < state.posMax && isSpace(state.src.charCodeAt(pos))) pos++;
  state.pos = pos;
  return true;
}

const ESCAPABLE = new Set('\\!"#$%&\'()*+,./:;<=>?@[]^_`{|}~-');

/** A backslash: before ASCII punctuation, the character itself; before a line end, a hard break; else itself. */
export function escape(state: InlineState, silent: boolean): boolean {
  let pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x5c || ++pos >= state.posMax) return false;
  const next = state.src.charCodeAt(pos);
  if (next === 0x0a) {
    if (!silent) state.push('hardbreak', 'br', 0);
    pos++;
    while (pos < state.posMax && isSpace(state.src.charCodeAt(pos))) pos++;
    state.pos = pos;
    return true;
  }
  if (next === 0x20) {
    if (!silent) state.push('text_special', '', 0).content = '\\';
    state.pos = pos;
    return true;
  }
  const escaped = String.fromCodePoint(state.src.codePointAt(pos) ?? next);
  if (!silent) state.push('text_special', '', 0).content = ESCAPABLE.has(escaped) ? escaped : `\\${escaped}`;
  state.pos = pos + escaped.length;
  return true;
}

/** For each length of backtick run in the text, where the last one starts. */
function lastBacktickRuns(src: string): Map<number, number> {
  const runs = new Map<number, number>();
  let pos = 0;
  while ((pos = src.indexOf('`', pos)) !== -1) {
    const start = pos;
    while (src.charCodeAt(++pos) === 0x60);
    runs.set(pos - start, start);
  }
  return runs;
}

/** A code span: a run of backticks to the next run as long; its line ends read as spaces, one padding space each side dropped. */
export function codeSpan(state: InlineState, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x60) return false;
  const max = state.posMax;
  let pos = start + 1;
  while (pos < max && state.src.charCodeAt(pos) === 0x60) pos++;
  const marker = state.src.slice(start, pos);
  state.lastBacktickRuns ??= lastBacktickRuns(state.src);
  if ((state.lastBacktickRuns.get(marker.length) ?? -1) >= pos) {
    let matchEnd = pos;
    let matchStart;
    while ((matchStart = state.src.indexOf('`', matchEnd)) !== -1 && matchStart < max) {
      matchEnd = matchStart + 1;
      while (state.src.charCodeAt(matchEnd) === 0x60) matchEnd++;
      if (matchEnd > max) break;
      if (matchEnd - matchStart !== marker.length) continue;
      if (!silent) {
        let content = state.src.slice(pos, matchStart).replace(/\n/g, ' ');
        if (content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) content = content.slice(1, -1);
        state.push('code_inline', 'code', 0).content = content;
      }
      state.pos = matchEnd;
      return true;
    }
  }
  // No closing run: the backticks are text.
  if (!silent) state.pending += marker;
  state.pos = pos;
  return true;
}

const NUMERIC = /^&#((?:x[a-f0-9]{1,6}|[0-9]{1,7}));/i;
const NAMED = /^&([a-z][a-z0-9]{1,31});/i;

/** `&#123;`, `&#x7b;` and the named references the reader knows; anything else stays text. */
export function entity(state: InlineState, silent: boolean): boolean {
  const pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x26 || pos + 1 >= state.posMax) return false;
  // The longest reference is 34 characters: looking no further keeps a long line of `&` linear.
  const ahead = state.src.slice(pos, Math.min(pos + 40, state.posMax));
  const numeric = NUMERIC.exec(ahead);
  const named = numeric ? undefined : NAMED.exec(ahead);
  const decoded = numeric ? numericEntity(numeric[1]) : named ? namedEntity(named[1]) : undefined;
  const match = numeric ?? named;
  if (decoded === undefined || !match) return false;
  if (!silent) state.push('text_special', '', 0).content = decoded;
  state.pos += match[0].length;
  return true;
}
